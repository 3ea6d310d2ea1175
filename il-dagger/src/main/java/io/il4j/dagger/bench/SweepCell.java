package io.il4j.dagger.bench;

import io.il4j.core.cluster.ClusterTask;

import java.nio.file.Path;

/**
 * One cell of a benchmark sweep, named so that it can run on another machine: a registered task
 * ({@link BenchmarkTasks#byName}), a method and a training seed, and where its rounds are saved (null: nowhere).
 * Immutable; runs anywhere a {@link io.il4j.core.cluster.Cluster} sends it.
 */
public record SweepCell(String task, boolean quick, Method method, long seed, String runDirectory) implements ClusterTask<Comparison.SeedRun> {

    /** Runs the cell: trains the method and evaluates it as {@link Comparison} does for every cell. */
    @Override
    public Comparison.SeedRun run() {
        return Comparison.runOne(BenchmarkTasks.byName(task, quick), method, seed, runDirectory == null ? null : Path.of(runDirectory));
    }
}
