package io.il4j.spark;

import org.apache.spark.api.java.JavaSparkContext;

/** One local[2] Spark context shared by the test classes of this module (starting one costs seconds). */
final class SparkTestContext {
    private static JavaSparkContext context;

    private SparkTestContext() {
    }

    static synchronized JavaSparkContext get() {
        if (context == null) {
            context = SparkJobs.start("local[2]", "il4j-tests");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> context.stop()));
        }
        return context;
    }
}
