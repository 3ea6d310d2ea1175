package io.il4j.cli.bench;

import io.il4j.bc.BcConfig;
import io.il4j.bc.BcTrainer;
import io.il4j.bc.HeadType;
import io.il4j.core.cluster.Cluster;
import io.il4j.core.cluster.ClusterTask;
import io.il4j.core.data.Dataset;
import io.il4j.core.data.EpisodeSplit;
import io.il4j.core.env.EpisodeResult;
import io.il4j.core.env.Env;
import io.il4j.core.env.Rollouts;
import io.il4j.core.io.CsvOptions;
import io.il4j.core.io.DatasetFiles;
import io.il4j.core.metrics.Estimate;
import io.il4j.core.policy.Policy;
import io.il4j.core.report.AtomicFiles;
import io.il4j.core.report.BarPlot;
import io.il4j.core.report.Json;
import io.il4j.core.report.Plots;
import io.il4j.core.report.Table;
import io.il4j.core.space.Box;
import io.il4j.envs.Envs;
import io.il4j.envs.driving.DrivingConfig;
import io.il4j.offline.ContinuousCql;
import io.il4j.offline.CqlConfig;
import io.il4j.core.train.TrainingListener;
import io.il4j.offline.DiscreteCql;
import io.il4j.offline.DiscreteCqlConfig;
import io.il4j.offline.FilteredBc;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * BC, filtered BC and CQL on the same files, tier by tier (the shipped {@code datasets/<task>/<tier>.csv}),
 * through the same evaluation, on two axes: task score (return normalized between the env's random and
 * expert behaviour policies, measured on the same evaluation seeds; collision and off-road rates on Driving)
 * and fidelity to the data (action error on held-out data states; on Driving, mean speed, mean |lateral
 * offset| and lane changes per km against the data's). Every method trains on the same 90% of the episodes;
 * the other 10% are the held-out states. Rows are appended to {@code runs.csv} as runs finish, so an
 * interrupted benchmark keeps what it measured.
 */
public final class OfflineVsIlBenchmark {

    /** Per-task budget: network widths, steps, evaluation episodes. */
    public record TaskBudget(String task, List<String> tiers, boolean discrete, List<Integer> hidden, int cqlSteps, int bcSteps, int evalEpisodes)
            implements Serializable {
    }

    /**
     * How the methods train, beyond each task's budget.
     *
     * @param topFraction filtered BC: fraction of episodes kept by return
     * @param cqlAlpha    continuous CQL's penalty weight
     * @param bcWarmup    continuous CQL's actor BC warm-up steps
     */
    public record Training(double topFraction, int sampledActions, double cqlAlpha, int bcWarmup) implements Serializable {
    }

    /** @param datasets the directory holding {@code <task>/<tier>.csv} (the shipped {@code datasets}) */
    public record Options(List<TaskBudget> tasks, List<String> methods, long firstSeed, int seeds, Training training, Path datasets,
                          Path out, PrintStream log) {
    }

    /** One trained policy's figures. */
    public record Run(String task, String tier, String method, long seed, double evalReturn, double normalizedScore, double actionError,
                      Map<String, Double> metrics, double seconds) implements Serializable {
    }

    private static final long EVAL_SEED = 10_000;
    /** The Driving columns of runs.csv, in order (other tasks write NaN there). */
    static final List<String> DRIVING_METRICS = List.of("collision", "off_road", "mean_speed", "mean_abs_lateral_offset", "lane_changes_per_km",
            "data_mean_speed", "data_mean_abs_lateral_offset", "data_lane_changes_per_km");
    private static final double HOLDOUT = 0.1;

    /** CartPole first, Driving last (the costliest): an interrupted run has the cheap tasks complete. */
    public static List<TaskBudget> defaultTasks(int continuousCqlSteps, int discreteCqlSteps, int bcSteps, int evalEpisodes) {
        return List.of(
                new TaskBudget("cartpole", List.of("expert", "medium", "random"), true, List.of(64, 64), discreteCqlSteps, bcSteps, evalEpisodes),
                new TaskBudget("pendulum", List.of("expert", "medium", "random"), false, List.of(64, 64), continuousCqlSteps, bcSteps, evalEpisodes),
                new TaskBudget("driving", List.of("expert", "medium", "random", "mixed"), false, List.of(64, 64), continuousCqlSteps, bcSteps,
                        evalEpisodes));
    }

    /**
     * One (task, tier, method, seed) cell, named so that it can run on another machine: it loads the tier's file, trains
     * the method on the same 90% of the episodes as every cell of the tier, evaluates it on the shared evaluation seeds
     * and scores it against the task's expert and random returns, which the driver measured once.
     *
     * @param dataFile absolute path of the tier's CSV file (on a cluster: where every executor sees it)
     */
    public record Cell(TaskBudget task, String tier, String method, long seed, String dataFile, double expertReturn, double randomReturn,
                       Training training) implements ClusterTask<Run> {
        @Override
        public Run run() throws IOException {
            Env env = Envs.make(task.task());
            CsvOptions csvOpt = env.spec().actionSpace() instanceof Box box ? CsvOptions.builder().actionBounds(box).build() : CsvOptions.defaults();
            EpisodeSplit split = EpisodeSplit.of(DatasetFiles.load(Path.of(dataFile), csvOpt).dataset(), HOLDOUT, 7);
            long s0 = System.nanoTime();
            Policy p = train(method, task, split.train(), seed, training);
            double secs = (System.nanoTime() - s0) / 1e9;
            List<EpisodeResult> res = Rollouts.evaluate(env, p, task.evalEpisodes(), EVAL_SEED, env.spec().maxEpisodeSteps());
            double ret = mean(res);
            return new Run(task.task(), tier, method, seed, ret, 100 * (ret - randomReturn) / (expertReturn - randomReturn),
                    actionError(p, split.validation()), metrics(task.task(), res, split.validation()), secs);
        }
    }

    /** Every cell on this JVM, one after another (summary rewritten after each task of each seed). */
    public static List<Run> run(Options o) throws IOException {
        return run(o, Cluster.LOCAL);
    }

    /**
     * Runs the cells on {@code cluster} (e.g. Spark's, {@code --spark-master}); the rows, tables and plot are the same as a
     * local run's. Rows are appended to {@code runs.csv} as they come back: on a cluster, all at once at the end.
     */
    public static List<Run> run(Options o, Cluster cluster) throws IOException {
        Files.createDirectories(o.out());
        Path csv = o.out().resolve("runs.csv");
        Files.deleteIfExists(csv);
        long t0 = System.nanoTime();
        Map<String, double[]> references = new LinkedHashMap<>(); // task -> expert and random returns
        for (TaskBudget t : o.tasks()) references.put(t.task(), referenceReturns(t));
        List<List<Cell>> groups = new ArrayList<>(); // the cells of one task and seed: the local run writes the summary after each
        for (long seed = o.firstSeed(); seed < o.firstSeed() + o.seeds(); seed++)
            for (TaskBudget t : o.tasks()) {
                List<Cell> group = new ArrayList<>();
                for (String tier : t.tiers())
                    for (String method : o.methods())
                        group.add(new Cell(t, tier, method, seed, o.datasets().resolve(t.task()).resolve(tier + ".csv").toAbsolutePath().toString(),
                                references.get(t.task())[0], references.get(t.task())[1], o.training()));
                groups.add(group);
            }
        List<Run> runs = new ArrayList<>();
        if (cluster == Cluster.LOCAL) {
            for (List<Cell> group : groups) {
                for (Cell c : group) record(o, csv, runs, Cluster.runHere(c), t0);
                // after every task of every seed: an interrupted benchmark still leaves the tables of what it measured
                writeSummary(o, runs, (System.nanoTime() - t0) / 1e9, false);
            }
        } else {
            List<Cell> cells = groups.stream().flatMap(List::stream).toList();
            o.log().println(cells.size() + " cells running on the cluster");
            for (Run r : cluster.run(cells)) record(o, csv, runs, r, t0);
        }
        writeSummary(o, runs, (System.nanoTime() - t0) / 1e9, true);
        return runs;
    }

    /** The task's expert and random behaviour policies' mean returns on the evaluation seeds (the score's 100 and 0). */
    private static double[] referenceReturns(TaskBudget t) {
        Env env = Envs.make(t.task());
        int maxSteps = env.spec().maxEpisodeSteps();
        return new double[]{
                mean(Rollouts.evaluate(env, Envs.behaviour(t.task(), "expert", env, Map.of(), 1), t.evalEpisodes(), EVAL_SEED, maxSteps)),
                mean(Rollouts.evaluate(env, Envs.behaviour(t.task(), "random", env, Map.of(), 1), t.evalEpisodes(), EVAL_SEED, maxSteps))};
    }

    private static void record(Options o, Path csv, List<Run> runs, Run r, long t0) throws IOException {
        runs.add(r);
        append(csv, r);
        o.log().printf(Locale.ROOT, "[%5.0fs] %s/%s %s seed %d: return %.1f, normalized %.1f, action error %.3f (%.0f s)%n",
                (System.nanoTime() - t0) / 1e9, r.task(), r.tier(), r.method(), r.seed(), r.evalReturn(), r.normalizedScore(), r.actionError(),
                r.seconds());
    }

    /**
     * Writes the summary of runs already measured, read from the {@code runs.csv} files of {@code dirs} (seeds
     * run as separate processes), into {@code o.out()}.
     */
    public static List<Run> merge(Options o, List<Path> dirs) throws IOException {
        List<Run> runs = new ArrayList<>();
        for (Path dir : dirs) {
            List<String> lines = Files.readAllLines(dir.resolve("runs.csv"));
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.split(",");
                Map<String, Double> metrics = new LinkedHashMap<>();
                for (int i = 8; i < c.length; i++) {
                    double v = Double.parseDouble(c[i]);
                    if (!Double.isNaN(v)) metrics.put(DRIVING_METRICS.get(i - 8), v);
                }
                runs.add(new Run(c[0], c[1], c[2], Long.parseLong(c[3]), Double.parseDouble(c[4]), Double.parseDouble(c[5]),
                        Double.parseDouble(c[6]), metrics, Double.parseDouble(c[7])));
            }
        }
        Files.createDirectories(o.out());
        writeSummary(o, runs, Double.NaN, true);
        return runs;
    }

    private static Policy train(String method, TaskBudget t, Dataset data, long seed, Training o) {
        switch (method) {
            case "bc", "filtered-bc" -> {
                Dataset d = method.equals("bc") ? data : FilteredBc.topEpisodes(data, o.topFraction());
                BcConfig c = BcConfig.builder().head(t.discrete() ? HeadType.CATEGORICAL : HeadType.GAUSSIAN).hiddenSizes(t.hidden())
                        .maxSteps(t.bcSteps()).validationFraction(0).seed(seed).build();
                return BcTrainer.train(d, c, TrainingListener.NONE).policy();
            }
            case "cql" -> {
                if (t.discrete()) {
                    DiscreteCqlConfig c = DiscreteCqlConfig.builder().hiddenSizes(t.hidden()).steps(t.cqlSteps()).evalInterval(t.cqlSteps())
                            .learningRate(1e-3).targetUpdateInterval(200).seed(seed).build();
                    return DiscreteCql.train(data, c, TrainingListener.NONE, null).policy();
                }
                CqlConfig c = CqlConfig.builder().hiddenSizes(t.hidden()).steps(t.cqlSteps()).evalInterval(t.cqlSteps())
                        .sampledActions(o.sampledActions()).cqlAlpha(o.cqlAlpha()).bcWarmupSteps(o.bcWarmup()).seed(seed).build();
                return ContinuousCql.train(data, c, TrainingListener.NONE, null).policy();
            }
            default -> throw new IllegalArgumentException("unknown method '" + method + "'; expected bc, filtered-bc or cql");
        }
    }

    private static double mean(List<EpisodeResult> res) {
        return res.stream().mapToDouble(EpisodeResult::totalReturn).average().orElse(Double.NaN);
    }

    /** Continuous: RMS action error (raw units) over held-out states; discrete: the rate of disagreeing actions. */
    static double actionError(Policy p, Dataset held) {
        boolean discrete = held.spec().actionSpace().isDiscrete();
        double sum = 0;
        int n = 0;
        for (int s = 0; s < held.numSteps(); s++) {
            p.reset();
            double[] a = p.act(held.observationAsDouble(held.observationRow(s)));
            double[] y = held.actionAsDouble(s);
            if (discrete) sum += a[0] == y[0] ? 0 : 1;
            else for (int j = 0; j < y.length; j++) sum += (a[j] - y[j]) * (a[j] - y[j]) / y.length;
            n++;
        }
        return discrete ? sum / n : Math.sqrt(sum / n);
    }

    /** Task metrics of the rollouts and, on Driving, the driving-style figures of the rollouts and of the held-out data. */
    private static Map<String, Double> metrics(String task, List<EpisodeResult> res, Dataset held) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (!task.equals("driving")) return m;
        double progress = 0, laneChanges = 0;
        for (String k : List.of("collision", "off_road", "mean_speed", "mean_abs_lateral_offset"))
            m.put(k, res.stream().mapToDouble(r -> r.metrics().getOrDefault(k, Double.NaN)).average().orElse(Double.NaN));
        for (EpisodeResult r : res) {
            progress += r.metrics().getOrDefault("progress", 0.0);
            laneChanges += r.metrics().getOrDefault("lane_changes", 0.0);
        }
        m.put("lane_changes_per_km", laneChanges / Math.max(1e-9, progress / 1000));
        // the data's own: speed and |offset| from the observation columns, km as sum of speed * dt
        List<String> names = held.spec().observationNames();
        int speed = column(names, "speed"), offset = column(names, "lateral_offset"), lane = column(names, "lane_index");
        double dt = DrivingConfig.defaults().dt(), sp = 0, off = 0, km = 0, changes = 0;
        int rows = 0;
        for (int e = 0; e < held.numEpisodes(); e++) {
            int first = held.episodeFirstObservationRow(e), count = held.episodeObservationCount(e);
            for (int i = 0; i < count; i++) {
                int row = first + i;
                sp += held.observation(row, speed);
                off += Math.abs(held.observation(row, offset));
                km += held.observation(row, speed) * dt / 1000;
                if (i > 0 && held.observation(row, lane) != held.observation(row - 1, lane)) changes++;
                rows++;
            }
        }
        m.put("data_mean_speed", sp / rows);
        m.put("data_mean_abs_lateral_offset", off / rows);
        m.put("data_lane_changes_per_km", changes / Math.max(1e-9, km));
        return m;
    }

    /** The observation column named {@code name}, with or without the CSV prefix {@code obs_}. */
    private static int column(List<String> names, String name) {
        int i = names.indexOf(name);
        if (i < 0) i = names.indexOf(io.il4j.core.data.DatasetSpec.OBS_PREFIX + name);
        if (i < 0) throw new IllegalArgumentException("driving data without a '" + name + "' observation column: " + names);
        return i;
    }

    private static void append(Path csv, Run r) throws IOException {
        boolean header = !Files.exists(csv);
        StringBuilder sb = new StringBuilder();
        if (header) {
            sb.append("task,tier,method,seed,eval_return,normalized_score,action_error,seconds");
            for (String k : DRIVING_METRICS) sb.append(',').append(k);
            sb.append('\n');
        }
        sb.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%.4f,%.4f,%.5f,%.1f", r.task(), r.tier(), r.method(), r.seed(), r.evalReturn(),
                r.normalizedScore(), r.actionError(), r.seconds()));
        for (String k : DRIVING_METRICS) sb.append(String.format(Locale.ROOT, ",%.5f", r.metrics().getOrDefault(k, Double.NaN)));
        sb.append('\n');
        Files.writeString(csv, sb.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static Estimate over(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
        return Estimate.of(runs.stream().mapToDouble(f).toArray());
    }

    /** The normalized score table (mean ± 95% CI half-width over seeds), fidelity table, bar chart and JSON. */
    private static void writeSummary(Options o, List<Run> runs, double seconds, boolean print) throws IOException {
        List<String> cats = new ArrayList<>();
        Table score = new Table(new ArrayList<>(List.of("task", "tier")) {{
            for (String m : o.methods()) add(m);
        }}).title("Normalized score, 100 (R - R_random) / (R_expert - R_random), mean ± 95% CI over "
                + runs.stream().mapToLong(Run::seed).distinct().count() + " seeds");
        Table fidelity = new Table(new ArrayList<>(List.of("task", "tier")) {{
            for (String m : o.methods()) add(m + " action error");
        }}).title("Action error on held-out data states (RMS, raw units; discrete: disagreement rate), mean over seeds");
        Map<String, double[][]> bars = new LinkedHashMap<>();
        List<Map<String, Object>> json = new ArrayList<>();
        for (TaskBudget t : o.tasks())
            for (String tier : t.tiers()) {
                List<Object> row = new ArrayList<>(List.of(t.task(), tier)), frow = new ArrayList<>(List.of(t.task(), tier));
                cats.add(t.task() + "/" + tier);
                for (String m : o.methods()) {
                    List<Run> rs = runs.stream().filter(r -> r.task().equals(t.task()) && r.tier().equals(tier) && r.method().equals(m)).toList();
                    if (rs.isEmpty()) {
                        row.add("-");
                        frow.add("-");
                        continue;
                    }
                    Estimate e = over(rs, Run::normalizedScore), a = over(rs, Run::actionError);
                    // seeds still running: the table says how many seeds each cell has
                    row.add(rs.size() > 1 ? String.format(Locale.ROOT, "%.1f ± %.1f", e.mean(), e.halfWidth()) : String.format(Locale.ROOT, "%.1f", e.mean()));
                    frow.add(String.format(Locale.ROOT, "%.3f", a.mean()));
                    Map<String, Object> j = new LinkedHashMap<>();
                    j.put("task", t.task());
                    j.put("tier", tier);
                    j.put("method", m);
                    j.put("seeds", rs.size());
                    j.put("normalized_score", e.mean());
                    j.put("normalized_score_ci_half_width", rs.size() > 1 ? e.halfWidth() : Double.NaN);
                    j.put("return", over(rs, Run::evalReturn).mean());
                    j.put("action_error", a.mean());
                    Map<String, Double> mm = new LinkedHashMap<>();
                    for (String k : rs.get(0).metrics().keySet()) mm.put(k, rs.stream().mapToDouble(r -> r.metrics().get(k)).average().orElse(Double.NaN));
                    j.put("metrics", mm);
                    json.add(j);
                }
                score.addRow(row);
                fidelity.addRow(frow);
            }
        Table driving = new Table("tier", "method", "collision", "off-road", "mean speed (data)", "mean |offset| (data)", "lane changes/km (data)")
                .title("Driving: safety and style against the held-out data's, mean over seeds");
        for (TaskBudget t : o.tasks()) {
            if (!t.task().equals("driving")) continue;
            for (String tier : t.tiers())
                for (String m : o.methods()) {
                    List<Run> rs = runs.stream().filter(r -> r.task().equals("driving") && r.tier().equals(tier) && r.method().equals(m)).toList();
                    if (rs.isEmpty()) continue;
                    java.util.function.Function<String, Double> avg = k -> rs.stream().mapToDouble(r -> r.metrics().get(k)).average().orElse(Double.NaN);
                    driving.addRow(tier, m, String.format(Locale.ROOT, "%.2f", avg.apply("collision")), String.format(Locale.ROOT, "%.2f", avg.apply("off_road")),
                            String.format(Locale.ROOT, "%.2f (%.2f)", avg.apply("mean_speed"), avg.apply("data_mean_speed")),
                            String.format(Locale.ROOT, "%.2f (%.2f)", avg.apply("mean_abs_lateral_offset"), avg.apply("data_mean_abs_lateral_offset")),
                            String.format(Locale.ROOT, "%.2f (%.2f)", avg.apply("lane_changes_per_km"), avg.apply("data_lane_changes_per_km")));
                }
        }
        String text = score.toMarkdown() + "\n" + fidelity.toMarkdown() + "\n" + driving.toMarkdown()
                + (Double.isNaN(seconds) ? "" : String.format(Locale.ROOT, "%nwall time: %.0f s%n", seconds));
        AtomicFiles.writeString(o.out().resolve("summary.md"), text);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("seeds", runs.stream().mapToLong(Run::seed).distinct().sorted().toArray());
        results.put("top_fraction", o.training().topFraction());
        results.put("sampled_actions", o.training().sampledActions());
        results.put("cql_alpha", o.training().cqlAlpha());
        results.put("cql_bc_warmup_steps", o.training().bcWarmup());
        results.put("tasks", o.tasks());
        results.put("wall_seconds", seconds);
        results.put("results", json);
        Json.write(o.out().resolve("results.json"), results);
        if (print) {
            o.log().println(score.render());
            o.log().println(fidelity.render());
            o.log().println(driving.render());
            if (!Double.isNaN(seconds)) o.log().printf(Locale.ROOT, "wall time: %.0f s%n", seconds);
        }
        BarPlot plot = Plots.bar("BC vs filtered BC vs CQL: normalized score (mean, 95% CI over "
                        + runs.stream().mapToLong(Run::seed).distinct().count() + " seeds)", "task / data tier",
                "normalized score").categories(cats.toArray(String[]::new)).size(1400, 600);
        for (String m : o.methods()) {
            double[] v = new double[cats.size()], err = new double[cats.size()];
            int i = 0;
            for (TaskBudget t : o.tasks())
                for (String tier : t.tiers()) {
                    List<Run> rs = runs.stream().filter(r -> r.task().equals(t.task()) && r.tier().equals(tier) && r.method().equals(m)).toList();
                    Estimate e = rs.isEmpty() ? null : over(rs, Run::normalizedScore);
                    v[i] = e == null ? 0 : e.mean();
                    err[i] = e == null || rs.size() < 2 ? 0 : e.halfWidth();
                    i++;
                }
            plot.series(m, v, err);
        }
        plot.save(o.out().resolve("normalized-score.png"));
    }
}
