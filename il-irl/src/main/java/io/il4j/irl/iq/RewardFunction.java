package io.il4j.irl.iq;

/**
 * A recovered reward {@code r(s, a, s')}, plain Java (no DL4J type), loadable from a file with
 * {@link RewardFunctions#load}. Implementations state their thread-safety.
 */
public interface RewardFunction {

    /**
     * The reward of taking {@code action} in {@code observation} and reaching {@code nextObservation};
     * {@code terminal} when the episode truly ended there (no value beyond it).
     */
    double reward(double[] observation, double[] action, double[] nextObservation, boolean terminal);

    /** Observation size the reward expects. */
    int observationDim();

    /** Writes the reward to a file {@link RewardFunctions#load} reads (atomically: temp file, then move). */
    void save(java.nio.file.Path path) throws java.io.IOException;
}
