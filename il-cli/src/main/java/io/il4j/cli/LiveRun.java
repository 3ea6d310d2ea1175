package io.il4j.cli;

import io.il4j.core.report.Json;
import io.il4j.core.report.RunDirectory;
import io.il4j.core.report.RunReport;
import io.il4j.core.train.Checkpointing;
import io.il4j.core.train.RunRecorder;
import io.il4j.core.train.StopSignal;
import io.il4j.core.train.TrainingInterruptedException;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A training command's run directory while it trains, the part every {@code il train} command shares: the directory
 * exists from the start ({@code config.json} and {@code dataset.json} at once), a {@link RunRecorder} appends a
 * {@code metrics.csv} row and refreshes the plots at every check, Ctrl-C/SIGTERM becomes a stop request that keeps a
 * checkpoint and prints the resume command, and {@link #finish} writes {@code results.json} and {@code report.html}.
 * Use: {@code start}, train with {@link #checkpointing()} and {@link #recorder()}, {@link #stopped} in the catch of
 * {@link TrainingInterruptedException}, {@link #close()} in a finally (not try-with-resources: the catch must run
 * before closing lets a pending Ctrl-C exit the JVM).
 */
final class LiveRun implements AutoCloseable {

    /** Plots are refreshed at a check at most this often (rendering a PNG costs tens of milliseconds). */
    static final long PLOT_INTERVAL_MS = 2_000;
    /** How long Ctrl-C waits for the checkpoint before the JVM exits anyway. */
    static final Duration STOP_GRACE = Duration.ofSeconds(60);

    private final CheckpointOptions options;
    private final CheckpointOptions.Run run;
    private final RunRecorder recorder;
    private final StopSignal stop;

    private LiveRun(CheckpointOptions options, CheckpointOptions.Run run, RunRecorder recorder, StopSignal stop) {
        this.options = options;
        this.run = run;
        this.recorder = recorder;
        this.stop = stop;
    }

    /**
     * Opens {@code runs/name/} (fresh, or the stopped run when {@code --resume}), writes the configuration and the
     * dataset card, and turns SIGINT/SIGTERM into a stop request.
     */
    static LiveRun start(CheckpointOptions options, Path runs, String name, Object config, Object dataset, String curveTitle) throws IOException {
        CheckpointOptions.Run run = options.open(runs, name);
        run.dir().writeConfig(config);
        Json.write(run.dir().file(RunReport.DATASET), dataset);
        RunRecorder recorder = new RunRecorder(run.dir(), curveTitle, run.resumeFrom() == null ? List.of() : run.resumeFrom().curve(),
                PLOT_INTERVAL_MS);
        return new LiveRun(options, run, recorder, StopSignal.onShutdown(STOP_GRACE));
    }

    RunDirectory dir() {
        return run.dir();
    }

    RunRecorder recorder() {
        return recorder;
    }

    /** Checkpoints every {@code --checkpoint-every} steps and on a stop request, continuing the checkpoint with --resume. */
    Checkpointing checkpointing() {
        return options.checkpointing(run, stop);
    }

    /** Says where the stopped run's checkpoint is and how to resume it; returns the exit code. */
    int stopped(TrainingInterruptedException e) {
        return options.stopped(e, System.out);
    }

    /** {@code results.json}, then {@code report.html}; returns the report's path. */
    Path finish(Object results) throws IOException {
        run.dir().writeResults(results);
        return RunReport.write(run.dir().path());
    }

    @Override
    public void close() {
        stop.close();
    }
}
