package io.il4j.core.policy;

/**
 * Maps an observation to an action. Continuous actions are the action vector; a discrete action is
 * one number holding its index. No DL4J type appears here, so simulators can embed policies freely.
 *
 * <p>Thread-safety is stated by each implementation. Stateful policies (frame history) are not
 * thread-safe and must be {@link #reset()} at the start of every episode.
 */
@FunctionalInterface
public interface Policy {

    /** The action for one observation (deterministic evaluation mode). */
    double[] act(double[] observation);

    /**
     * Writes the action into {@code actionOut}; implementations on a simulator's hot path override
     * this to avoid allocation.
     */
    default void act(double[] observation, double[] actionOut) {
        double[] a = act(observation);
        System.arraycopy(a, 0, actionOut, 0, a.length);
    }

    /** Actions for a batch of observations, one row each. */
    default double[][] act(double[][] observations) {
        double[][] out = new double[observations.length][];
        for (int i = 0; i < observations.length; i++) out[i] = act(observations[i]);
        return out;
    }

    /** Clears per-episode state (frame history). Stateless policies do nothing. */
    default void reset() {
    }
}
