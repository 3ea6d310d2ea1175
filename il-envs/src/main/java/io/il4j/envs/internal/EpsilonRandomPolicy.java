package io.il4j.envs.internal;

import io.il4j.core.policy.Policy;
import io.il4j.core.space.ActionSpace;

/**
 * Each step, with probability epsilon a uniformly random action, otherwise the inner policy's action.
 * The inner policy is queried every step (so a stateful expert sees every observation). Not thread-safe.
 */
public final class EpsilonRandomPolicy implements Policy {
    private final Policy inner;
    private final double epsilon;
    private final SplitMix64 rng;
    private final RandomActions random;

    public EpsilonRandomPolicy(Policy inner, ActionSpace space, double epsilon, long seed) {
        if (!(epsilon >= 0 && epsilon <= 1)) throw new IllegalArgumentException("epsilon must be in [0, 1], got " + epsilon);
        this.inner = inner;
        this.epsilon = epsilon;
        this.rng = new SplitMix64(seed);
        this.random = new RandomActions(space, rng);
    }

    @Override
    public double[] act(double[] observation) {
        double[] a = inner.act(observation);
        if (rng.nextDouble() >= epsilon) return a;
        double[] r = new double[a.length];
        random.draw(r);
        return r;
    }

    @Override
    public void reset() {
        inner.reset();
    }
}
