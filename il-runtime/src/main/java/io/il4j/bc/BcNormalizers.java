package io.il4j.bc;

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
}
