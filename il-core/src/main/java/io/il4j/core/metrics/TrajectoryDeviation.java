package io.il4j.core.metrics;

import io.il4j.core.env.Env;
import io.il4j.core.env.StepResult;
import io.il4j.core.policy.ExpertOracle;
import io.il4j.core.policy.Policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How far a learner drifts from the expert, step by step, from one seed: the raw material of
 * compounding-error curves.
 *
 * <p>Two rollouts start from {@code env.reset(seed)}: the expert's (the reference trajectory
 * {@code s*_0, s*_1, ...}) and the learner's ({@code s_0, s_1, ...}). Each runs until the environment
 * terminates or truncates it or it reaches {@code H = min(horizon, env.spec().maxEpisodeSteps())} steps.
 * Then, per time step:
 * <ul>
 *   <li><b>state distance</b> {@code d_t = ||P(s_t) - P(s*_t)||_2} for {@code t = 0 .. max(T, T*)}, where
 *   {@code P} keeps the chosen observation dimensions (all by default) and {@code T}, {@code T*} are the two
 *   episode lengths. A trajectory that ended earlier stays at its last observation (an absorbing state),
 *   so a learner that crashes keeps being compared with where the expert goes on to.</li>
 *   <li><b>action disagreement</b> on the learner's own states, {@code e_t = ||learner(s_t) - expert(s_t)||_2}
 *   for {@code t = 0 .. T-1} (continuous actions; raw policy outputs, before any clipping by the
 *   environment), or {@code e_t = 1} if the discrete actions differ and 0 otherwise. This is the
 *   per-step surrogate loss under the learner's state distribution, whose sum over the horizon the
 *   DAgger analysis bounds.</li>
 * </ul>
 * Cumulative arrays hold running sums: {@code cumulative[t] = sum_{i <= t} x_i}, so the total cost over
 * horizon {@code h} (the first h steps) is {@code cumulativeActionDisagreement[h - 1]}, provided the learner's
 * episode lasted at least h steps.
 *
 * <p>The expert is only queried, never stepped, in the learner's rollout. Environments must be deterministic
 * given the reset seed (the {@link Env} contract) for the two trajectories to share their start and noise.
 * Stateless; thread-safe if the arguments are used by one thread at a time.
 */
public final class TrajectoryDeviation {

    private TrajectoryDeviation() {
    }

    /**
     * Result of one seed. Arrays are copies; modifying them changes nothing here.
     *
     * @param stateDistance                 {@code d_t}, length {@code max(T, T*) + 1}
     * @param cumulativeStateDistance       running sum of {@code d_t}
     * @param actionDisagreement            {@code e_t}, length {@code T}
     * @param cumulativeActionDisagreement  running sum of {@code e_t}
     * @param learnerLength                 {@code T}
     * @param expertLength                  {@code T*}
     */
    public record Result(long seed, double[] stateDistance, double[] cumulativeStateDistance,
                         double[] actionDisagreement, double[] cumulativeActionDisagreement,
                         int learnerLength, int expertLength, boolean learnerTerminated, boolean expertTerminated,
                         double learnerReturn, double expertReturn) {
        public Result {
            stateDistance = stateDistance.clone();
            cumulativeStateDistance = cumulativeStateDistance.clone();
            actionDisagreement = actionDisagreement.clone();
            cumulativeActionDisagreement = cumulativeActionDisagreement.clone();
        }

        @Override
        public double[] stateDistance() {
            return stateDistance.clone();
        }

        @Override
        public double[] cumulativeStateDistance() {
            return cumulativeStateDistance.clone();
        }

        @Override
        public double[] actionDisagreement() {
            return actionDisagreement.clone();
        }

        @Override
        public double[] cumulativeActionDisagreement() {
            return cumulativeActionDisagreement.clone();
        }

        /** Mean action disagreement per learner step, {@code sum e_t / T}. */
        public double meanActionDisagreement() {
            return cumulativeActionDisagreement[learnerLength - 1] / learnerLength;
        }
    }

    /** Measures with the distance over all observation dimensions. */
    public static Result measure(Env env, Policy learner, ExpertOracle expert, long seed, int horizon) {
        return measure(env, learner, expert, seed, horizon, null);
    }

