package io.il4j.spark;

import io.il4j.core.cluster.Cluster;
import io.il4j.core.cluster.ClusterTask;
import io.il4j.core.runtime.Il4j;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Spark as a {@link Cluster}: one Spark task (and partition) per {@link ClusterTask}, so a free executor core takes the
 * next one; results collected in task order. Registered as the {@link Cluster.Factory} that {@code il … --spark-master URL}
 * finds with ServiceLoader (benchmark sweeps, {@code il eval}, {@code il convert}). A task's own failure is rethrown
 * on the driver as it was thrown (its message names the file, line and column of bad input), not wrapped in Spark's,
 * once every task has ended.
 */
public final class SparkCluster implements Cluster.Factory {

    /** A cluster on the context {@link SparkJobs#acquire} gives for {@code master}; closing it releases that context. */
    @Override
    public Cluster open(String master) {
        return new OnContext(SparkJobs.acquire(master, "il4j"), true);
    }

    /** Runs tasks on an existing context (which the caller stops). */
    public static Cluster on(JavaSparkContext sc) {
        return new OnContext(sc, false);
    }

    private record OnContext(JavaSparkContext sc, boolean acquired) implements Cluster {
        @Override
        public <R extends Serializable> List<R> run(List<? extends ClusterTask<? extends R>> tasks) {
            if (tasks.isEmpty()) return List.of();
            List<ClusterTask<? extends R>> list = new ArrayList<>(tasks);
            List<Outcome<R>> outcomes = sc.parallelize(list, list.size()).map(task -> {
                Il4j.configure();
                try {
                    return new Outcome<R>(task.run(), null);
                } catch (Exception e) {
                    return new Outcome<R>(null, e);
                }
            }).collect();
            List<R> results = new ArrayList<>(outcomes.size());
            for (Outcome<R> o : outcomes) {
                if (o.failure() != null) throw Cluster.unchecked(o.failure());
                results.add(o.result());
            }
            return results;
        }

        @Override
        public int parallelism() {
            return sc.defaultParallelism();
        }

        @Override
        public void close() {
            if (acquired) SparkJobs.release(sc);
        }
    }

    /**
     * A task's result or what it threw. A task's exception comes back as a value rather than failing the Spark job: the
     * job then ends only when every task has, so no task still writes files while the driver cleans up after the
     * failure, the failure reported is the first in task order (as {@link Cluster#LOCAL} reports it), and a
     * deterministic failure (a bad cell) is not retried.
     */
    private record Outcome<R>(R result, Exception failure) implements Serializable {
    }
}
