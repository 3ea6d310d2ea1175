package io.il4j.spark;

import io.il4j.core.runtime.Il4j;
import io.il4j.dagger.bench.Comparison;
import io.il4j.dagger.bench.SweepCell;
import io.il4j.dagger.bench.SweepExecutor;
import org.apache.spark.api.java.JavaSparkContext;

import java.util.List;

/**
 * Benchmark sweeps on Spark: one task per (task, method, seed) cell, run by {@link SweepCell#run()} on an executor,
 * results collected in cell order. Registered as the {@link SweepExecutor.Factory} that {@code il bench dagger
 * --spark-master URL} finds. The cells' round data go to the directory the driver names, which on a cluster must be
 * a filesystem every executor sees (otherwise each executor keeps the rounds it ran, and resuming re-runs the rest).
 */
public final class SparkSweeps implements SweepExecutor.Factory {

    @Override
    public SweepExecutor open(String master) {
        return new Executor(SparkJobs.start(master, "il4j sweep"));
    }

    /** Runs cells on an existing context (which the caller stops). */
    public static SweepExecutor on(JavaSparkContext sc) {
        return cells -> run(sc, cells);
    }

    static List<Comparison.SeedRun> run(JavaSparkContext sc, List<SweepCell> cells) {
        if (cells.isEmpty()) return List.of();
        // one partition per cell: a free executor core takes the next cell
        return sc.parallelize(cells, cells.size()).map(cell -> {
            Il4j.configure();
            return cell.run();
        }).collect();
    }

    private record Executor(JavaSparkContext sc) implements SweepExecutor {
        @Override
        public List<Comparison.SeedRun> run(List<SweepCell> cells) {
            return SparkSweeps.run(sc, cells);
        }

        @Override
        public void close() {
            sc.stop();
        }
    }
}
