package io.il4j.core.policy;

import io.il4j.core.data.Dataset;

/**
 * Something that turns (state, expert action) data into a policy: BC trainers implement it, and
 * DAgger drives any implementation, so its loop can be tested with a cheap learner.
 */
@FunctionalInterface
public interface PolicyLearner {

    /**
     * Trains on {@code data} and returns the policy. {@code warmStart} is the previous round's policy
     * (DAgger) or null; learners that cannot warm-start ignore it.
     */
    Policy fit(Dataset data, long seed, Policy warmStart);
}
