package io.il4j.cli;

import io.il4j.core.report.Json;
import io.il4j.core.report.RunDirectory;
import io.il4j.core.report.RunReport;
import io.il4j.core.train.Checkpoint;
import io.il4j.core.train.Checkpointing;
import io.il4j.core.train.RunRecorder;
import io.il4j.core.train.StopSignal;
import io.il4j.core.train.TrainingInterruptedException;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A training command's run as a user watches and interrupts it, shared by the {@code il train} commands whose trainers
 * keep checkpoints: {@code runs/<name>/} opened fresh or for {@code --resume} ({@link CheckpointOptions}) with
 * {@code config.json} and {@code dataset.json} written at once, a {@link RunRecorder} that appends a
 * {@code metrics.csv} row and refreshes the plots at every check, a {@link StopSignal} that turns Ctrl-C and SIGTERM
 * into "checkpoint, then stop", and at the end {@code results.json} and {@code report.html}.
 *
 * <p>Use: {@link #start}; train with {@link #recorder()} among the listeners and {@link #checkpointing()}; on
 * {@link TrainingInterruptedException} return {@link #stopped}; {@link #close()} in a {@code finally} (not
 * try-with-resources: closing lets a pending Ctrl-C exit the JVM, so it must come after the catch clauses);
 * then {@link #finish}.
 */
final class TrainingRun implements AutoCloseable {

    /** Plots are refreshed at a check at most this often (rendering a PNG costs tens of milliseconds). */
    static final long PLOT_INTERVAL_MS = 2_000;
    /** How long Ctrl-C waits for the checkpoint before the JVM exits anyway. */
    static final Duration STOP_GRACE = Duration.ofSeconds(60);

    private final CheckpointOptions options;
    private final CheckpointOptions.Run run;
    private final RunRecorder recorder;
    private final StopSignal stop;

    private TrainingRun(CheckpointOptions options, CheckpointOptions.Run run, RunRecorder recorder, StopSignal stop) {
        this.options = options;
        this.run = run;
        this.recorder = recorder;
        this.stop = stop;
    }

    /**
     * Opens {@code runs/name/} (kept as it is with {@code --resume}), writes its config and dataset card, and starts
     * listening for Ctrl-C / SIGTERM.
     *
     * @param dataset    the dataset card ({@link RunReport#DATASET})
     * @param curveTitle the learning-curve plot's title
     */
    static TrainingRun start(CheckpointOptions options, Path runs, String name, Object config, Object dataset, String curveTitle)
            throws IOException {
        CheckpointOptions.Run run = options.open(runs, name);
        run.dir().writeConfig(config);
        Json.write(run.dir().file(RunReport.DATASET), dataset);
        RunRecorder recorder = new RunRecorder(run.dir(), curveTitle, run.resumeFrom() == null ? List.of() : run.resumeFrom().curve(),
                PLOT_INTERVAL_MS);
        return new TrainingRun(options, run, recorder, StopSignal.onShutdown(STOP_GRACE));
    }

    RunDirectory dir() {
        return run.dir();
    }

    /** Appends {@code metrics.csv} and refreshes the plots at every check (a training listener). */
    RunRecorder recorder() {
        return recorder;
    }

    /** The checkpoint to continue, or null for a fresh run. */
    Checkpoint resumeFrom() {
        return run.resumeFrom();
    }

    /** Where and how often the trainer keeps checkpoints, and the stop signal it polls. */
    Checkpointing checkpointing() {
        return options.checkpointing(run, stop);
    }

    /** Says where the stopped run's checkpoint is and how to resume it; returns the exit code. */
    int stopped(TrainingInterruptedException e) {
        return options.stopped(e, System.out);
    }

    /** Writes {@code results.json} and {@code report.html}; returns the report's path. */
    Path finish(Object results) throws IOException {
        run.dir().writeResults(results);
        return RunReport.write(run.dir().path());
    }

    @Override
    public void close() {
        stop.close();
    }
}
