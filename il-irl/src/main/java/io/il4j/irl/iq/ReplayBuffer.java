package io.il4j.irl.iq;

import java.util.SplittableRandom;

/**
 * A ring buffer of the learner's own transitions (normalized observations), for online IQ-Learn. With absorbing
 * states on ({@code absorbingWeight > 0}), a sample is the absorbing state's self-transition (a row flagged
 * {@code absorbing}, observation and action unused) with probability {@code m w / (size + m w)}, {@code m} the
 * terminations in the buffer and {@code w = absorbingWeight}: after a termination the absorbing state keeps
 * {@code gamma + gamma^2 + ... = gamma / (1 - gamma)} times the weight of one step in the discounted occupancy
 * (where each stored step counts once), which is what makes the value term telescope through it. Not thread-safe.
 */
final class ReplayBuffer {
    private final int capacity, obsDim, actDim;
    private final double absorbingWeight;
    private final float[] obs, next, actions;
    private final boolean[] done;
    private int size, head, terminations;

    ReplayBuffer(int capacity, int obsDim, int actDim, double absorbingWeight) {
        this.capacity = capacity;
        this.obsDim = obsDim;
        this.actDim = actDim;
        this.absorbingWeight = absorbingWeight;
        obs = new float[capacity * obsDim];
        next = new float[capacity * obsDim];
        actions = new float[capacity * actDim];
        done = new boolean[capacity];
    }

    void add(float[] o, float[] a, float[] n, boolean terminal) {
        if (size == capacity && done[head]) terminations--;
        System.arraycopy(o, 0, obs, head * obsDim, obsDim);
        System.arraycopy(n, 0, next, head * obsDim, obsDim);
        System.arraycopy(a, 0, actions, head * actDim, actDim);
        done[head] = terminal;
        if (terminal) terminations++;
        head = (head + 1) % capacity;
        size = Math.min(size + 1, capacity);
    }

    int size() {
        return size;
    }

    /** Stored steps' worth of the absorbing self-transition per termination (0: absorbing states off). */
    double absorbingWeight() {
        return absorbingWeight;
    }

    void sample(SplittableRandom rng, int k, float[] obsOut, float[] nextOut, float[] actOut, boolean[] doneOut, boolean[] absorbingOut) {
        if (AbsorbingState.draw(rng, size, terminations, absorbingWeight)) {
            AbsorbingState.writeRow(k, obsDim, actDim, obsOut, nextOut, actOut, doneOut, absorbingOut);
            return;
        }
        int i = rng.nextInt(size);
        System.arraycopy(obs, i * obsDim, obsOut, k * obsDim, obsDim);
        System.arraycopy(next, i * obsDim, nextOut, k * obsDim, obsDim);
        System.arraycopy(actions, i * actDim, actOut, k * actDim, actDim);
        doneOut[k] = done[i];
        absorbingOut[k] = false;
    }
}
