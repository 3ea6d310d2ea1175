package io.il4j.core.policy;

import java.util.function.Function;

/**
 * An expert that can be <em>queried in any state</em>, including states the expert itself would never
 * visit. This is what DAgger needs: labels for the learner's own states. An oracle must be
 * stateless (its answer depends on the observation only).
 */
@FunctionalInterface
public interface ExpertOracle extends Policy {

    /** Wraps a plain function {@code observation -> action} (for example a user's own controller). */
    static ExpertOracle of(Function<double[], double[]> expert) {
        if (expert == null) throw new IllegalArgumentException("expert function must not be null");
        return expert::apply;
    }
}
