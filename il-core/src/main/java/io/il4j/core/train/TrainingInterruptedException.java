package io.il4j.core.train;

import java.nio.file.Path;

/**
 * Training stopped on a {@link StopSignal} request after {@link #step()} gradient steps; the checkpoint to resume
 * from was written to {@link #checkpoint()}.
 */
public class TrainingInterruptedException extends RuntimeException {
    private final int step;
    private final transient Path checkpoint;

    public TrainingInterruptedException(int step, Path checkpoint) {
        super("training stopped at step " + step + "; checkpoint: " + checkpoint);
        this.step = step;
        this.checkpoint = checkpoint;
    }

    public int step() {
        return step;
    }

    public Path checkpoint() {
        return checkpoint;
    }
}
