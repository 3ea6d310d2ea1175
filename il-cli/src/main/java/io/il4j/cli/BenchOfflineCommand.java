package io.il4j.cli;

import io.il4j.cli.bench.OfflineVsIlBenchmark;
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

    @Option(names = "--tasks", split = ",", defaultValue = "pendulum,driving,cartpole", description = "Tasks (default: ${DEFAULT-VALUE}).")
    List<String> tasks;

    @Option(names = "--top-fraction", defaultValue = "0.2", description = "Filtered BC: fraction of episodes kept by return (default: ${DEFAULT-VALUE}).")
    double topFraction;

    @Option(names = "--step-scale", defaultValue = "1", description = "Multiply the CQL step budgets (4,000 continuous, 3,000 discrete) by this (default: ${DEFAULT-VALUE}).")
    double stepScale;

    @Override
    public Integer call() throws Exception {
        Il4j.configure();
        var all = OfflineVsIlBenchmark.defaultTasks(stepScale);
        var chosen = all.stream().filter(t -> tasks.contains(t.task())).toList();
        if (chosen.size() != tasks.size()) throw new IllegalArgumentException("--tasks: expected some of pendulum, driving, cartpole; got " + tasks);
        if (seeds < 1) throw new IllegalArgumentException("--seeds must be >= 1, got " + seeds);
        var options = new OfflineVsIlBenchmark.Options(chosen, methods, firstSeed, seeds, topFraction, out, System.out);
        if (merge != null) OfflineVsIlBenchmark.merge(options, merge);
        else OfflineVsIlBenchmark.run(options);
        System.out.println("wrote " + out.resolve("summary.md") + ", results.json, runs.csv, normalized-score.png");
        return 0;
    }
}
