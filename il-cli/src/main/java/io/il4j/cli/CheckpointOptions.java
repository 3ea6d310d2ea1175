package io.il4j.cli;

import io.il4j.core.report.RunDirectory;
import io.il4j.core.train.Checkpoint;
import io.il4j.core.train.Checkpointing;
import io.il4j.core.train.StopSignal;
import io.il4j.core.train.TrainingInterruptedException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checkpoint and resume options of a training command (a picocli mixin): the run directory's
 * {@value #CHECKPOINT} is written every {@code --checkpoint-every} steps and when Ctrl-C or SIGTERM stops the run,
 * which then prints the command that resumes it; {@code --resume} continues from it.
 */
final class CheckpointOptions {

    static final String CHECKPOINT = "checkpoint.zip";
    /** Exit code of a run stopped by a signal and checkpointed (128 + SIGINT, as shells report Ctrl-C). */
    static final int STOPPED = 130;

    @Option(names = "--checkpoint-every", defaultValue = "1000", paramLabel = "N",
            description = "Write runs/<name>/" + CHECKPOINT + " every N gradient steps, and when Ctrl-C or SIGTERM stops the run; "
                    + "0 = only then (default: ${DEFAULT-VALUE}).")
    int every;

    @Option(names = "--resume", description = "Continue the stopped run runs/<name>/ from its " + CHECKPOINT
            + " (give the options of that run; the result equals an uninterrupted run's).")
    boolean resume;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** A run directory opened for training, and the checkpoint to continue (null for a fresh run). */
    record Run(RunDirectory dir, Path checkpointFile, Checkpoint resumeFrom) {
        Checkpointing checkpointing(int every, StopSignal stop) {
            return new Checkpointing(checkpointFile, every, stop, resumeFrom);
        }
    }

    /** Opens {@code runs/name/}: fresh, or kept as it is when resuming (its checkpoint must exist). */
    Run open(Path runs, String name) throws IOException {
        if (every < 0) throw new IllegalArgumentException("--checkpoint-every must be >= 0, got " + every);
        Path file = runs.resolve(name).resolve(CHECKPOINT);
        if (!resume) {
            RunDirectory dir = RunDirectory.create(runs, name);
            Files.deleteIfExists(file); // a fresh run must not leave an older run's checkpoint to be resumed by mistake
            return new Run(dir, file, null);
        }
        if (!Files.isRegularFile(file))
            throw new IllegalArgumentException("--resume: there is no checkpoint " + file + " to continue (give the --runs and "
                    + "--name of the stopped run)");
        Checkpoint cp = Checkpoint.read(file);
        System.out.println("resuming " + file + " from step " + cp.step());
        return new Run(RunDirectory.open(runs, name), file, cp);
    }

    Checkpointing checkpointing(Run run, StopSignal stop) {
        return run.checkpointing(every, stop);
    }

    /** Says where the stopped run's checkpoint is and how to resume it; returns the exit code. */
    int stopped(TrainingInterruptedException e, PrintStream out) {
        out.println();
        out.println("stopped after step " + e.step() + "; checkpoint: " + e.checkpoint());
        out.println("resume with: " + resumeCommand());
        out.flush();
        return STOPPED;
    }

    /** The command line as given, with {@code --resume} added. */
    String resumeCommand() {
        return TypedCommand.rebuilt(spec, List.of(), "--resume");
    }
}
