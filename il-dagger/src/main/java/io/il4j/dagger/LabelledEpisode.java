package io.il4j.dagger;

import io.il4j.core.data.DatasetBuilder;
import io.il4j.dagger.internal.RoundStats;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One DAgger rollout episode as it was run: the visited states with the expert's label of each, the learner's
 * action where a learner was asked, which of the two was executed, and how the episode ended. Rolled out by
 * {@link DaggerRound#rollOut}, on the calling thread or on another machine (hence serializable), then appended to
 * the round's data on the driver. Immutable (the arrays are not exposed).
 *
 * @param episode      index of the episode in its round
 * @param coinOffset   how many of the round's coin draws the earlier episodes used (where this episode's draws begin)
 * @param terminated   the last step ended the episode (otherwise it was cut: horizon or label budget)
 */
public record LabelledEpisode(int episode, long coinOffset, double[][] observations, double[][] expertActions,
                              double[][] learnerActions, boolean[] expertActed, boolean terminated) implements Serializable {

    public LabelledEpisode {
        int t = expertActions.length;
        if (observations.length != t + 1 || learnerActions.length != t || expertActed.length != t)
            throw new IllegalArgumentException("an episode of " + t + " steps needs " + (t + 1) + " observations and "
                    + t + " learner actions and flags; got " + observations.length + ", " + learnerActions.length + ", " + expertActed.length);
    }

    /** Steps (= expert labels). */
    public int length() {
        return expertActions.length;
    }

    /** The observation at step {@code t} ({@code t == length()}: the final one); a copy. */
    public double[] observation(int t) {
        return observations[t].clone();
    }

    /** The expert's label at step {@code t}; a copy. */
    public double[] expertAction(int t) {
        return expertActions[t].clone();
    }

    /**
     * The first {@code steps} steps, as the episode would have been had the label budget cut it there: not
     * terminated (the step that ended it, if any, is not among them). The episode itself when it is not longer.
     */
    public LabelledEpisode prefix(long steps) {
        if (steps >= length()) return this;
        int n = (int) steps;
        return new LabelledEpisode(episode, coinOffset, Arrays.copyOf(observations, n + 1), Arrays.copyOf(expertActions, n),
                Arrays.copyOf(learnerActions, n), Arrays.copyOf(expertActed, n), false);
    }

    /** Appends the episode to the round's data (an expert label per state, no reward) and counts it in the round's statistics. */
    void appendTo(DatasetBuilder roundData, RoundStats stats) {
        roundData.beginEpisode();
        stats.episode();
        for (int t = 0; t < length(); t++) {
            roundData.addStep(observations[t], expertActions[t], 0);
            stats.step(expertActed[t], learnerActions[t], expertActions[t]);
        }
        roundData.endEpisode(observations[length()], terminated, !terminated);
    }
}
