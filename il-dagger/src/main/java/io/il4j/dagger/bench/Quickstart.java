package io.il4j.dagger.bench;

import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.env.Env;
import io.il4j.core.env.Rollouts;
import io.il4j.core.io.DatasetFiles;
import io.il4j.core.metrics.Estimate;
import io.il4j.core.metrics.EvaluationSummary;
import io.il4j.core.policy.ExpertOracle;
import io.il4j.core.policy.Policy;
import io.il4j.core.policy.PolicyLearner;
import io.il4j.core.report.Plots;
import io.il4j.core.report.RunDirectory;
import io.il4j.core.report.Table;
import io.il4j.core.runtime.Il4j;
import io.il4j.dagger.BcLearners;
import io.il4j.dagger.BetaSchedule;
import io.il4j.dagger.CompoundingError;
import io.il4j.dagger.CompoundingErrorReport;
import io.il4j.dagger.Dagger;
import io.il4j.dagger.DaggerConfig;
import io.il4j.dagger.DaggerResult;
import io.il4j.envs.driving.DrivingConfig;
import io.il4j.envs.driving.DrivingEnv;
import io.il4j.envs.driving.DrivingExpert;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * il4j's first experiment ({@code ./il quickstart}): behavioural cloning versus DAgger on the Driving
 * environment at the same, small number of expert labels.
 *
 * <ol>
 *   <li>BC trains on the first {@code labels} steps of the shipped plain expert demonstrations
 *       ({@code datasets/driving/expert-clean.csv}: perturbed starts, no executed-action noise — the
 *       DART-style {@code expert.csv} would already correct much of BC's drift), also on a quarter and a half
 *       of them (the learning curve).</li>
 *   <li>DAgger starts from the first fifth of those labels and spends the rest querying the Driving expert
 *       on the states its own policies visit (rounds of 4 rollouts of 250 steps, β_k = 0.5^(k−1), until the
 *       labels are used up).</li>
 *   <li>Both final policies are evaluated on the same 20 episodes of 1,000 steps, and their cumulative
 *       cost (action disagreement with the expert on their own states, plus a failure cost per step after a
 *       crash) is measured at horizons 50 to 1,600 from the same 10 initial states.</li>
 * </ol>
 * Prints a table, writes {@code results.json}, {@code config.json}, {@code cost_vs_horizon.png} and
 * {@code return_vs_labels.png} into the output directory (default {@code runs/quickstart}).
 * Run it with {@link #run(Options, PrintStream)} ({@code il quickstart} is the command-line form). Not thread-safe.
 */
public final class Quickstart {
    static final int[] HORIZONS = {50, 100, 200, 400, 800, 1600};
    static final int EVAL_EPISODES = 20, EVAL_HORIZON = 1_000, COST_EPISODES = 10;

    /**
     * @param data   expert demonstrations recorded in the default Driving environment
     * @param out    output directory
     * @param labels expert labels for each method
     * @param seed   seed of training and of DAgger's rollouts
     */
    public record Options(Path data, Path out, int labels, long seed) {
        /** The defaults, as constants so that the command line's defaults are these. */
        public static final String DEFAULT_DATA = "datasets/driving/expert-clean.csv", DEFAULT_OUT = "runs/quickstart";
        public static final int DEFAULT_LABELS = 10_000;
        public static final long DEFAULT_SEED = 0;

        public Options {
            if (data == null || out == null) throw new IllegalArgumentException("data and out must not be null");
            if (labels < 500) throw new IllegalArgumentException("labels must be >= 500, got " + labels);
        }

        public static Options defaults() {
            return new Options(Path.of(DEFAULT_DATA), Path.of(DEFAULT_OUT), DEFAULT_LABELS, DEFAULT_SEED);
        }
    }

    /** One method's final numbers. */
    public record MethodResult(String method, long labels, Estimate evalReturn, double crashRate, double collisionRate,
                               double offRoadRate, double[] cost, double slope, double[] curveLabels, double[] curveReturns) {
    }

    public record Result(Options options, List<MethodResult> methods, int[] horizons, double costRatioAtMaxHorizon,
                         double seconds) {
    }

    private Quickstart() {
    }

    public static Result run(Options o, PrintStream console) throws IOException {
        Il4j.configure();
        long t0 = System.nanoTime();
        if (Files.isDirectory(o.data()))
            throw new IllegalArgumentException(o.data() + " is a directory; data must be the demonstrations file");
        if (!Files.isRegularFile(o.data()))
            throw new IllegalArgumentException("demonstrations not found: " + o.data().toAbsolutePath()
                    + " (a relative path is resolved from the working directory: the il4j checkout for the shipped data)");
        Dataset demos = DatasetFiles.load(o.data()).dataset();
        DrivingConfig cfg = DrivingConfig.builder().horizon(2_000).build();
        Env env = new DrivingEnv(cfg);
        ExpertOracle expert = new DrivingExpert(cfg);
        if (demos.observationDim() != env.spec().observationDim() || demos.actionDim() != env.spec().actionSpace().storageDim())
            throw new IllegalArgumentException(o.data() + " holds " + demos.observationDim() + "-dim observations and "
                    + demos.actionDim() + "-dim actions; Driving has " + env.spec().observationDim() + " and "
                    + env.spec().actionSpace().storageDim());
        if (demos.numSteps() < o.labels())
            throw new IllegalArgumentException(o.data() + " holds " + demos.numSteps() + " steps, fewer than --labels " + o.labels());
        PolicyLearner learner = BcLearners.behavioralCloning();
        console.printf(Locale.ROOT, "quickstart: BC vs DAgger on Driving at %d expert labels (%s)%n", o.labels(), o.data());

        // BC on prefixes of the demonstrations: the last one is the comparison, the others its learning curve.
        int[] bcLabels = {o.labels() / 4, o.labels() / 2, o.labels()};
        double[] bcReturns = new double[bcLabels.length];
        Policy bc = null;
        for (int i = 0; i < bcLabels.length; i++) {
            bc = learner.fit(firstSteps(demos, bcLabels[i]), o.seed(), null);
            bcReturns[i] = evaluate(env, bc).totalReturn().mean();
            console.printf(Locale.ROOT, "  BC on %d labels: return %.1f%n", bcLabels[i], bcReturns[i]);
        }

        // DAgger from a fifth of the labels; the rest are the expert's answers on the learner's states.
        int initial = o.labels() / 5;
        // Rounds of up to 1,000 labels; twice as many rounds as that needs, so that the budget (not early
        // crashes in the rollouts) ends the run and DAgger uses exactly as many labels as BC.
        int maxRounds = 2 * (int) Math.ceil((o.labels() - initial) / 1_000.0);
        DaggerConfig dc = DaggerConfig.builder().rounds(maxRounds).rolloutsPerRound(4).horizon(250).labelBudget(o.labels())
                .beta(BetaSchedule.exponential(0.5)).seed(o.seed()).evalEpisodes(0).build();
        // DAgger's own per-round check runs short episodes on other seeds; its learning curve is instead
        // every policy it trained, evaluated exactly as BC's (same episodes and horizon), so the two curves
        // and the table compare like with like. The last one is the final policy of the table.
        List<Policy> daggerPolicies = new ArrayList<>();
        List<Double> daggerPolicyLabels = new ArrayList<>();
        PolicyLearner recording = (data, seed, warmStart) -> {
            Policy p = learner.fit(data, seed, warmStart);
            daggerPolicies.add(p);
            daggerPolicyLabels.add((double) data.numSteps());
            return p;
        };
        DaggerResult dagger = new Dagger(dc, recording).showProgress(false).onRound((s, n) -> console.printf(Locale.ROOT,
                        "  DAgger round %d: %d labels aggregated%n", s.round(), s.labelsTotal()))
                .run(env, expert, firstSteps(demos, initial), null);
        double[] dx = daggerPolicyLabels.stream().mapToDouble(Double::doubleValue).toArray(), dy = new double[dx.length];
        for (int i = 0; i < dx.length; i++) {
            dy[i] = evaluate(env, daggerPolicies.get(i)).totalReturn().mean();
            console.printf(Locale.ROOT, "  DAgger policy on %.0f labels: return %.1f%n", dx[i], dy[i]);
        }

        List<MethodResult> methods = List.of(
                measure("BC", bc, demosLabels(bcLabels), bcLabels, bcReturns, env, expert),
                measure("DAgger", dagger.policy(), dagger.labelsUsed(), dx, dy, env, expert));
        int last = HORIZONS.length - 1;
        Result result = new Result(o, methods, HORIZONS, methods.get(1).cost()[last] / methods.get(0).cost()[last],
                (System.nanoTime() - t0) / 1e9);
        report(result, console);
        return result;
    }

    private static long demosLabels(int[] bcLabels) {
        return bcLabels[bcLabels.length - 1];
    }

    private static MethodResult measure(String name, Policy p, long labels, int[] curveLabels, double[] curveReturns, Env env,
                                        ExpertOracle expert) {
        return measure(name, p, labels, Arrays.stream(curveLabels).asDoubleStream().toArray(), curveReturns, env, expert);
    }

    private static MethodResult measure(String name, Policy p, long labels, double[] curveLabels, double[] curveReturns, Env env,
                                        ExpertOracle expert) {
        EvaluationSummary e = evaluate(env, p);
        CompoundingErrorReport c = new CompoundingError(HORIZONS, COST_EPISODES, Comparison.COST_SEED).measure(env, p, expert);
        return new MethodResult(name, labels, e.totalReturn(), e.terminated() / (double) e.episodes(),
                e.metric("collision").mean(), e.metric("off_road").mean(), c.meanCost(), c.slope(), curveLabels, curveReturns);
    }

    private static EvaluationSummary evaluate(Env env, Policy p) {
        return EvaluationSummary.of(Rollouts.evaluate(env, p, EVAL_EPISODES, Comparison.EVAL_SEED, EVAL_HORIZON));
    }

    /** The first {@code steps} steps of {@code data}: whole episodes, the last one cut (and marked truncated). */
    static Dataset firstSteps(Dataset data, int steps) {
        if (steps < 1 || steps > data.numSteps())
            throw new IllegalArgumentException("cannot take " + steps + " steps of a dataset with " + data.numSteps());
        DatasetBuilder b = new DatasetBuilder(data.spec());
        int left = steps;
        for (int e = 0; e < data.numEpisodes() && left > 0; e++) {
            int len = data.episodeLength(e);
            if (len <= left) {
                b.appendEpisode(data, e);
                left -= len;
                continue;
            }
            b.beginEpisode();
            for (int t = 0; t < left; t++) {
                int s = data.episodeFirstStep(e) + t;
                b.addStep(data.observationAsDouble(data.observationRow(s)), data.actionAsDouble(s),
                        data.spec().hasRewards() ? data.reward(s) : 0);
            }
            b.endEpisode(data.observationAsDouble(data.observationRow(data.episodeFirstStep(e) + left)), false, true);
            left = 0;
        }
        return b.build();
    }

    private static void report(Result r, PrintStream console) throws IOException {
        List<String> headers = new ArrayList<>(List.of("method", "labels", "return", "crash", "collision", "off_road"));
        for (int h : r.horizons()) headers.add("cost@" + h);
        headers.add("slope");
        Table t = new Table(headers).title("Driving, " + r.options().labels() + " expert labels, "
                + EVAL_EPISODES + " episodes of " + EVAL_HORIZON + " steps; cost over " + COST_EPISODES + " initial states");
        for (MethodResult m : r.methods()) {
            List<Object> row = new ArrayList<>(List.of(m.method(), m.labels(),
                    Table.plusMinus(m.evalReturn().mean(), m.evalReturn().halfWidth()), m.crashRate(), m.collisionRate(), m.offRoadRate()));
            for (double c : m.cost()) row.add(c);
            row.add(m.slope());
            t.addRow(row);
        }
        console.println();
        t.print(console);
        console.printf(Locale.ROOT, "At T = %d steps DAgger's cumulative cost is %.0f%% of BC's (same %d expert labels).%n",
                r.horizons()[r.horizons().length - 1], 100 * r.costRatioAtMaxHorizon(), r.options().labels());

        Path abs = r.options().out().toAbsolutePath().normalize();
        RunDirectory dir = RunDirectory.create(abs.getParent(), abs.getFileName().toString());
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("data", r.options().data().toString());
        config.put("labels", r.options().labels());
        config.put("seed", r.options().seed());
        config.put("horizons", r.horizons());
        dir.writeConfig(config);
        dir.writeResults(r);
        double[] hx = Arrays.stream(r.horizons()).asDoubleStream().toArray();
        var cost = Plots.line("Driving: cumulative cost vs horizon (" + r.options().labels() + " expert labels)",
                "horizon T (steps)", "cumulative cost").logLog().markers(true);
        var curve = Plots.line("Driving: return vs expert labels", "expert labels", "mean return, " + EVAL_EPISODES + " episodes of " + EVAL_HORIZON + " steps").markers(true);
        for (MethodResult m : r.methods()) {
            if (Arrays.stream(m.cost()).allMatch(c -> c > 0))
                cost.series(String.format(Locale.ROOT, "%s (slope %.2f)", m.method(), m.slope()), hx, m.cost());
            if (m.curveLabels().length > 0) curve.series(m.method(), m.curveLabels(), m.curveReturns());
        }
        cost.save(dir.file("cost_vs_horizon.png"));
        curve.save(dir.file("return_vs_labels.png"));
        console.printf(Locale.ROOT, "wrote %s, %s and %s (%.0f s)%n", dir.file(RunDirectory.RESULTS), dir.file("cost_vs_horizon.png"),
                dir.file("return_vs_labels.png"), r.seconds());
    }
}
