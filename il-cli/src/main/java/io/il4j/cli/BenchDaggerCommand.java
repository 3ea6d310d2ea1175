package io.il4j.cli;

import io.il4j.core.cluster.Cluster;
import io.il4j.dagger.bench.BcVsDaggerBenchmark;
import io.il4j.dagger.bench.BcVsDaggerBenchmark.Options;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code il bench dagger}: BC, DAgger, DART and HG-DAgger at equal expert-label budgets over several seeds. */
@Command(name = "dagger", mixinStandardHelpOptions = true,
        description = {"BC vs DAgger (and DART, HG-DAgger) at equal expert-label budgets.",
                "Several seeds on Driving and Pendulum: return, crash/collision rate, cumulative cost at each",
                "horizon T, log-log slope, labels used.",
                "Writes results.json, a markdown table and PNG plots (cost vs T, return vs labels) to --out.",
                "About 12 minutes on 2 cores with the defaults (Driving 11, Pendulum 1.3).",
                "Ctrl-C keeps every completed round and prints the command that continues; run again, it says from",
                "which round each seed resumes."})
final class BenchDaggerCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = Options.DEFAULT_OUT, description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seeds", defaultValue = "" + Options.DEFAULT_SEEDS, description = "Seeds per method (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--first-seed", defaultValue = "0", description = "First seed; seeds are consecutive (default: ${DEFAULT-VALUE}).")
    long firstSeed;

    @Option(names = "--methods", defaultValue = Options.DEFAULT_METHODS,
            description = "Methods to run; the claims need bc and dagger (default: ${DEFAULT-VALUE}).")
    String methods;

    @Option(names = "--tasks", defaultValue = Options.DEFAULT_TASKS, description = "Tasks (default: ${DEFAULT-VALUE}).")
    String tasks;

    @Option(names = "--quick", description = "Small budgets: a smoke run, not the README's figures.")
    boolean quick;

    @Option(names = "--fresh", description = {"Delete the round data saved under --out first (by default an interrupted run",
            "resumes them; after a code change, old rounds would mix with new code)."})
    boolean fresh;

    @Option(names = "--spark-master", paramLabel = "URL", description = {"Run the (task, method, seed) cells on Spark: local[*], local[N]",
            "or spark://host:port; the tables and plots are the same as a local run's. The il launcher then adds il-spark",
            "and Spark to the classpath (default: none, every cell in this JVM)."})
    String sparkMaster;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Options options = new Options(out, seeds, firstSeed, BcVsDaggerBenchmark.methodList(methods),
                List.of(tasks.split(",")), quick, fresh);
        // every completed round is on disk, so running the same command again continues where Ctrl-C stopped it
        try (StopNotice notice = StopNotice.install(spec, "completed rounds are kept under " + out, List.of("--fresh"));
             Cluster cells = Cluster.open(sparkMaster)) {
            BcVsDaggerBenchmark.run(options, System.out, cells);
        }
        System.out.println("report: " + io.il4j.core.report.RunReport.write(out));
        return 0;
    }
}
