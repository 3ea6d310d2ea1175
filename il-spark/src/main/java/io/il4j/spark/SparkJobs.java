package io.il4j.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** How il4j configures and starts a Spark context: no web UI, and on a cluster the Java 17 openings on the executors too. */
public final class SparkJobs {

    private SparkJobs() {
    }

    /** The JVM options Spark needs on Java 17 (one line, from the module's build). */
    public static String javaOptions() {
        try (InputStream in = SparkJobs.class.getResourceAsStream("spark-java-options.txt")) {
            if (in == null) throw new IllegalStateException("spark-java-options.txt is missing from il-spark's jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The configuration of an il4j job on {@code master} ({@code local[N]}, {@code spark://host:port}, …). The driver JVM
     * must already run with {@link #javaOptions()} (the il launcher and the tests start it so); executors started by a
     * cluster get them through {@code spark.executor.extraJavaOptions}. A master already set (by spark-submit, which
     * passes its {@code --master} as a system property) is kept.
     */
    public static SparkConf conf(String master, String appName) {
        SparkConf conf = new SparkConf().setAppName(appName)
                .set("spark.ui.enabled", "false")
                .set("spark.executor.extraJavaOptions", javaOptions());
        if (master != null && !conf.contains("spark.master")) conf.setMaster(master);
        String jars = System.getProperty(JARS_PROPERTY, "");
        if (!jars.isBlank() && !conf.get("spark.master", "local").startsWith("local")) conf.set("spark.jars", jars);
        return conf;
    }

    /**
     * System property naming (comma-separated) the jars a cluster's executors need: il4j's modules and their
     * dependencies, without Spark's own. The il launcher sets it; Spark then serves them to the executors.
     */
    public static final String JARS_PROPERTY = "il4j.spark.jars";

    private static JavaSparkContext shared;
    private static int users;

    /**
     * The context of this JVM for {@code master}: the one already running (Spark allows one per JVM; e.g. a test's, or a
     * second command in the same process), else a new one. Give it back with {@link #release}, which stops it when its
     * last user is done.
     */
    public static synchronized JavaSparkContext acquire(String master, String appName) {
        if (shared != null && !shared.sc().isStopped()) {
            String wanted = conf(master, appName).get("spark.master", shared.master());
            if (!wanted.equals(shared.master()))
                throw new IllegalArgumentException("a Spark context on " + shared.master() + " already runs in this JVM; cannot also start one on " + wanted);
            users++;
            return shared;
        }
        shared = start(master, appName);
        users = 1;
        return shared;
    }

    /** Gives back a context from {@link #acquire}; the last release stops it. */
    public static synchronized void release(JavaSparkContext sc) {
        if (sc != shared || users == 0) throw new IllegalStateException("release() of a context acquire() did not give");
        if (--users == 0) {
            shared.stop();
            shared = null;
        }
    }

    /** Starts a context of its own (not shared: see {@link #acquire}); stop it when done. */
    public static JavaSparkContext start(String master, String appName) {
        SparkConf conf = conf(master, appName);
        JavaSparkContext sc;
        try {
            sc = new JavaSparkContext(conf);
        } catch (Exception e) { // e.g. a master URL Spark cannot parse (SparkException: thrown from Scala, undeclared)
            throw new IllegalArgumentException("cannot start Spark on " + conf.get("spark.master", "(no master)") + ": " + e.getMessage(), e);
        }
        sc.setLogLevel("WARN");
        return sc;
    }
}
