package io.il4j.dagger;

import io.il4j.core.env.Env;
import io.il4j.core.metrics.Estimate;
import io.il4j.core.metrics.LogLogFit;
import io.il4j.core.metrics.TrajectoryDeviation;
import io.il4j.core.policy.ExpertOracle;
import io.il4j.core.policy.Policy;
import io.il4j.dagger.internal.ActionDistance;

import java.util.Arrays;

/**
 * Measures compounding error: how a policy's cost grows with the horizon T when it runs on its own
 * states, compared with the expert from the same initial states.
 *
 * <p>For each episode e (environment seed {@code seed + e}) the expert is rolled out for T_max steps (the
 * reference trajectory), then the policy, from the same seed ({@link TrajectoryDeviation}). On the policy's
 * own states the per-step cost is the action disagreement {@code c_t = ‖π̂(s_t) − π*(s_t)‖} (raw policy
 * outputs; 0/1 for discrete actions). Once the environment terminates the policy's episode (crash, off-road),
 * every remaining step up to T costs {@code failureStepCost} — by default the largest possible
 * disagreement, the diagonal of the action box — so a policy that leaves the road keeps paying, which is
 * what makes BC's cost grow like T² in Ross and Bagnell's analysis. The cumulative cost at horizon T is
 * {@code Σ_{t<T} c_t}, read off one rollout of T_max steps per episode (the environments' dynamics do not
 * depend on the horizon). Finally log(mean cost) is fitted against log(T): the slope is the growth exponent.
 *
 * <p>The expert is queried for measurement only (these are not training labels). The environment must
 * allow episodes of T_max steps ({@code maxEpisodeSteps}). Not thread-safe (one environment).
 */
public final class CompoundingError {
    /** The horizons of the Driving benchmark. */
    public static final int[] DRIVING_HORIZONS = {50, 100, 200, 400, 800, 1600};

    private final int[] horizons;
    private final int episodes;
    private final long seed;
    private double failureStepCost = Double.NaN;
    private int[] stateDims;

    /**
     * @param horizons horizons T to report, ascending, each ≥ 1
     * @param episodes episodes (initial states) averaged over, ≥ 1
     * @param seed     episode e resets the environment with {@code seed + e}
     */
    public CompoundingError(int[] horizons, int episodes, long seed) {
        if (horizons == null || horizons.length == 0) throw new IllegalArgumentException("at least one horizon is needed");
        for (int i = 0; i < horizons.length; i++) {
            if (horizons[i] < 1) throw new IllegalArgumentException("horizon " + i + " must be >= 1, got " + horizons[i]);
            if (i > 0 && horizons[i] <= horizons[i - 1])
                throw new IllegalArgumentException("horizons must be strictly ascending, got " + Arrays.toString(horizons));
        }
        if (episodes < 1) throw new IllegalArgumentException("episodes must be >= 1, got " + episodes);
        this.horizons = horizons.clone();
        this.episodes = episodes;
        this.seed = seed;
    }

    /** Cost per step after the policy's episode was terminated by the environment (default: the largest action disagreement). */
    public CompoundingError failureStepCost(double cost) {
        if (!(cost >= 0) || !Double.isFinite(cost)) throw new IllegalArgumentException("failureStepCost must be finite and >= 0, got " + cost);
        this.failureStepCost = cost;
        return this;
    }

    /** Observation dims used for the state distance from the expert's trajectory (default: all; null means all). */
    public CompoundingError stateDims(int... dims) {
        this.stateDims = dims.clone();
        return this;
    }

    public CompoundingErrorReport measure(Env env, Policy policy, ExpertOracle expert) {
        int tMax = horizons[horizons.length - 1];
        if (env.spec().maxEpisodeSteps() < tMax)
            throw new IllegalArgumentException(env.spec().id() + " truncates episodes at " + env.spec().maxEpisodeSteps()
                    + " steps (maxEpisodeSteps) but the largest horizon is " + tMax + "; configure a longer episode limit");
        var space = env.spec().actionSpace();
        double failCost = Double.isNaN(failureStepCost) ? ActionDistance.maximum(space) : failureStepCost;
        if (!Double.isFinite(failCost))
            throw new IllegalArgumentException("the action space " + space + " is unbounded: set failureStepCost explicitly");
        int nh = horizons.length;
        double[][] cost = new double[episodes][nh];
        double[] failureRate = new double[nh];
        double[] disagreementSum = new double[tMax], distanceSum = new double[tMax + 1];
        int[] running = new int[tMax];
        double learnerReturn = 0, expertReturn = 0, expertFailures = 0;

        for (int e = 0; e < episodes; e++) {
            // Expert reference and learner rollout from the same seed, disagreement on the learner's own states.
            TrajectoryDeviation.Result r = TrajectoryDeviation.measure(env, policy, expert, seed + e, tMax, stateDims);
            int length = r.learnerLength();
            if (length < tMax && !r.learnerTerminated())
                throw new IllegalStateException(env.spec().id() + " truncated episode " + e + " (seed " + (seed + e)
                        + ") at step " + length + ", before the largest horizon " + tMax);
            double[] cumulative = r.cumulativeActionDisagreement(), disagreement = r.actionDisagreement(),
                    distance = r.stateDistance();
            for (int h = 0; h < nh; h++) {
                int t = horizons[h];
                cost[e][h] = t <= length ? cumulative[t - 1] : cumulative[length - 1] + failCost * (t - length);
                if (r.learnerTerminated() && length <= t) failureRate[h] += 1.0 / episodes;
            }
            for (int t = 0; t < length; t++) {
                disagreementSum[t] += disagreement[t];
                running[t]++;
            }
            for (int t = 0; t <= tMax; t++) distanceSum[t] += distance[Math.min(t, distance.length - 1)] / episodes;
            learnerReturn += r.learnerReturn() / episodes;
            expertReturn += r.expertReturn() / episodes;
            if (r.expertTerminated()) expertFailures += 1.0 / episodes;
        }

        double[] meanCost = new double[nh], stdCost = new double[nh];
        for (int h = 0; h < nh; h++) {
            double[] column = new double[episodes];
            for (int e = 0; e < episodes; e++) column[e] = cost[e][h];
            Estimate est = Estimate.of(column);
            meanCost[h] = est.mean();
            stdCost[h] = episodes > 1 ? est.std() : 0;
        }
        double[] disagreementByStep = new double[tMax];
        for (int t = 0; t < tMax; t++) disagreementByStep[t] = running[t] == 0 ? Double.NaN : disagreementSum[t] / running[t];
        LogLogFit fit = fitPositive(horizons, meanCost);
        return new CompoundingErrorReport(horizons.clone(), cost, meanCost, stdCost, failureRate,
                fit == null ? Double.NaN : fit.slope(), fit == null ? Double.NaN : fit.intercept(),
                fit == null ? Double.NaN : fit.rSquared(), disagreementByStep, distanceSum, learnerReturn, expertReturn,
                expertFailures, failCost);
    }

    /** The log-log fit over the horizons with a positive cost (log 0 is undefined), or null when fewer than two have one. */
    public static LogLogFit fitPositive(int[] horizons, double[] cost) {
        int n = 0;
        for (double c : cost) if (c > 0) n++;
        if (n < 2) return null;
        double[] x = new double[n], y = new double[n];
        for (int h = 0, i = 0; h < cost.length; h++)
            if (cost[h] > 0) {
                x[i] = horizons[h];
                y[i++] = cost[h];
            }
        return LogLogFit.fit(x, y);
    }
}
