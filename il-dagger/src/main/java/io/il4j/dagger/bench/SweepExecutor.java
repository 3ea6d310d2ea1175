package io.il4j.dagger.bench;

import java.util.List;
import java.util.ServiceLoader;

/**
 * Where a benchmark sweep's cells run. {@link #LOCAL} runs them one after another in this JVM; il-spark registers a
 * {@link Factory} that spreads them over a Spark cluster. Each cell is deterministic given its task, method and seed,
 * so the tables and plots do not depend on where the cells ran. Close it when the sweep ends.
 */
public interface SweepExecutor extends AutoCloseable {

    /** One cell after another, here. */
    SweepExecutor LOCAL = cells -> cells.stream().map(SweepCell::run).toList();

    /** The cells' results, in the order of {@code cells}. */
    List<Comparison.SeedRun> run(List<SweepCell> cells);

    @Override
    default void close() {
    }

    /** Opens executors on a cluster; found with {@link ServiceLoader} (il-spark provides one). */
    interface Factory {
        /** @param master where to run, e.g. {@code local[2]} or {@code spark://host:7077} */
        SweepExecutor open(String master);
    }

    /** {@link #LOCAL} when {@code master} is null, otherwise the executors of the {@link Factory} on the classpath. */
    static SweepExecutor open(String master) {
        if (master == null) return LOCAL;
        return ServiceLoader.load(Factory.class, SweepExecutor.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("a Spark master (" + master + ") needs il-spark and Spark on the "
                        + "classpath; the il launcher adds them when it is given --spark-master"))
                .open(master);
    }
}
