package io.il4j.dagger;

/**
 * What {@link CompoundingError#measure} found for one policy. Arrays are indexed by horizon
 * ({@code horizons[h]}) or by time step; they are owned by this report (do not modify).
 *
 * @param horizons             the horizons T, ascending
 * @param cost                 cumulative cost per episode and horizon, {@code cost[episode][h]}
 * @param meanCost             mean over episodes of the cumulative cost at each horizon
 * @param stdCost              sample standard deviation over episodes (0 for one episode)
 * @param failureRate          fraction of episodes the environment terminated (crash, off-road, …) within T steps
 * @param slope                slope of log(meanCost) against log(T) (≈ 1: linear growth, ≈ 2: quadratic); NaN
 *                             when fewer than two horizons have a positive cost
 * @param intercept            intercept of that fit (natural log scale)
 * @param rSquared             R² of that fit
 * @param disagreementByStep   mean ‖π̂(s_t) − π*(s_t)‖ at step t, over the episodes still running at t (NaN where none is)
 * @param stateDistanceByStep  mean distance of the learner's state at t from the expert's state at t (same seed),
 *                             t = 0..T_max; a trajectory that ended stays at its last state
 * @param meanReturn           mean return of the policy over its T_max-step rollouts
 * @param expertReturn         mean return of the expert over the same seeds and horizon
 * @param expertFailureRate    fraction of the expert's reference rollouts the environment terminated
 * @param failureStepCost      cost charged per step after the environment terminated the policy's episode
 *
 * Immutable by contract; serializes to JSON.
 */
public record CompoundingErrorReport(int[] horizons, double[][] cost, double[] meanCost, double[] stdCost,
                                     double[] failureRate, double slope, double intercept, double rSquared,
                                     double[] disagreementByStep, double[] stateDistanceByStep, double meanReturn,
                                     double expertReturn, double expertFailureRate, double failureStepCost) {

    public int episodes() {
        return cost.length;
    }

    /** Index of horizon {@code t} in {@link #horizons()}. */
    public int horizonIndex(int t) {
        for (int h = 0; h < horizons.length; h++) if (horizons[h] == t) return h;
        throw new IllegalArgumentException("horizon " + t + " was not measured; measured " + java.util.Arrays.toString(horizons));
    }
}
