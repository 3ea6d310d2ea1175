package io.il4j.dagger.bench;

import io.il4j.core.cluster.Cluster;
import io.il4j.core.env.Env;
import io.il4j.core.env.Rollouts;
import io.il4j.core.metrics.Estimate;
import io.il4j.core.metrics.EvaluationSummary;
import io.il4j.core.report.Plots;
import io.il4j.core.report.Progress;
import io.il4j.core.report.Table;
import io.il4j.dagger.CompoundingError;
import io.il4j.dagger.CompoundingErrorReport;
import io.il4j.dagger.DaggerResult;
import io.il4j.dagger.RoundSummary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs methods on a {@link BenchmarkTask} over several seeds and summarizes them: final return and
 * failure rate, cumulative cost at each horizon with its log-log slope, the return-vs-labels curve,
 * and the headline claims of BC vs DAgger. Every method and seed is evaluated on the same initial states.
 * Not thread-safe.
 */
public final class Comparison {
    /** Evaluation and compounding-error episodes use seeds from these bases, the same for every method and seed. */
    static final long EVAL_SEED = 1_000_000, COST_SEED = 2_000_000;

    private Comparison() {
    }

    /**
     * One method on one seed.
     *
     * @param failure      mean of the task's failure metric over the evaluation episodes (NaN without one)
     * @param crash        fraction of evaluation episodes the environment terminated (e.g. collision or off-road)
     * @param cost         mean cumulative cost at each horizon
     * @param failureAtMax fraction of compounding-error rollouts terminated within the largest horizon
     * @param curveLabels  labels the policy of each round was trained on (the return-vs-labels x axis)
     * @param curveReturns that policy's evaluation return
     */
    public record SeedRun(String method, long seed, long labels, long oracleQueries, double evalReturn, double failure,
                          double crash, double[] cost, double slope, double failureAtMax, double meanDisagreement,
                          double[] curveLabels, double[] curveReturns, double seconds) implements java.io.Serializable {
    }

    /**
     * One method over all seeds; estimates are over seeds. {@code localSlopes[h]} is the slope of the
     * seed-mean cost between horizons h and h+1 (log-log), showing where along the sweep the growth bends.
     */
    public record MethodSummary(String method, double labels, Estimate evalReturn, Estimate failure, Estimate crash,
                                double[] costMean,
                                double[] costStd, Estimate slope, double slopeOfMeanCost, double[] localSlopes,
                                Estimate failureAtMax,
                                double[] curveLabels, double[] curveReturnMean, double[] curveReturnStd,
                                List<SeedRun> seeds) {
    }

    /**
     * The headline claims on a task: at the largest horizon DAgger's cost is at most half of BC's, its
     * crash rate (episodes the environment terminated: collision or off-road on Driving; over the
     * evaluation episodes, or over the longest compounding-error rollouts when the environment never
     * terminates) is lower — not applicable ({@code crashApplies} false) when neither ever crashed, as on
     * Pendulum, which never terminates — and BC's fitted slope is larger. Null when BC or DAgger was not run.
     */
    public record Claims(double costRatio, boolean costAtMostHalf, double bcCrash, double daggerCrash,
                         boolean crashApplies, boolean crashLower, double bcFailure, double daggerFailure, double bcSlope, double daggerSlope,
                         boolean bcSlopeLarger) {
        public boolean allHold() {
            return costAtMostHalf && (crashLower || !crashApplies) && bcSlopeLarger;
        }
    }

    /** @param curveHorizon steps of the per-round evaluation episodes (the return-vs-labels curve) */
    public record TaskResult(String task, String settings, int[] horizons, int curveHorizon, String failureMetric,
                             List<MethodSummary> methods, Claims claims) {
        public MethodSummary method(Method m) {
            return methods.stream().filter(s -> s.method().equals(m.label())).findFirst().orElse(null);
        }
    }

    /**
     * As {@link #run(BenchmarkTask, List, long[], Path)}, with the (method, seed) cells run on {@code cluster}; the task
     * must be the registered one of its name ({@link BenchmarkTasks#byName} with {@code quick}), since cells travel by name.
     */
    public static TaskResult run(BenchmarkTask task, boolean quick, List<Method> methods, long[] seeds, Path runsDir,
                                 Cluster cluster) {
        if (cluster == Cluster.LOCAL) return run(task, methods, seeds, runsDir);
        List<SweepCell> cells = new ArrayList<>();
        for (Method m : methods)
            for (long seed : seeds)
                cells.add(new SweepCell(task.name(), quick, m, seed, runsDir == null ? null : runDirectory(runsDir, m, seed).toString()));
        List<SeedRun> runs;
        try (Progress progress = Progress.start(task.name(), cells.size())) {
            progress.setExtraMessage(cells.size() + " cells running on the cluster");
            runs = cluster.run(cells);
            progress.stepTo(cells.size());
            progress.setExtraMessage("");
        }
        List<MethodSummary> summaries = new ArrayList<>();
        for (int i = 0; i < methods.size(); i++)
            summaries.add(summarize(methods.get(i).label(), runs.subList(i * seeds.length, (i + 1) * seeds.length), task.costHorizons()));
        return result(task, summaries);
    }

