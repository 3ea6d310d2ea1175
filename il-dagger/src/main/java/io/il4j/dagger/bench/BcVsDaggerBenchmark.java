package io.il4j.dagger.bench;

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
 *
 * <pre>
 *   BcVsDaggerBenchmark [--out runs/bc-vs-dagger] [--seeds 5] [--first-seed 0] [--methods bc,dagger,dart,hg-dagger]
 *                       [--tasks driving,pendulum] [--quick] [--fresh]
 * </pre>
 * Not thread-safe.
 */
public final class BcVsDaggerBenchmark {

    private BcVsDaggerBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Il4j.configure();
        Path out = Path.of("runs", "bc-vs-dagger");
        int seeds = 5;
        long firstSeed = 0;
        List<Method> methods = List.of(Method.values());
        List<String> taskNames = List.of("driving", "pendulum");
        boolean quick = false, fresh = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                case "--seeds" -> seeds = Integer.parseInt(value(args, ++i, "--seeds"));
                case "--first-seed" -> firstSeed = Long.parseLong(value(args, ++i, "--first-seed"));
                case "--methods" -> methods = methodList(value(args, ++i, "--methods"));
                case "--tasks" -> taskNames = List.of(value(args, ++i, "--tasks").split(","));
                case "--quick" -> quick = true;
                case "--fresh" -> fresh = true;
                case "--help", "-h" -> {
                    System.out.println("usage: BcVsDaggerBenchmark [--out DIR (runs/bc-vs-dagger)] [--seeds N (5)] [--first-seed S (0)] "
                            + "[--methods bc,dagger,dart,hg-dagger (all)] "
                            + "[--tasks driving,pendulum] [--quick (small budgets, a smoke run)] [--fresh (discard saved rounds)]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'; try --help");
            }
        }
        if (seeds < 1) throw new IllegalArgumentException("--seeds must be >= 1, got " + seeds);
        List<BenchmarkTask> tasks = new ArrayList<>();
        for (String t : taskNames) tasks.add(BenchmarkTasks.byName(t.trim(), quick));
        if (fresh)
            for (BenchmarkTask t : tasks) deleteRecursively(out.resolve(t.name()));
        run(tasks, methods, seedList(firstSeed, seeds), out, System.out);
    }

    /** Deletes a task's saved round data (nothing when it does not exist). */
    static void deleteRecursively(Path dir) throws IOException {
        if (!java.nio.file.Files.exists(dir)) return;
        try (var paths = java.nio.file.Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) java.nio.file.Files.delete(p);
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }

    /** {@code n} consecutive seeds from {@code first}. */
    static long[] seedList(long first, int n) {
        long[] s = new long[n];
        for (int i = 0; i < n; i++) s[i] = first + i;
        return s;
    }

    /** Methods by their lower-case names ({@code bc,dagger,dart,hg-dagger}), in the order given. */
    static List<Method> methodList(String names) {
        List<Method> out = new ArrayList<>();
        for (String n : names.split(",")) {
            String key = n.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            try {
                out.add(Method.valueOf(key));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown method '" + n.trim() + "'; expected bc, dagger, dart or hg-dagger");
            }
        }
        if (out.isEmpty()) throw new IllegalArgumentException("--methods needs at least one method");
        return out;
    }

    /** Runs the comparison on every task and writes everything into {@code out}; returns the per-task results. */
    public static List<Comparison.TaskResult> run(List<BenchmarkTask> tasks, List<Method> methods, long[] seeds, Path out,
                                                  PrintStream console) throws IOException {
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
            Comparison.TaskResult r = Comparison.run(task, methods, seeds, dir.path().resolve(task.name()));
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
