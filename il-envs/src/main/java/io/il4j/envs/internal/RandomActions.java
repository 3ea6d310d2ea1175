package io.il4j.envs.internal;

import io.il4j.core.space.ActionSpace;
import io.il4j.core.space.Box;
import io.il4j.core.space.Discrete;

/** Draws uniformly random actions from an action space into a caller's array. Not thread-safe. */
public final class RandomActions {
    private final ActionSpace space;
    private final SplitMix64 rng;

    public RandomActions(ActionSpace space, SplitMix64 rng) {
        if (space instanceof Box box)
            for (int i = 0; i < box.dim(); i++)
                if (!Double.isFinite(box.low(i)) || !Double.isFinite(box.high(i)))
                    throw new IllegalArgumentException("cannot draw uniform actions from " + box + ": dim " + i + " is unbounded");
        this.space = space;
        this.rng = rng;
    }

    public void draw(double[] out) {
        if (space instanceof Discrete d) {
            out[0] = rng.nextInt(d.n());
        } else {
            Box box = (Box) space;
            for (int i = 0; i < box.dim(); i++) out[i] = rng.uniform(box.low(i), box.high(i));
        }
    }
}
