package io.il4j.cli;

import io.il4j.cli.bench.OfflineVsIlBenchmark;
import io.il4j.core.cluster.Cluster;
import io.il4j.core.runtime.Il4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code il bench offline}: BC, filtered BC and CQL on every shipped data tier (what benchmarks/offline-vs-il.sh runs). */
@Command(name = "offline", mixinStandardHelpOptions = true,
        description = "Runs BC, filtered BC and CQL on every tier of the shipped Pendulum, Driving and CartPole data, evaluates "
                + "each policy in its environment and writes a normalized score table, fidelity tables (action error on held-out "
                + "data states; Driving style against the data's) and a grouped bar chart.")
final class BenchOfflineCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "runs/offline-vs-il", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seeds", defaultValue = "3", description = "Training seeds per method and tier (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--first-seed", defaultValue = "0", description = "First training seed; seeds are consecutive (default: ${DEFAULT-VALUE}).")
    long firstSeed;

    @Option(names = "--merge", split = ",", paramLabel = "DIR",
            description = "Do not train: write the summary into --out from the runs.csv of these output directories (seeds run as separate processes).")
    List<Path> merge;

    @Option(names = "--methods", split = ",", defaultValue = "bc,filtered-bc,cql", description = "Methods (default: ${DEFAULT-VALUE}).")
    List<String> methods;

    @Option(names = "--tasks", split = ",", defaultValue = "cartpole,pendulum,driving", description = "Tasks (default: ${DEFAULT-VALUE}).")
    List<String> tasks;

    @Option(names = "--tiers", split = ",", paramLabel = "TIER",
            description = "Only these data tiers (of expert, medium, random, mixed) of each task (default: every shipped tier).")
    List<String> tiers;

    @Option(names = "--top-fraction", defaultValue = "0.2", description = "Filtered BC: fraction of episodes kept by return (default: ${DEFAULT-VALUE}).")
    double topFraction;

    @Option(names = "--cql-steps", defaultValue = "4000", description = "Gradient steps of continuous CQL (default: ${DEFAULT-VALUE}).")
    int cqlSteps;

    @Option(names = "--discrete-cql-steps", defaultValue = "3000", description = "Gradient steps of discrete CQL (default: ${DEFAULT-VALUE}).")
    int discreteCqlSteps;

    @Option(names = "--sampled-actions", defaultValue = "10", description = "Continuous CQL: N actions of each kind in the logsumexp (default: ${DEFAULT-VALUE}).")
    int sampledActions;

    @Option(names = "--cql-alpha", defaultValue = "" + io.il4j.offline.CqlConfig.DEFAULT_CQL_ALPHA,
            description = "Continuous CQL: weight of the conservative penalty (default: ${DEFAULT-VALUE}).")
    double cqlAlpha;

    @Option(names = "--bc-warmup", defaultValue = "0",
            description = "Continuous CQL: first steps in which the actor imitates the data instead of maximizing Q (default: ${DEFAULT-VALUE}).")
    int bcWarmup;

    @Option(names = "--bc-steps", defaultValue = "3000", description = "Gradient steps of BC and filtered BC (default: ${DEFAULT-VALUE}).")
    int bcSteps;

    @Option(names = "--eval-episodes", defaultValue = "20", description = "Evaluation episodes per policy (default: ${DEFAULT-VALUE}).")
    int evalEpisodes;

    @Option(names = "--datasets", defaultValue = "datasets", paramLabel = "DIR",
            description = "Directory of the shipped <task>/<tier>.csv files (default: ${DEFAULT-VALUE}).")
    Path datasets;

    @Option(names = "--spark-master", paramLabel = "URL", description = "Run the (task, tier, method, seed) cells on Spark: local[*], "
            + "local[N] or spark://host:port; the tables and plot are the same as a local run's (--datasets must be at the same path "
            + "on every executor). The il launcher then adds il-spark and Spark (default: none, every cell here).")
    String sparkMaster;

    @Override
    public Integer call() throws Exception {
        Il4j.configure();
        var all = OfflineVsIlBenchmark.defaultTasks(cqlSteps, discreteCqlSteps, bcSteps, evalEpisodes);
        var chosen = all.stream().filter(t -> tasks.contains(t.task()))
                .map(t -> tiers == null ? t : new OfflineVsIlBenchmark.TaskBudget(t.task(), t.tiers().stream().filter(tiers::contains).toList(),
                        t.discrete(), t.hidden(), t.cqlSteps(), t.bcSteps(), t.evalEpisodes()))
                .toList();
        if (chosen.size() != tasks.size()) throw new IllegalArgumentException("--tasks: expected some of pendulum, driving, cartpole; got " + tasks);
        if (seeds < 1) throw new IllegalArgumentException("--seeds must be >= 1, got " + seeds);
        var options = new OfflineVsIlBenchmark.Options(chosen, methods, firstSeed, seeds,
                new OfflineVsIlBenchmark.Training(topFraction, sampledActions, cqlAlpha, bcWarmup), datasets, out, System.out);
        if (merge != null) OfflineVsIlBenchmark.merge(options, merge);
        else try (Cluster cluster = Cluster.open(sparkMaster)) {
            OfflineVsIlBenchmark.run(options, cluster);
        }
        System.out.println("wrote " + out.resolve("summary.md") + ", results.json, runs.csv, normalized-score.png; report: "
                + io.il4j.core.report.RunReport.write(out));
        return 0;
    }
}
