package io.il4j.dagger;

import java.util.Map;

/**
 * What {@link CompoundingError#measure} found for one policy. Arrays are indexed by horizon
 * ({@code horizons[h]}) or by time step; they are owned by this report (do not modify).
 *
 * @param horizons             the horizons T, ascending
 * @param cost                 cumulative cost per episode and horizon, {@code cost[episode][h]}
 * @param meanCost             mean over episodes of the cumulative cost at each horizon
 * @param stdCost              standard deviation over episodes
 * @param meanReturn           mean return over the first T steps
 * @param failureRate          fraction of episodes the environment terminated (crash, off-road, …) within T steps
 * @param slope                slope of log(meanCost) against log(T) (≈ 1: linear growth, ≈ 2: quadratic); NaN
 *                             when fewer than two horizons have a positive cost
 * @param intercept            intercept of that fit (log scale)
 * @param rSquared             R² of that fit
 * @param disagreementByStep   mean ‖π̂(s_t) − π*(s_t)‖ at step t over the episodes still running at t
 * @param stateDistanceByStep  mean distance of the learner's state at t from the expert's state at t (same seed),
 *                             over the episodes in which both are still running (NaN where none is)
 * @param finalMetrics         mean environment metrics at the end of the longest rollouts (e.g. {@code collision})
 * @param failureStepCost      cost charged per step after the environment terminated the learner's episode
 *
 * Immutable by contract; serializes to JSON.
 */
public record CompoundingErrorReport(int[] horizons, double[][] cost, double[] meanCost, double[] stdCost,
                                     double[] meanReturn, double[] failureRate, double slope, double intercept,
                                     double rSquared, double[] disagreementByStep, double[] stateDistanceByStep,
                                     Map<String, Double> finalMetrics, double failureStepCost) {

    public int episodes() {
        return cost.length;
    }

    /** Index of horizon {@code t} in {@link #horizons()}. */
    public int horizonIndex(int t) {
        for (int h = 0; h < horizons.length; h++) if (horizons[h] == t) return h;
        throw new IllegalArgumentException("horizon " + t + " was not measured; measured " + java.util.Arrays.toString(horizons));
    }
}
