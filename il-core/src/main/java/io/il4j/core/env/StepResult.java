package io.il4j.core.env;

/**
 * The outcome of one {@link Env#step}.
 *
 * @param observation the next observation (owned by the caller; environments return a fresh array)
 * @param terminated  true end of the episode (no bootstrapping from {@code observation})
 * @param truncated   time limit reached (bootstrap from {@code observation})
 */
public record StepResult(double[] observation, double reward, boolean terminated, boolean truncated) {
    public boolean done() {
        return terminated || truncated;
    }
}
