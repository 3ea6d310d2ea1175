package io.il4j.cli;

import io.il4j.bc.bench.BcBenchmark;
import io.il4j.core.report.RunDirectory;
import io.il4j.core.report.RunReport;
import io.il4j.core.runtime.Il4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code il bench bc}: BC training throughput per head and batch-1 act() latency. */
@Command(name = "bc", mixinStandardHelpOptions = true,
        description = {"BC training throughput and act() latency.",
                "Training samples/s of a 2x256 MLP, batch 256, 17-dim observations, 6-dim actions, for the MSE,",
                "Gaussian and MDN heads, and batch-1 act() latency of a loaded policy (median, p99)."})
final class BenchBcCommand implements Callable<Integer> {

    @Option(names = "--windows", defaultValue = "5", description = "Timed windows per measurement (default: ${DEFAULT-VALUE}).")
    int windows;

    @Option(names = "--seconds", defaultValue = "2.0", description = "Seconds per window (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--runs", defaultValue = "runs", description = "Where run directories go (default: ${DEFAULT-VALUE}).")
    Path runs;

    @Override
    public Integer call() throws Exception {
        Il4j.configure();
        RunDirectory run = RunDirectory.create(runs, "bench-bc");
        BcBenchmark.Result result = BcBenchmark.run(System.out, windows, seconds);
        run.writeResults(result);
        System.out.println("results: " + run.file(RunDirectory.RESULTS) + "   report: " + RunReport.write(run.path()));
        return 0;
    }
}
