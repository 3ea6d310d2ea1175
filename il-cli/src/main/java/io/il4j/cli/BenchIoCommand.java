package io.il4j.cli;

import io.il4j.core.io.bench.IoBenchmark;
import io.il4j.core.report.RunDirectory;
import io.il4j.core.report.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code il bench io}: CSV parse and NPZ load throughput, and memory held per raw float32 byte. */
@Command(name = "io", mixinStandardHelpOptions = true,
        description = {"Dataset I/O speed: CSV parsing, NPZ writing and loading.",
                "Generates a demonstration CSV (default 1,000,000 steps, 17 obs dims, 6 action dims), then measures",
                "CSV parse MB/s, NPZ write/load MB/s (stored and deflated) and bytes held per raw float32 byte after load."})
final class BenchIoCommand implements Callable<Integer> {

    @Option(names = "--steps", defaultValue = "" + IoBenchmark.DEFAULT_STEPS, description = "Steps to generate (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--obs-dim", defaultValue = "" + IoBenchmark.DEFAULT_OBS_DIM, description = "Observation dims (default: ${DEFAULT-VALUE}).")
    int obsDim;

    @Option(names = "--act-dim", defaultValue = "" + IoBenchmark.DEFAULT_ACT_DIM, description = "Action dims (default: ${DEFAULT-VALUE}).")
    int actDim;

    @Option(names = "--runs", defaultValue = "runs", description = "Where run directories go (default: ${DEFAULT-VALUE}).")
    Path runs;

    @Override
    public Integer call() throws Exception {
        RunDirectory run = RunDirectory.create(runs, "bench-io");
        IoBenchmark.Result result = IoBenchmark.run(run.path().resolve("work"), steps, obsDim, actDim, System.out);
        run.writeResults(result);
        System.out.println("results: " + run.file(RunDirectory.RESULTS) + "   report: " + RunReport.write(run.path()));
        return 0;
    }
}
