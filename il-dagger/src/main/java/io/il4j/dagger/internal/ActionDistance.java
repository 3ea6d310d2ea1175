package io.il4j.dagger.internal;

import io.il4j.core.space.ActionSpace;
import io.il4j.core.space.Box;
import io.il4j.core.space.Discrete;

/**
 * Distance between two actions of one space: Euclidean between the actions clipped into a {@link Box}
 * (what an environment that clips executes), or 0/1 disagreement for a {@link Discrete} index.
 */
public final class ActionDistance {
    private ActionDistance() {
    }

    public static double between(ActionSpace space, double[] a, double[] b) {
        if (space instanceof Discrete) return a[0] == b[0] ? 0.0 : 1.0;
        Box box = (Box) space;
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double lo = box.low(i), hi = box.high(i);
            double d = Math.max(lo, Math.min(hi, a[i])) - Math.max(lo, Math.min(hi, b[i]));
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** The largest possible distance: the diagonal of a bounded box, 1 for discrete, infinity for an unbounded box. */
    public static double maximum(ActionSpace space) {
        if (space instanceof Discrete) return 1.0;
        Box box = (Box) space;
        double s = 0;
        for (int i = 0; i < box.dim(); i++) {
            double w = box.high(i) - box.low(i);
            s += w * w;
        }
        return Math.sqrt(s);
    }
}
