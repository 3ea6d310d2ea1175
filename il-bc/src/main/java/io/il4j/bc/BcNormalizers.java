package io.il4j.bc;

import io.il4j.core.space.Box;
import io.il4j.core.data.Normalizer;

/**
 * The statistics a BC policy applies at inference: observations (every stacked frame), goals (when
 * goal-conditioned, else null) and continuous actions (outputs are mapped back; null for discrete
 * actions). Disabled normalization is stored as identity normalizers. Immutable; thread-safe.
 */
public record BcNormalizers(Normalizer observation, Normalizer goal, Normalizer action) {
    public BcNormalizers {
        if (observation == null) throw new IllegalArgumentException("the observation normalizer must not be null (use Normalizer.identity)");
    }

    /**
     * The action normalizer of a squashed (tanh) policy: maps {@code [-1, 1]} onto the box (mean = centre,
     * std = half-range), so that {@code tanh} outputs span exactly the allowed actions.
     *
     * @throws IllegalArgumentException when a bound is infinite or a dimension has zero width
     */
    public static Normalizer unitBox(Box box) {
        int n = box.dim();
        float[] centre = new float[n], half = new float[n];
        for (int i = 0; i < n; i++) {
            double lo = box.low(i), hi = box.high(i);
            if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(hi > lo))
                throw new IllegalArgumentException("action dim " + i + " has bounds [" + lo + ", " + hi + "]; a squashed (tanh) policy needs "
                        + "finite bounds with low < high");
            centre[i] = (float) (0.5 * (lo + hi));
            half[i] = (float) (0.5 * (hi - lo));
        }
        return new Normalizer(centre, half);
    }
}
