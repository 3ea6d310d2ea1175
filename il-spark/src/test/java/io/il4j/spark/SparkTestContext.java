package io.il4j.spark;

import org.apache.spark.api.java.JavaSparkContext;

/**
 * One local[2] Spark context shared by the test classes of this module (starting one costs seconds); the il commands
 * run by the tests with {@code --spark-master local[2]} get the same one from {@link SparkJobs#acquire}.
 */
final class SparkTestContext {
    private static JavaSparkContext context;

    private SparkTestContext() {
    }

    static synchronized JavaSparkContext get() {
        if (context == null) {
            context = SparkJobs.acquire("local[2]", "il4j-tests"); // never released: stopped when the JVM exits
            Runtime.getRuntime().addShutdownHook(new Thread(() -> context.stop()));
        }
        return context;
    }
}
