package io.il4j.irl.iq;

import io.il4j.core.train.Checkpointing;
import io.il4j.core.train.EvalRollouts;
import io.il4j.core.train.TrainingListener;

/**
 * How an IQ-Learn run reports, evaluates and checkpoints (see {@link IqLearner#setRunControl}): {@code listener} gets
 * every recorded curve point ({@link TrainingListener#onCheckpoint}, every {@value IqTrainingLog#EVERY} updates and at
 * evaluations); {@code eval} (or null) rolls the policy out every {@code evalEvery} steps;
 * {@code checkpointing} (or null) writes checkpoints and continues one (offline only: see
 * {@link IqLearner#trainOnline}). Immutable.
 *
 * @param listener      progress, live metrics (never null: {@link TrainingListener#NONE})
 * @param checkpointing checkpoints and resume, or null for none
 * @param eval          evaluation rollouts during training, or null
 * @param evalEvery     steps between evaluations when {@code eval} is given (default 1,000)
 */
public record IqRunControl(TrainingListener listener, Checkpointing checkpointing, EvalRollouts eval, int evalEvery) {
    public static final IqRunControl NONE = new IqRunControl(TrainingListener.NONE, null, null, 1000);

    public IqRunControl {
        if (listener == null) listener = TrainingListener.NONE;
        if (evalEvery < 1) throw new IllegalArgumentException("evalEvery must be at least 1, got " + evalEvery);
    }
}