    private static Path runDirectory(Path runsDir, Method m, long seed) {
        return runsDir.resolve(m.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-seed" + seed);
    }

    private static TaskResult result(BenchmarkTask task, List<MethodSummary> summaries) {
        return new TaskResult(task.name(), task.describe(), task.costHorizons(), task.horizon(), task.failureMetric(), summaries,
                claims(summaries));
    }

    /** Runs every method on every seed; per-run round data go to {@code runsDir/<method>-seed<k>} (resumable). */
    public static TaskResult run(BenchmarkTask task, List<Method> methods, long[] seeds, Path runsDir) {
        List<MethodSummary> summaries = new ArrayList<>();
        try (Progress progress = Progress.start(task.name(), (long) methods.size() * seeds.length)) {
            for (Method m : methods) {
                List<SeedRun> runs = new ArrayList<>();
                for (long seed : seeds) {
                    runs.add(runOne(task, m, seed, runsDir == null ? null : runDirectory(runsDir, m, seed)));
                    progress.step();
                    progress.setExtraMessage(m.label() + " seed " + seed);
                }
                summaries.add(summarize(m.label(), runs, task.costHorizons()));
            }
        }
        return result(task, summaries);
    }

    static SeedRun runOne(BenchmarkTask task, Method method, long seed, Path runDirectory) {
        long t0 = System.nanoTime();
        DaggerResult r = method.run(task, seed, runDirectory);
        Env env = task.environment().get();
        EvaluationSummary eval = EvaluationSummary.of(Rollouts.evaluate(env, r.policy(), task.evalEpisodes(), EVAL_SEED,
                task.evalHorizon()));
        CompoundingError ce = new CompoundingError(task.costHorizons(), task.costEpisodes(), COST_SEED);
        if (task.stateDims() != null) ce.stateDims(task.stateDims());
        CompoundingErrorReport cost = ce.measure(env, r.policy(), task.expert());
        double failure = task.failureMetric() == null || eval.metric(task.failureMetric()) == null
                ? Double.NaN : eval.metric(task.failureMetric()).mean();
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        List<RoundSummary> rounds = r.rounds();
        for (int k = 1; k < rounds.size(); k++)
            if (!Double.isNaN(rounds.get(k).evalReturn())) {
                xs.add((double) rounds.get(k - 1).labelsTotal());
                ys.add(rounds.get(k).evalReturn());
            }
        if (!Double.isNaN(r.finalReturn())) {
            xs.add((double) r.labelsUsed());
            ys.add(r.finalReturn());
        }
        long queries = rounds.stream().mapToLong(RoundSummary::oracleQueries).sum();
        double meanDisagreement = Arrays.stream(cost.disagreementByStep()).filter(d -> !Double.isNaN(d)).average().orElse(Double.NaN);
        return new SeedRun(method.label(), seed, r.labelsUsed(), queries,
                eval.totalReturn().mean(), failure, eval.terminated() / (double) eval.episodes(), cost.meanCost(), cost.slope(), cost.failureRate()[cost.failureRate().length - 1],
                meanDisagreement, xs.stream().mapToDouble(Double::doubleValue).toArray(),
                ys.stream().mapToDouble(Double::doubleValue).toArray(), (System.nanoTime() - t0) / 1e9);
    }

    static MethodSummary summarize(String method, List<SeedRun> runs, int[] horizons) {
        int n = runs.size(), nh = horizons.length;
        double[] costMean = new double[nh], costStd = new double[nh];
        for (int h = 0; h < nh; h++) {
            final int hh = h;
            Estimate e = Estimate.of(runs.stream().mapToDouble(r -> r.cost()[hh]).toArray());
            costMean[h] = e.mean();
            costStd[h] = n > 1 ? e.std() : 0;
        }
        var fit = CompoundingError.fitPositive(horizons, costMean);
        int points = runs.stream().mapToInt(r -> r.curveLabels().length).min().orElse(0);
        double[] cx = new double[points], cy = new double[points], cs = new double[points];
        for (int i = 0; i < points; i++) {
            final int ii = i;
            cx[i] = runs.stream().mapToDouble(r -> r.curveLabels()[ii]).average().orElseThrow();
            Estimate e = Estimate.of(runs.stream().mapToDouble(r -> r.curveReturns()[ii]).toArray());
            cy[i] = e.mean();
            cs[i] = n > 1 ? e.std() : 0;
        }
        return new MethodSummary(method, runs.stream().mapToDouble(SeedRun::labels).average().orElseThrow(),
                Estimate.of(runs.stream().mapToDouble(SeedRun::evalReturn).toArray()),
                Estimate.of(runs.stream().mapToDouble(SeedRun::failure).toArray()),
                Estimate.of(runs.stream().mapToDouble(SeedRun::crash).toArray()), costMean, costStd,
                Estimate.of(runs.stream().mapToDouble(SeedRun::slope).toArray()), fit == null ? Double.NaN : fit.slope(),
                localSlopes(horizons, costMean),
                Estimate.of(runs.stream().mapToDouble(SeedRun::failureAtMax).toArray()), cx, cy, cs, List.copyOf(runs));
    }

    static double[] localSlopes(int[] horizons, double[] cost) {
        double[] out = new double[horizons.length - 1];
        for (int h = 0; h + 1 < horizons.length; h++)
            out[h] = Math.log(cost[h + 1] / cost[h]) / Math.log((double) horizons[h + 1] / horizons[h]);
        return out;
    }

    static Claims claims(List<MethodSummary> methods) {
        MethodSummary bc = find(methods, Method.BC), dagger = find(methods, Method.DAGGER);
        if (bc == null || dagger == null) return null;
        int last = bc.costMean().length - 1;
        double ratio = dagger.costMean()[last] / bc.costMean()[last];
        double bcCrash = bc.crash().mean(), daggerCrash = dagger.crash().mean();
        if (bcCrash == 0 && daggerCrash == 0) {
            bcCrash = bc.failureAtMax().mean();
            daggerCrash = dagger.failureAtMax().mean();
        }
        boolean applies = bcCrash > 0 || daggerCrash > 0;
        return new Claims(ratio, ratio <= 0.5, bcCrash, daggerCrash, applies, daggerCrash < bcCrash, bc.failure().mean(),
                dagger.failure().mean(), bc.slopeOfMeanCost(), dagger.slopeOfMeanCost(),
                bc.slopeOfMeanCost() > dagger.slopeOfMeanCost());
    }

    private static MethodSummary find(List<MethodSummary> methods, Method m) {
        return methods.stream().filter(s -> s.method().equals(m.label())).findFirst().orElse(null);
    }

    /** One row per task and method: labels, return, failure rate, cost at every horizon, slope. */
    public static Table table(TaskResult t) {
        List<String> headers = new ArrayList<>(List.of("task", "method", "labels", "return", "crash",
                t.failureMetric() == null ? "failure" : t.failureMetric(), "crash@T" + t.horizons()[t.horizons().length - 1]));
        for (int h : t.horizons()) headers.add("cost@" + h);
        headers.add("slope");
        Table table = new Table(headers);
        for (MethodSummary m : t.methods()) {
            List<Object> row = new ArrayList<>(List.of(t.task(), m.method(), Math.round(m.labels()),
                    Table.plusMinus(m.evalReturn().mean(), m.evalReturn().halfWidth()),
                    m.crash().mean(), m.failure().mean(), m.failureAtMax().mean()));
            for (double c : m.costMean()) row.add(c);
            row.add(Table.plusMinus(m.slope().mean(), m.slope().halfWidth()));
            table.addRow(row);
        }
        return table;
    }

    /** {@code <task>_cost_vs_horizon.png} (log-log, band = std over seeds) and {@code <task>_return_vs_labels.png}. */
    public static List<Path> plot(TaskResult t, Path dir) throws IOException {
        double[] hx = Arrays.stream(t.horizons()).asDoubleStream().toArray();
        int seeds = t.methods().isEmpty() ? 0 : t.methods().get(0).seeds().size();
        String task = t.task().substring(0, 1).toUpperCase(java.util.Locale.ROOT) + t.task().substring(1);
        var cost = Plots.line(task + ": cumulative cost vs horizon (" + seeds + " seeds; band = ±1 std over seeds)",
                "horizon T (steps)", "cumulative cost (mean of seeds)").logLog().markers(true);
        for (MethodSummary m : t.methods())
            if (Arrays.stream(m.costMean()).allMatch(c -> c > 0)) cost.series(label(m), hx, m.costMean(), m.costStd());
        var curve = Plots.line(task + ": return vs expert labels", "expert labels",
                "return over " + t.curveHorizon() + " steps (mean of seeds)").markers(true);
        for (MethodSummary m : t.methods())
            if (m.curveLabels().length > 0) curve.series(m.method(), m.curveLabels(), m.curveReturnMean(), m.curveReturnStd());
        Path costFile = dir.resolve(t.task() + "_cost_vs_horizon.png"), curveFile = dir.resolve(t.task() + "_return_vs_labels.png");
        cost.save(costFile);
        curve.save(curveFile);
        return List.of(costFile, curveFile);
    }

    private static String label(MethodSummary m) {
        return Double.isNaN(m.slopeOfMeanCost()) ? m.method()
                : m.method() + String.format(java.util.Locale.ROOT, " (slope %.2f)", m.slopeOfMeanCost());
    }
}
