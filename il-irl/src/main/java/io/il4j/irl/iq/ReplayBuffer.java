package io.il4j.irl.iq;

import java.util.SplittableRandom;

/** A ring buffer of the learner's own transitions (normalized observations), for online IQ-Learn. Not thread-safe. */
final class ReplayBuffer {
    private final int capacity, obsDim, actDim;
    private final float[] obs, next, actions;
    private final boolean[] done;
    private int size, head;

    ReplayBuffer(int capacity, int obsDim, int actDim) {
        this.capacity = capacity;
        this.obsDim = obsDim;
        this.actDim = actDim;
        obs = new float[capacity * obsDim];
        next = new float[capacity * obsDim];
        actions = new float[capacity * actDim];
        done = new boolean[capacity];
    }

    void add(float[] o, float[] a, float[] n, boolean terminal) {
        System.arraycopy(o, 0, obs, head * obsDim, obsDim);
        System.arraycopy(n, 0, next, head * obsDim, obsDim);
        System.arraycopy(a, 0, actions, head * actDim, actDim);
        done[head] = terminal;
        head = (head + 1) % capacity;
        size = Math.min(size + 1, capacity);
    }

    int size() {
        return size;
    }

    void sample(SplittableRandom rng, int k, float[] obsOut, float[] nextOut, float[] actOut, boolean[] doneOut) {
        int i = rng.nextInt(size);
        System.arraycopy(obs, i * obsDim, obsOut, k * obsDim, obsDim);
        System.arraycopy(next, i * obsDim, nextOut, k * obsDim, obsDim);
        System.arraycopy(actions, i * actDim, actOut, k * actDim, actDim);
        doneOut[k] = done[i];
    }
}
