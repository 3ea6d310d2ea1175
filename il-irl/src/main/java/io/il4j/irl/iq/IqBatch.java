package io.il4j.irl.iq;

import java.util.SplittableRandom;

/**
 * One IQ-Learn batch of transitions (normalized rows): observations, next observations, actions, done flags, and
 * which transitions are the expert's and which fall under the chi-squared penalty. Offline batches are all expert;
 * online ones are half expert, half replayed learner transitions, all regularized. Reused across steps; not thread-safe.
 */
final class IqBatch {
    private final int obsDim, actDim;
    float[] obs = new float[0], next = new float[0], act = new float[0];
    boolean[] done = new boolean[0], expert = new boolean[0], regularized = new boolean[0];
    /** Rows that are the absorbing state's self-transition (online with absorbing states; see {@link AbsorbingState}). */
    boolean[] absorbing = new boolean[0];
    int size;

    IqBatch(int obsDim, int actDim) {
        this.obsDim = obsDim;
        this.actDim = actDim;
    }

    /** Room for {@code n} transitions; returns whether the arrays were reallocated. */
    boolean ensure(int n) {
        size = n;
        if (done.length >= n) return false;
        obs = new float[n * obsDim];
        next = new float[n * obsDim];
        act = new float[n * actDim];
        done = new boolean[n];
        expert = new boolean[n];
        regularized = new boolean[n];
        absorbing = new boolean[n];
        return true;
    }

    /** {@code n} uniformly sampled expert transitions. */
    void fillExpert(ExpertTransitions source, SplittableRandom rng, int n) {
        ensure(n);
        for (int k = 0; k < n; k++) {
            source.copy(rng.nextInt(source.size), k, obs, next, act, done);
            expert[k] = true;
            regularized[k] = true;
            absorbing[k] = false;
        }
    }

    /**
     * {@code b} expert transitions followed by {@code b} replayed learner transitions. With absorbing states on, the
     * expert's terminations lead to the absorbing state as the learner's do, with the replay buffer's weight.
     */
    void fillMixed(ExpertTransitions source, ReplayBuffer replay, SplittableRandom rng, int b) {
        ensure(2 * b);
        for (int k = 0; k < b; k++) {
            if (AbsorbingState.draw(rng, source.size, source.terminations, replay.absorbingWeight()))
                AbsorbingState.writeRow(k, obsDim, actDim, obs, next, act, done, absorbing);
            else {
                source.copy(rng.nextInt(source.size), k, obs, next, act, done);
                absorbing[k] = false;
            }
            expert[k] = true;
            regularized[k] = true;
            replay.sample(rng, b + k, obs, next, act, done, absorbing);
            expert[b + k] = false;
            regularized[b + k] = true;
        }
    }
}
