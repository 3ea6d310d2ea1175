package io.il4j.envs.driving;

import io.il4j.core.env.Rollouts;
import io.il4j.core.env.StepResult;
import io.il4j.core.metrics.EvaluationSummary;
import io.il4j.core.policy.Policy;
import io.il4j.core.report.Table;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmarks of {@link DrivingEnv}.
 * <ul>
 *   <li>{@link #run}: single-threaded throughput at the default settings (10 traffic vehicles): steps per
 *   second with the expert choosing every action, and with a fixed action (straight ahead, no acceleration:
 *   the ego soon leaves the road on a curve, so that run also exercises resets). Episodes are reset as they
 *   end, and resets count in the time. Reports the wall-clock rate and the rate per CPU second of the
 *   benchmark thread (the latter is insensitive to other load on a shared machine).</li>
 *   <li>{@link #behaviours}: return and driving metrics of the expert, medium and random behaviour
 *   policies: the reference points of normalized scores.</li>
 * </ul>
 * Static methods; each call uses its own environments, so calls on different threads do not interfere.
 */
public final class DrivingBenchmark {

    /** Steps per measured run by default, after an untimed warm-up of the same length. */
    public static final long DEFAULT_STEPS = 2_000_000;

    /**
     * Measured throughput.
     *
     * @param trafficVehicles         traffic vehicles in the benchmarked configuration
     * @param steps                   steps per measured run
     * @param expertStepsPerSecond    expert acting, wall clock
     * @param expertStepsPerCpuSecond expert acting, per CPU second of this thread
     * @param fixedStepsPerSecond     fixed action, wall clock
     * @param fixedStepsPerCpuSecond  fixed action, per CPU second
     */
    public record Result(int trafficVehicles, long steps, double expertStepsPerSecond, double expertStepsPerCpuSecond,
                         double fixedStepsPerSecond, double fixedStepsPerCpuSecond) {
    }

    private DrivingBenchmark() {
    }

    /** Prints the throughput table, then the behaviour table (20 episodes, seeds 0..19, policy seed 0). */
    public static void main(String[] args) {
        run(System.out);
        behaviours(System.out, DrivingConfig.defaults(), 20, 0);
    }

    /** Runs {@link #DEFAULT_STEPS} steps per measurement at the default configuration and prints a table. */
    public static Result run(PrintStream out) {
        return run(out, DrivingConfig.defaults(), DEFAULT_STEPS);
    }

    /** Runs {@code steps} steps per measurement on {@code config} and prints a table to {@code out}. */
    public static Result run(PrintStream out, DrivingConfig config, long steps) {
        if (steps < 1) throw new IllegalArgumentException("DrivingBenchmark steps must be >= 1, got " + steps);
        DrivingEnv env = new DrivingEnv(config);
        DrivingExpert expert = new DrivingExpert(config);
        Policy fixed = obs -> new double[]{0, 0};
        measure(env, expert, steps); // warm-up: let the JIT compile the step
        double[] e = measure(env, expert, steps);
        measure(env, fixed, steps);
        double[] f = measure(env, fixed, steps);
        Result r = new Result(config.trafficVehicles(), steps, e[0], e[1], f[0], f[1]);
        new Table("policy", "steps/s (wall)", "steps/s (CPU time)").decimals(1, 0).decimals(2, 0)
                .title("Driving env throughput, single thread, " + config.trafficVehicles() + " traffic vehicles, "
                        + steps + " steps per run")
                .addRow("expert", r.expertStepsPerSecond(), r.expertStepsPerCpuSecond())
                .addRow("fixed action", r.fixedStepsPerSecond(), r.fixedStepsPerCpuSecond())
                .print(out);
        return r;
    }

    /** {wall steps/s, CPU steps/s} of {@code steps} steps of {@code policy}, resetting as episodes end. */
    private static double[] measure(DrivingEnv env, Policy policy, long steps) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        boolean cpu = mx.isCurrentThreadCpuTimeSupported();
        long seed = 0;
        double[] action = new double[2];
        long wall0 = System.nanoTime(), cpu0 = cpu ? mx.getCurrentThreadCpuTime() : 0;
        double[] obs = env.reset(seed++);
        for (long i = 0; i < steps; i++) {
            policy.act(obs, action);
            StepResult r = env.step(action);
            obs = r.done() ? env.reset(seed++) : r.observation();
        }
        double wall = (System.nanoTime() - wall0) / 1e9;
        double cpuTime = cpu ? (mx.getCurrentThreadCpuTime() - cpu0) / 1e9 : Double.NaN;
        return new double[]{steps / wall, steps / cpuTime};
    }

    /**
     * Runs the expert, medium and random behaviours (policy seed {@code seed}) for {@code episodes} episodes
     * each, episode i reset with seed {@code seed + i}, prints a table and returns the summaries by tier name.
     */
    public static Map<String, EvaluationSummary> behaviours(PrintStream out, DrivingConfig config, int episodes, long seed) {
        if (episodes < 1) throw new IllegalArgumentException("DrivingBenchmark episodes must be >= 1, got " + episodes);
        DrivingEnv env = new DrivingEnv(config);
        Map<String, EvaluationSummary> results = new LinkedHashMap<>();
        Table table = new Table("tier", "return mean", "return std", "collision", "off-road", "mean |offset| m",
                "progress m", "length")
                .title("Driving behaviour tiers, " + episodes + " episodes each (env seeds " + seed + ".."
                        + (seed + episodes - 1) + ", policy seed " + seed + "), horizon " + config.horizon())
                .decimals(1, 1).decimals(2, 1).decimals(3, 2).decimals(4, 2).decimals(5, 3).decimals(6, 0).decimals(7, 0);
        for (String tier : List.of(DrivingBehaviours.EXPERT, DrivingBehaviours.MEDIUM, DrivingBehaviours.RANDOM)) {
            EvaluationSummary s = EvaluationSummary.of(Rollouts.evaluate(env, DrivingBehaviours.forTier(tier, config, seed),
                    episodes, seed, Integer.MAX_VALUE));
            results.put(tier, s);
            table.addRow(tier, s.totalReturn().mean(), s.totalReturn().std(), s.metric("collision").mean(),
                    s.metric("off_road").mean(), s.metric("mean_abs_lateral_offset").mean(), s.metric("progress").mean(),
                    s.length().mean());
        }
        table.print(out);
        return results;
    }
}
