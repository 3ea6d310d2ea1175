package io.il4j.envs.driving;

import io.il4j.core.env.StepResult;
import io.il4j.core.policy.Policy;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Single-threaded throughput of {@link DrivingEnv} at the default settings (10 traffic vehicles): steps per
 * second with the expert choosing every action, and with a fixed action (straight ahead, no
 * acceleration: the ego soon leaves the road on a curve, so that run also exercises resets). Episodes are
 * reset as they end, and resets count in the time. Reports wall-clock rate and the rate per CPU second of
 * the benchmark thread (the latter is insensitive to other load on a shared machine). Not thread-safe.
 */
public final class DrivingBenchmark {

    /** Steps per measured run by default, after an untimed warm-up of the same length. */
    public static final long DEFAULT_STEPS = 2_000_000;

    /**
     * Measured throughput.
     *
     * @param trafficVehicles        traffic vehicles in the benchmarked configuration
     * @param steps                  steps per measured run
     * @param expertStepsPerSecond   expert acting, wall clock
     * @param expertStepsPerCpuSecond expert acting, per CPU second of this thread
     * @param fixedStepsPerSecond    fixed action, wall clock
     * @param fixedStepsPerCpuSecond fixed action, per CPU second
     */
    public record Result(int trafficVehicles, long steps, double expertStepsPerSecond, double expertStepsPerCpuSecond,
                         double fixedStepsPerSecond, double fixedStepsPerCpuSecond) {
    }

    private DrivingBenchmark() {
    }

    public static void main(String[] args) {
        run(System.out);
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
        out.println("Driving env throughput, single thread, " + config.trafficVehicles() + " traffic vehicles, "
                + steps + " steps per run");
        out.println(String.format(Locale.ROOT, "%-14s %16s %18s", "policy", "steps/s (wall)", "steps/s (CPU time)"));
        out.println(String.format(Locale.ROOT, "%-14s %,16.0f %,18.0f", "expert", r.expertStepsPerSecond(), r.expertStepsPerCpuSecond()));
        out.println(String.format(Locale.ROOT, "%-14s %,16.0f %,18.0f", "fixed action", r.fixedStepsPerSecond(), r.fixedStepsPerCpuSecond()));
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
}
