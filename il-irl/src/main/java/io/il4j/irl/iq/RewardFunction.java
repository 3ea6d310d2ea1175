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

    /**
     * The reward per step of the absorbing state a termination leads to in the MDP the reward was learned in: an online
     * IQ-Learn model's learned {@code rho} (see {@code AbsorbingState}); 0 for a model that fixes the value after a
     * termination at 0 (offline, or online without absorbing states). {@link #reward} of a terminal transition is
     * {@code Q(s,a) - gamma rho / (1 - gamma)}, and an episode that terminates before the horizon continues with
     * {@code rho} per step ({@code io.il4j.irl.eval.RewardEvaluation#meanRecoveredReturnToHorizon}).
     */
    default double absorbingReward() {
        return 0;
    }

    /** Observation size the reward expects. */
    int observationDim();

    /** Writes the reward to a file {@link RewardFunctions#load} reads (atomically: temp file, then move). */
    void save(java.nio.file.Path path) throws java.io.IOException;
}
