package io.il4j.core.env;

import java.util.Map;

/**
 * A simulator il4j can roll policies out in: ours (il-envs) or a user's own.
 * Deterministic given the seed passed to {@link #reset(long)}. Not thread-safe: one instance per thread.
 */
public interface Env {

    EnvSpec spec();

    /** Starts a new episode; the same seed gives the same episode. Returns the first observation. */
    double[] reset(long seed);

    /**
     * Advances one step. Throws {@link io.il4j.core.space.InvalidActionException} for an action of the
     * wrong length or with NaN/Inf; whether out-of-bounds continuous actions are clipped is documented
     * by each environment.
     */
    StepResult step(double[] action);

    /**
     * Task metrics of the current episode so far, beyond return and length (e.g. {@code collision},
     * {@code off_road}, {@code mean_abs_lateral_offset}, {@code progress}, {@code success}).
     * Values are numbers so they can be averaged over episodes; flags are 0/1.
     */
    default Map<String, Double> episodeMetrics() {
        return Map.of();
    }
}
