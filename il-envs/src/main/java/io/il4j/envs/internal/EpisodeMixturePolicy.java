package io.il4j.envs.internal;

import io.il4j.core.policy.Policy;

/**
 * Picks, at every {@link #reset()} (the start of an episode), the first policy with probability p and
 * the second otherwise, and follows it for the whole episode. Not thread-safe.
 */
public final class EpisodeMixturePolicy implements Policy {
    private final Policy first, second;
    private final double firstProbability;
    private final SplitMix64 rng;
    private Policy current;

    public EpisodeMixturePolicy(Policy first, Policy second, double firstProbability, long seed) {
        if (!(firstProbability >= 0 && firstProbability <= 1))
            throw new IllegalArgumentException("mixture probability must be in [0, 1], got " + firstProbability);
        this.first = first;
        this.second = second;
        this.firstProbability = firstProbability;
        this.rng = new SplitMix64(seed);
        reset();
    }

    @Override
    public void reset() {
        current = rng.nextDouble() < firstProbability ? first : second;
        current.reset();
    }

    @Override
    public double[] act(double[] observation) {
        return current.act(observation);
    }

    @Override
    public void act(double[] observation, double[] actionOut) {
        current.act(observation, actionOut);
    }

    /** Whether the current episode follows the first policy. */
    public boolean followingFirst() {
        return current == first;
    }
}
