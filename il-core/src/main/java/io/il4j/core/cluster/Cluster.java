package io.il4j.core.cluster;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Where independent {@link ClusterTask}s run: {@link #LOCAL}, one after another in this JVM, or on a cluster through the
 * {@link Factory} that il-spark registers (found with {@link ServiceLoader}, so that nothing here or in il-cli depends on
 * Spark). Benchmark sweeps, distributed evaluation and many-file conversion are lists of tasks; whichever cluster runs
 * them, the results come back in task order and are the same. Close it when the work ends.
 */
public interface Cluster extends AutoCloseable {

    /** One task after another, here. */
    Cluster LOCAL = new Cluster() {
        @Override
        public <R extends Serializable> List<R> run(List<? extends ClusterTask<? extends R>> tasks) {
            List<R> out = new ArrayList<>(tasks.size());
            for (ClusterTask<? extends R> t : tasks) out.add(runHere(t));
            return out;
        }

        @Override
        public int parallelism() {
            return 1;
        }
    };

    /** Runs every task once and returns their results in the order of {@code tasks}; the first failure is thrown. */
    <R extends Serializable> List<R> run(List<? extends ClusterTask<? extends R>> tasks);

    /** How many tasks run at once (for splitting work into about as many tasks). */
    int parallelism();

    @Override
    default void close() {
    }

    /** Opens a cluster; il-spark provides one. */
    interface Factory {
        /** @param master where to run, e.g. {@code local[2]} or {@code spark://host:7077} */
        Cluster open(String master);
    }

    /** {@link #LOCAL} when {@code master} is null, otherwise the cluster of the {@link Factory} on the classpath. */
    static Cluster open(String master) {
        if (master == null) return LOCAL;
        return ServiceLoader.load(Factory.class, Cluster.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("a Spark master (" + master + ") needs il-spark and Spark on the "
                        + "classpath; the il launcher adds them when it is given --spark-master"))
                .open(master);
    }

    /**
     * Runs {@code task} in this thread; what it throws comes out unchecked with its message intact (an
     * {@link IOException} as {@link UncheckedIOException}), so that a command prints it as one line.
     */
    static <R extends Serializable> R runHere(ClusterTask<? extends R> task) {
        try {
            return task.run();
        } catch (Exception e) {
            throw unchecked(e);
        }
    }

    /** What a task threw, unchecked with its message intact (a cluster rethrows its tasks' failures through this too). */
    static RuntimeException unchecked(Throwable e) {
        if (e instanceof RuntimeException r) return r;
        if (e instanceof IOException io) return new UncheckedIOException(io.getMessage(), io);
        if (e instanceof Error err) throw err;
        return new IllegalStateException(e.getMessage(), e);
    }
}
