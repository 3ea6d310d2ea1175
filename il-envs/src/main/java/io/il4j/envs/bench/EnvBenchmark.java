package io.il4j.envs.bench;

import io.il4j.core.env.Env;
import io.il4j.core.env.StepResult;
import io.il4j.core.env.VectorEnv;
import io.il4j.core.space.ActionSpace;
import io.il4j.envs.Envs;
import io.il4j.envs.VectorEnvs;
import io.il4j.envs.internal.RandomActions;
import io.il4j.envs.internal.SplitMix64;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Environment throughput ({@code il bench envs}): steps per second of one environment and of a
 * {@link VectorEnv} of N copies, single-threaded, for every registered environment with default options.
 * Actions cycle through 64 uniformly random actions drawn beforehand, so the policy costs nothing;
 * episode resets are included. Each figure is the median of several timed runs after a warm-up.
 * Rates are given per second of the benchmark thread's CPU time (what the environment costs, robust
 * to other processes competing for the cores) and per second of wall-clock time.
 * Cartpole and Pendulum are set against Python Gymnasium reference figures that were measured once on
 * the il4j development machine, not on the machine running the benchmark; the table labels them so.
 * Run one benchmark at a time (it measures the calling thread); the result records are immutable.
 */
public final class EnvBenchmark {

    /**
     * Reference, not measured by this benchmark: Python Gymnasium steps/s measured on the il4j development
     * machine (2 shared cores; CartPole-v1 97-150k, Pendulum-v1 40-52k); the upper figures.
     */
    static final Map<String, Double> GYMNASIUM_REFERENCE_STEPS_PER_SECOND = Map.of("cartpole", 150_000.0, "pendulum", 52_000.0);
    static final String REFERENCE_FOOTNOTE = "* reference figures, not measured here: Python Gymnasium steps/s (CartPole-v1, "
            + "Pendulum-v1) measured on the il4j development machine (2 shared cores); 'vs ref' = single env per CPU "
            + "second here / that figure";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static volatile double sink; // keeps results observable so the JIT cannot drop the work

    private EnvBenchmark() {
    }

    /** How long to measure; {@code envIds} empty means every registered environment. */
    public record Settings(double warmupSeconds, double measureSeconds, int repeats, int vectorSize, List<String> envIds) {
        public Settings {
            if (!(warmupSeconds >= 0) || !(measureSeconds > 0) || repeats < 1 || vectorSize < 1)
                throw new IllegalArgumentException("benchmark needs warmup >= 0 s, measure > 0 s, repeats >= 1, vectorSize >= 1; got "
                        + warmupSeconds + ", " + measureSeconds + ", " + repeats + ", " + vectorSize);
            envIds = List.copyOf(envIds);
        }

        public static Settings defaults() {
            return new Settings(1.0, 1.0, 5, 16, List.of());
        }
    }

    /** Steps per second of thread CPU time and of wall-clock time (medians over the repeats). */
    public record Rate(double perCpuSecond, double perWallSecond) {
    }

    /**
     * One environment's figures.
     *
     * @param gymnasiumReferenceStepsPerSecond the Python Gymnasium reference figure (measured elsewhere, see
     *                                         {@link #GYMNASIUM_REFERENCE_STEPS_PER_SECOND}), or null when there is none
     * @param ratioToGymnasiumReference        single-env steps per CPU second over the reference, or null
     */
    public record Row(String envId, Rate single, Rate vector, int vectorSize, Double gymnasiumReferenceStepsPerSecond,
                      Double ratioToGymnasiumReference) {
    }

    /** All rows plus the settings and machine facts, ready to serialize as JSON. */
    public record Result(List<Row> rows, Settings settings, String javaVersion, int availableProcessors) {
        public Result {
            rows = List.copyOf(rows);
        }
    }

    public static void main(String[] args) {
        run(System.out);
    }

    public static Result run(PrintStream out) {
        return run(out, Settings.defaults());
    }

