package io.il4j.envs.internal;

import io.il4j.core.policy.Policy;
import io.il4j.core.space.ActionSpace;

/** Uniformly random actions from a seeded stream. Not thread-safe. */
public final class RandomPolicy implements Policy {
    private final RandomActions actions;
    private final int dim;

    public RandomPolicy(ActionSpace space, long seed) {
        this.actions = new RandomActions(space, new SplitMix64(seed));
        this.dim = space.storageDim();
    }

    @Override
    public double[] act(double[] observation) {
        double[] out = new double[dim];
        actions.draw(out);
        return out;
    }

    @Override
    public void act(double[] observation, double[] actionOut) {
        actions.draw(actionOut);
    }
}
