package io.il4j.core.train;

import java.nio.file.Path;

/**
 * How a trainer keeps checkpoints: the file it writes (atomically) every {@code everySteps} gradient steps (0: only
 * when stopped) and when {@code stop} is raised, and optionally a checkpoint to continue from. A trainer that cannot
 * checkpoint its configuration refuses this with a message saying so. Immutable.
 *
 * @param file       where checkpoints go (replaced each time)
 * @param everySteps steps between checkpoints; 0 = only on a stop request
 * @param stop       polled once per step
 * @param resumeFrom the checkpoint to continue, or null for a fresh run
 */
public record Checkpointing(Path file, int everySteps, StopSignal stop, Checkpoint resumeFrom) {
    public Checkpointing {
        if (file == null) throw new IllegalArgumentException("checkpoint file must not be null");
        if (everySteps < 0) throw new IllegalArgumentException("checkpoint everySteps must be >= 0, got " + everySteps);
        if (stop == null) stop = StopSignal.NEVER;
    }

    /** Whether a checkpoint is due after {@code step}. */
    public boolean due(int step) {
        return everySteps > 0 && step % everySteps == 0;
    }
}