    public static Result run(PrintStream out, Settings settings) {
        List<String> ids = settings.envIds().isEmpty() ? Envs.ids() : settings.envIds();
        List<Row> rows = new ArrayList<>();
        out.printf(Locale.ROOT, "steps/s per CPU second (per wall second); vector env of N=%d copies; one thread%n", settings.vectorSize());
        out.printf(Locale.ROOT, "%-20s %20s %20s %14s %8s%n", "environment", "single", "vector", "gymnasium ref*", "vs ref*");
        for (String id : ids) {
            Rate single = median(settings, () -> measureSingle(id, settings));
            Rate vector = median(settings, () -> measureVector(id, settings));
            Double gym = GYMNASIUM_REFERENCE_STEPS_PER_SECOND.get(id);
            Double speedup = gym == null ? null : single.perCpuSecond() / gym;
            rows.add(new Row(id, single, vector, settings.vectorSize(), gym, speedup));
            out.printf(Locale.ROOT, "%-20s %20s %20s %14s %8s%n", id, format(single), format(vector),
                    gym == null ? "-" : format(gym), speedup == null ? "-" : String.format(Locale.ROOT, "%.0fx", speedup));
        }
        out.println(REFERENCE_FOOTNOTE);
        return new Result(rows, settings, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
    }

    private interface Measurement {
        Rate run();
    }

    private static Rate median(Settings s, Measurement m) {
        double[] cpu = new double[s.repeats()], wall = new double[s.repeats()];
        for (int i = 0; i < cpu.length; i++) {
            Rate r = m.run();
            cpu[i] = r.perCpuSecond();
            wall[i] = r.perWallSecond();
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        return new Rate(cpu[cpu.length / 2], wall[wall.length / 2]);
    }

    /** Repeats {@code work} until {@code seconds} of wall time have passed and returns its rate. */
    private interface Work {
        long runBatch(); // returns steps done
    }

    private static Rate time(double seconds, Work work) {
        long cpu0 = THREADS.getCurrentThreadCpuTime(), start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9), steps = 0;
        do {
            steps += work.runBatch();
        } while (System.nanoTime() < deadline);
        double wall = (System.nanoTime() - start) / 1e9, cpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9;
        return new Rate(steps / cpu, steps / wall);
    }

    private static Rate measureSingle(String id, Settings s) {
        Env env = Envs.make(id);
        double[][] actions = actionCycle(env.spec().actionSpace());
        long[] counters = {0, 0}; // next reset seed, steps so far (selects the action)
        env.reset(counters[0]++);
        Work batch = () -> singleBatch(env, actions, counters);
        time(s.warmupSeconds(), batch);
        return time(s.measureSeconds(), batch);
    }

    private static long singleBatch(Env env, double[][] actions, long[] counters) {
        int batch = 4096;
        long step = counters[1];
        double acc = 0;
        for (int k = 0; k < batch; k++) {
            StepResult r = env.step(actions[(int) (step++ & (actions.length - 1))]);
            acc += r.reward();
            if (r.done()) env.reset(counters[0]++);
        }
        counters[1] = step;
        sink += acc;
        return batch;
    }

    private static Rate measureVector(String id, Settings s) {
        int n = s.vectorSize();
        VectorEnv venv = VectorEnvs.of(id, Map.of(), n);
        double[][] cycle = actionCycle(venv.spec().actionSpace());
        // Batches of rows taken from the cycle, shifted per copy so copies do not act in lockstep.
        double[][][] batches = new double[cycle.length][n][];
        for (int b = 0; b < cycle.length; b++)
            for (int i = 0; i < n; i++) batches[b][i] = cycle[(b + 7 * i) & (cycle.length - 1)];
        double[][] obs = new double[n][venv.spec().observationDim()];
        double[] rewards = new double[n];
        boolean[] terminated = new boolean[n], truncated = new boolean[n];
        venv.reset(0, obs);
        long[] calls = {0};
        Work batch = () -> {
            double acc = 0;
            for (int k = 0; k < 256; k++) {
                venv.step(batches[(int) (calls[0]++ & (batches.length - 1))], obs, rewards, terminated, truncated);
                acc += rewards[0];
            }
            sink += acc;
            return 256L * n;
        };
        time(s.warmupSeconds(), batch);
        return time(s.measureSeconds(), batch);
    }

    /** 64 (a power of two, for cheap cycling) uniformly random actions, fixed seed. */
    private static double[][] actionCycle(ActionSpace space) {
        RandomActions random = new RandomActions(space, new SplitMix64(12345));
        double[][] cycle = new double[64][space.storageDim()];
        for (double[] a : cycle) random.draw(a);
        return cycle;
    }

    private static String format(Rate r) {
        return format(r.perCpuSecond()) + " (" + format(r.perWallSecond()) + ")";
    }

    private static String format(double stepsPerSecond) {
        if (stepsPerSecond >= 1e6) return String.format(Locale.ROOT, "%.2fM", stepsPerSecond / 1e6);
        return String.format(Locale.ROOT, "%.0fk", stepsPerSecond / 1e3);
    }
}