    /**
     * Measures with the state distance over {@code stateDims} only (e.g. position, not velocity);
     * {@code null} means all dimensions.
     */
    public static Result measure(Env env, Policy learner, ExpertOracle expert, long seed, int horizon, int[] stateDims) {
        if (env == null || learner == null || expert == null)
            throw new IllegalArgumentException("env, learner and expert must not be null");
        if (horizon < 1) throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
        int obsDim = env.spec().observationDim();
        int[] dims = stateDims == null ? allDims(obsDim) : checkDims(stateDims, obsDim);
        int h = Math.min(horizon, env.spec().maxEpisodeSteps());
        boolean discrete = env.spec().actionSpace().isDiscrete();

        Rollout ref = rollout(env, expert, expert, seed, h, discrete);
        Rollout own = rollout(env, learner, expert, seed, h, discrete);

        int steps = Math.max(own.length(), ref.length());
        double[] d = new double[steps + 1];
        for (int t = 0; t <= steps; t++) {
            double[] s = own.states.get(Math.min(t, own.length()));
            double[] r = ref.states.get(Math.min(t, ref.length()));
            double sq = 0;
            for (int k : dims) {
                double diff = s[k] - r[k];
                sq += diff * diff;
            }
            d[t] = Math.sqrt(sq);
        }
        double[] e = own.disagreement.stream().mapToDouble(Double::doubleValue).toArray();
        return new Result(seed, d, runningSum(d), e, runningSum(e), own.length(), ref.length(),
                own.terminated, ref.terminated, own.totalReturn, ref.totalReturn);
    }

    /** Running sum: {@code out[t] = x_0 + ... + x_t}. */
    public static double[] runningSum(double[] x) {
        double[] out = new double[x.length];
        double acc = 0;
        for (int i = 0; i < x.length; i++) {
            acc += x[i];
            out[i] = acc;
        }
        return out;
    }

    private static final class Rollout {
        final List<double[]> states = new ArrayList<>();
        final List<Double> disagreement = new ArrayList<>();
        boolean terminated;
        double totalReturn;

        int length() {
            return states.size() - 1;
        }
    }

    /** Rolls {@code actor} out, recording states and its disagreement with {@code expert} in each. */
    private static Rollout rollout(Env env, Policy actor, ExpertOracle expert, long seed, int h, boolean discrete) {
        Rollout r = new Rollout();
        double[] obs = env.reset(seed);
        actor.reset();
        r.states.add(obs.clone());
        for (int t = 0; t < h; t++) {
            double[] a = actor.act(obs);
            double[] aStar = actor == expert ? a : expert.act(obs);
            r.disagreement.add(disagreement(a, aStar, discrete));
            StepResult step = env.step(a);
            r.totalReturn += step.reward();
            obs = step.observation();
            r.states.add(obs.clone());
            if (step.terminated()) {
                r.terminated = true;
                break;
            }
            if (step.truncated()) break;
        }
        return r;
    }

    private static double disagreement(double[] a, double[] aStar, boolean discrete) {
        if (a.length != aStar.length)
            throw new IllegalArgumentException("learner action has " + a.length + " numbers but the expert's has " + aStar.length);
        if (discrete) return Math.rint(a[0]) == Math.rint(aStar[0]) ? 0 : 1;
        double sq = 0;
        for (int i = 0; i < a.length; i++) {
            double diff = a[i] - aStar[i];
            sq += diff * diff;
        }
        return Math.sqrt(sq);
    }

    private static int[] allDims(int n) {
        int[] d = new int[n];
        Arrays.setAll(d, i -> i);
        return d;
    }

    private static int[] checkDims(int[] dims, int obsDim) {
        if (dims.length == 0) throw new IllegalArgumentException("stateDims must name at least one dimension (or be null for all)");
        for (int i = 0; i < dims.length; i++)
            if (dims[i] < 0 || dims[i] >= obsDim)
                throw new IllegalArgumentException("stateDims[" + i + "] = " + dims[i] + "; observations have dims 0.." + (obsDim - 1));
        return dims.clone();
    }
}
