package io.il4j.bc.internal;

import io.il4j.bc.Relabel;
import io.il4j.core.data.Dataset;
import io.il4j.core.data.MinibatchSampler;

import java.util.SplittableRandom;

/**
 * Hindsight goals for a step: the achieved goal (selected observation dims) of a later observation
 * of the same episode: the final one, one of the next {@code horizon}, or any later one. A step whose
 * episode has no later observation (last step, final observation missing) gets its own state.
 * Stateless apart from the sampler's generator; thread-safe.
 */
public final class HindsightGoals implements MinibatchSampler.GoalSource {
    private final Dataset data;
    private final Relabel mode;
    private final int horizon;
    private final int[] dims;

    public HindsightGoals(Dataset data, Relabel mode, int horizon, int[] achievedGoalDims) {
        if (mode == Relabel.NONE) throw new IllegalArgumentException("relabel mode NONE uses the dataset's goals, not hindsight goals");
        for (int d : achievedGoalDims)
            if (d < 0 || d >= data.observationDim())
                throw new IllegalArgumentException("achieved-goal dim " + d + " is outside the observation (dims 0.." + (data.observationDim() - 1) + ")");
        this.data = data;
        this.mode = mode;
        this.horizon = horizon;
        this.dims = achievedGoalDims.clone();
    }

    /** The observation row whose achieved goal becomes the goal of {@code step}. */
    public int goalRow(int step, SplittableRandom rng) {
        int e = data.episodeOfStep(step);
        int row = data.observationRow(step);
        int lastRow = data.episodeFirstObservationRow(e) + data.episodeObservationCount(e) - 1;
        int later = lastRow - row;
        if (later <= 0) return row;
        return switch (mode) {
            case FINAL -> lastRow;
            case FUTURE -> row + 1 + rng.nextInt(Math.min(horizon, later));
            case UNIFORM_LATER -> row + 1 + rng.nextInt(later);
            case NONE -> throw new IllegalStateException();
        };
    }

    @Override
    public void goal(int step, SplittableRandom rng, float[] out, int offset) {
        int row = goalRow(step, rng);
        for (int i = 0; i < dims.length; i++) out[offset + i] = data.observation(row, dims[i]);
    }
}
