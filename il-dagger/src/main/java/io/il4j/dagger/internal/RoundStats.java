package io.il4j.dagger.internal;

import io.il4j.core.space.ActionSpace;

/** Counters of one round's rollouts: steps, episodes, who acted, learner-vs-expert disagreement. Not thread-safe. */
public final class RoundStats {
    private final ActionSpace space;
    private int episodes, steps, expertSteps, compared;
    private double disagreementSum;

    public RoundStats(ActionSpace space) {
        this.space = space;
    }

    public void episode() {
        episodes++;
    }

    /**
     * One environment step. {@code learnerAction} and {@code expertAction} may be null when that
     * policy was not asked; disagreement is averaged over steps where both were.
     */
    public void step(boolean expertActed, double[] learnerAction, double[] expertAction) {
        steps++;
        if (expertActed) expertSteps++;
        if (learnerAction != null && expertAction != null) {
            disagreementSum += ActionDistance.between(space, learnerAction, expertAction);
            compared++;
        }
    }

    public int episodes() {
        return episodes;
    }

    public int steps() {
        return steps;
    }

    public double expertActionFraction() {
        return steps == 0 ? Double.NaN : (double) expertSteps / steps;
    }

    public double meanDisagreement() {
        return compared == 0 ? Double.NaN : disagreementSum / compared;
    }
}
