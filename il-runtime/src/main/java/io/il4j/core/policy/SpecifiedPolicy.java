package io.il4j.core.policy;

import io.il4j.core.data.DatasetSpec;

/**
 * A policy that states what it takes and gives: every policy file il4j writes loads as one, whichever
 * algorithm trained it, so that evaluation checks a policy against an environment (observation size,
 * action space, goals) before the first step without knowing the policy's kind.
 */
public interface SpecifiedPolicy extends Policy {

    /** Observation names, action space (and action names) and goal names the policy was trained with. */
    DatasetSpec spec();

    /** Numbers per observation (without goal). */
    default int observationDim() {
        return spec().observationDim();
    }

    /** Goal numbers expected after the observation (0 for a goal-blind policy). */
    int goalDim();
}
