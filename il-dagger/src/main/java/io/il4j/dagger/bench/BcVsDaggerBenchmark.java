package io.il4j.dagger.bench;

import io.il4j.core.cluster.Cluster;
import io.il4j.core.report.RunDirectory;
import io.il4j.core.report.Table;
import io.il4j.core.runtime.Il4j;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The BC-vs-DAgger benchmark: BC, DAgger, DART and HG-DAgger at equal expert-label budgets on several
 * seeds, on Driving and Pendulum. Writes {@code <out>/results.json}, {@code <out>/config.json}, per task
 * {@code <task>_cost_vs_horizon.png} and {@code <task>_return_vs_labels.png}, and the round data of every
 * run under {@code <out>/<task>/} (an interrupted benchmark resumes completed rounds; {@code --fresh}
 * deletes them first, which a rerun after a code change needs, or old rounds mix with new code); prints the
 * table and the headline claims with their measured numbers.
 * Run it with {@link #run(Options, PrintStream)} ({@code il bench dagger} is the command-line form). Not thread-safe.
 */
public final class BcVsDaggerBenchmark {

    private BcVsDaggerBenchmark() {
    }

    /**
     * What to run.
     *
     * @param out       output directory (results, plots, and the round data an interrupted run resumes from)
     * @param seeds     seeds per method
     * @param firstSeed first seed; seeds are consecutive
     * @param methods   methods, in table order
     * @param tasks     task names ({@link BenchmarkTasks#byName})
     * @param quick     small budgets: a smoke run, not the README's figures
     * @param fresh     delete the saved round data of the tasks first
     */
    public record Options(Path out, int seeds, long firstSeed, List<Method> methods, List<String> tasks, boolean quick, boolean fresh) {
        public static final String DEFAULT_OUT = "runs/bc-vs-dagger", DEFAULT_METHODS = "bc,dagger,dart,hg-dagger",
                DEFAULT_TASKS = "driving,pendulum";
        public static final int DEFAULT_SEEDS = 5;

        public Options {
            if (out == null) throw new IllegalArgumentException("out must not be null");
            if (seeds < 1) throw new IllegalArgumentException("seeds must be >= 1, got " + seeds);
            if (methods == null || methods.isEmpty()) throw new IllegalArgumentException("methods needs at least one method");
            if (tasks == null || tasks.isEmpty()) throw new IllegalArgumentException("tasks needs at least one task");
            methods = List.copyOf(methods);
            tasks = tasks.stream().map(String::trim).toList();
        }
    }

    /** Runs the benchmark as configured (deleting saved rounds first when {@code fresh}); returns the per-task results. */
    public static List<Comparison.TaskResult> run(Options o, PrintStream console) throws IOException {
        return run(o, console, Cluster.LOCAL);
    }

    /**
     * As {@link #run(Options, PrintStream)}, with the (task, method, seed) cells run on {@code cluster} (e.g. Spark's);
     * the tables and plots are the same as a local run's.
     */
    public static List<Comparison.TaskResult> run(Options o, PrintStream console, Cluster cluster) throws IOException {
        Il4j.configure();
        List<BenchmarkTask> tasks = new ArrayList<>();
        for (String t : o.tasks()) tasks.add(BenchmarkTasks.byName(t, o.quick()));
        if (o.fresh())
            for (BenchmarkTask t : tasks) deleteRecursively(o.out().resolve(t.name()));
        return run(tasks, o.methods(), seedList(o.firstSeed(), o.seeds()), o.out(), console,
                (task, dir) -> Comparison.run(task, o.quick(), o.methods(), seedList(o.firstSeed(), o.seeds()), dir, cluster));
    }

    /** Deletes a task's saved round data (nothing when it does not exist). */
    static void deleteRecursively(Path dir) throws IOException {
        if (!java.nio.file.Files.exists(dir)) return;
        try (var paths = java.nio.file.Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) java.nio.file.Files.delete(p);
        }
    }

    /** {@code n} consecutive seeds from {@code first}. */
    static long[] seedList(long first, int n) {
        long[] s = new long[n];
        for (int i = 0; i < n; i++) s[i] = first + i;
        return s;
    }

    /** Methods by their lower-case names ({@code bc,dagger,dart,hg-dagger}), in the order given. */
    public static List<Method> methodList(String names) {
        List<Method> out = new ArrayList<>();
        for (String n : names.split(",")) {
            String key = n.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            try {
                out.add(Method.valueOf(key));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown method '" + n.trim() + "'; expected bc, dagger, dart or hg-dagger");
            }
        }
        if (out.isEmpty()) throw new IllegalArgumentException("methods needs at least one method");
        return out;
    }

    /** Runs the comparison on every task and writes everything into {@code out}; returns the per-task results. */
    public static List<Comparison.TaskResult> run(List<BenchmarkTask> tasks, List<Method> methods, long[] seeds, Path out,
                                                  PrintStream console) throws IOException {
        return run(tasks, methods, seeds, out, console, (task, dir) -> Comparison.run(task, methods, seeds, dir));
    }

    /** How one task's cells are run and summarized, given the task and its round-data directory. */
    private interface TaskRunner {
        Comparison.TaskResult run(BenchmarkTask task, Path runsDir);
    }

    private static List<Comparison.TaskResult> run(List<BenchmarkTask> tasks, List<Method> methods, long[] seeds, Path out,
                                                   PrintStream console, TaskRunner runner) throws IOException {
        Path abs = out.toAbsolutePath().normalize();
        RunDirectory dir = RunDirectory.create(abs.getParent(), abs.getFileName().toString());
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("benchmark", "bc-vs-dagger");
        config.put("seeds", seeds);
        config.put("methods", methods.stream().map(Method::label).toList());
        config.put("tasks", tasks.stream().map(BenchmarkTask::describe).toList());
        dir.writeConfig(config);
        List<Comparison.TaskResult> results = new ArrayList<>();
        for (BenchmarkTask task : tasks) {
            Comparison.TaskResult r = runner.run(task, dir.path().resolve(task.name()));
            results.add(r);
            Comparison.plot(r, dir.path());
            Comparison.table(r).print(console);
            if (r.claims() != null) console.println(claimsText(r));
            Map<String, Object> all = new LinkedHashMap<>(config);
            all.put("results", results);
            dir.writeResults(all); // after every task, so a long run leaves its finished tasks behind
        }
        console.println("wrote " + dir.path().resolve(RunDirectory.RESULTS) + " and plots in " + dir.path());
        return results;
    }

    /** The headline claims with the measured numbers. */
    public static String claimsText(Comparison.TaskResult r) {
        Comparison.Claims c = r.claims();
        int tMax = r.horizons()[r.horizons().length - 1];
        String metric = r.failureMetric() == null ? "" : String.format(Locale.ROOT, " (%s: DAgger %.3f vs BC %.3f)",
                r.failureMetric(), c.daggerFailure(), c.bcFailure());
        return String.format(Locale.ROOT, """
                %s claims:
                  cost at T=%d: DAgger / BC = %.3f  (claim <= 0.5: %s)
                  crash rate: DAgger %.3f vs BC %.3f%s  (claim lower: %s)
                  log-log slope of cost: BC %.2f vs DAgger %.2f  (claim BC larger: %s)
                  slope between consecutive horizons %s: BC %s, DAgger %s
                """, r.task(), tMax, c.costRatio(), verdict(c.costAtMostHalf()), c.daggerCrash(), c.bcCrash(), metric,
                c.crashApplies() ? verdict(c.crashLower()) : "n/a, neither crashed", c.bcSlope(), c.daggerSlope(), verdict(c.bcSlopeLarger()),
                java.util.Arrays.toString(r.horizons()), slopes(r.method(Method.BC)), slopes(r.method(Method.DAGGER)));
    }

    private static String slopes(Comparison.MethodSummary m) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < m.localSlopes().length; i++) sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", m.localSlopes()[i]));
        return sb.append(']').toString();
    }

    private static String verdict(boolean holds) {
        return holds ? "holds" : "DOES NOT HOLD";
    }

    /** The table of all tasks, for READMEs. */
    public static String markdown(List<Comparison.TaskResult> results) {
        StringBuilder sb = new StringBuilder();
        for (Comparison.TaskResult r : results) {
            Table t = Comparison.table(r);
            sb.append(t.toMarkdown()).append('\n');
        }
        return sb.toString();
    }
}
