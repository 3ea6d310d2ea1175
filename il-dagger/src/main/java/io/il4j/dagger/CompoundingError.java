package io.il4j.dagger;

import io.il4j.core.env.Env;
import io.il4j.core.env.StepResult;
import io.il4j.core.policy.ExpertOracle;
import io.il4j.core.policy.Policy;
import io.il4j.dagger.internal.ActionDistance;
import io.il4j.dagger.internal.LogLog;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures compounding error: how a policy's cost grows with the horizon T when it runs on its own
 * states, compared with the expert from the same initial states.
 *
 * <p>For each episode e (environment seed {@code seed + e}) the expert is rolled out for T_max steps (the
 * reference trajectory), then the policy, from the same seed. On the policy's own states the per-step
 * cost is the action disagreement {@code c_t = ‖π̂(s_t) − π*(s_t)‖} (actions clipped to the action box;
 * 0/1 for discrete actions). Once the environment terminates the policy's episode (crash, off-road),
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

    /** Observation dims used for the state distance from the expert's trajectory (default: all). */
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
        double[] meanReturn = new double[nh], failureRate = new double[nh];
        double[] disagreementSum = new double[tMax], distanceSum = new double[tMax];
        int[] running = new int[tMax], bothRunning = new int[tMax];
        Map<String, Double> metricSums = new TreeMap<>();

        for (int e = 0; e < episodes; e++) {
            long episodeSeed = seed + e;
            double[][] reference = expertTrajectory(env, expert, episodeSeed, tMax);
            double[] obs = env.reset(episodeSeed);
            policy.reset();
            double cumCost = 0, cumReturn = 0;
            int terminatedAt = -1;
            int h = 0;
            for (int t = 0; t < tMax; t++) {
                double c;
                if (terminatedAt < 0) {
                    double[] a = policy.act(obs), aStar = expert.act(obs);
                    c = ActionDistance.between(space, a, aStar);
                    disagreementSum[t] += c;
                    running[t]++;
                    if (t < reference.length && reference[t] != null) {
                        distanceSum[t] += distance(obs, reference[t]);
                        bothRunning[t]++;
                    }
                    StepResult r = env.step(a);
                    cumReturn += r.reward();
                    obs = r.observation();
                    if (r.terminated()) terminatedAt = t + 1;
                    else if (r.truncated() && t + 1 < tMax)
                        throw new IllegalStateException(env.spec().id() + " truncated episode " + e + " at step " + (t + 1)
                                + " before the largest horizon " + tMax);
                } else {
                    c = failCost;
                }
                cumCost += c;
                while (h < nh && horizons[h] == t + 1) {
                    cost[e][h] = cumCost;
                    meanReturn[h] += cumReturn / episodes;
                    if (terminatedAt >= 0) failureRate[h] += 1.0 / episodes;
                    h++;
                }
            }
            env.episodeMetrics().forEach((k, v) -> metricSums.merge(k, v / episodes, Double::sum));
        }

        double[] meanCost = new double[nh], stdCost = new double[nh];
        for (int h = 0; h < nh; h++) {
            double m = 0;
            for (double[] c : cost) m += c[h] / episodes;
            double v = 0;
            for (double[] c : cost) v += (c[h] - m) * (c[h] - m);
            meanCost[h] = m;
            stdCost[h] = episodes > 1 ? Math.sqrt(v / (episodes - 1)) : 0;
        }
        double[] disagreement = new double[tMax], stateDistance = new double[tMax];
        for (int t = 0; t < tMax; t++) {
            disagreement[t] = running[t] == 0 ? Double.NaN : disagreementSum[t] / running[t];
            stateDistance[t] = bothRunning[t] == 0 ? Double.NaN : distanceSum[t] / bothRunning[t];
        }
        double[] hs = Arrays.stream(horizons).asDoubleStream().toArray();
        LogLog.Fit fit = LogLog.fit(hs, meanCost);
        return new CompoundingErrorReport(horizons.clone(), cost, meanCost, stdCost, meanReturn, failureRate,
                fit.slope(), fit.intercept(), fit.rSquared(), disagreement, stateDistance, metricSums, failCost);
    }

    /** The expert's observations at steps 0..tMax-1 from {@code seed} (null after the expert's episode ended). */
    private static double[][] expertTrajectory(Env env, ExpertOracle expert, long seed, int tMax) {
        double[][] states = new double[tMax][];
        double[] obs = env.reset(seed);
        for (int t = 0; t < tMax; t++) {
            states[t] = obs;
            StepResult r = env.step(expert.act(obs));
            obs = r.observation();
            if (r.done()) break;
        }
        return states;
    }

    private double distance(double[] a, double[] b) {
        double s = 0;
        if (stateDims == null) {
            for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        } else {
            for (int i : stateDims) s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }
}
