package io.il4j.cli;

import io.il4j.core.runtime.Il4j;
import io.il4j.dagger.bench.Quickstart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code il quickstart}: the README's main job — BC vs DAgger on the shipped driving demonstrations. */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = {"BC vs DAgger on the shipped driving demonstrations (the main job).",
                "BC and DAgger trained on the shipped plain driving demonstrations (no executed-action noise) at equal expert-label budgets,",
                "evaluated on the same seeds: return, crash rate, cumulative cost vs horizon T and its log-log slope.",
                "Writes a table, results.json, cost_vs_horizon.png and return_vs_labels.png to --out."})
final class QuickstartCommand implements Callable<Integer> {

    @Option(names = "--data", defaultValue = Quickstart.Options.DEFAULT_DATA, description = "Expert demonstrations (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--out", defaultValue = Quickstart.Options.DEFAULT_OUT, description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--labels", defaultValue = "" + Quickstart.Options.DEFAULT_LABELS, description = "Expert-label budget of each method (default: ${DEFAULT-VALUE}).")
    int labels;

    @Option(names = "--seed", defaultValue = "" + Quickstart.Options.DEFAULT_SEED, description = "Seed of training and rollouts (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        Il4j.configure();
        Quickstart.run(new Quickstart.Options(data, out, labels, seed), System.out);
        return 0;
    }
}
