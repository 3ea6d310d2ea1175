package io.il4j.cli;

import io.il4j.core.report.RunDirectory;
import io.il4j.core.report.RunReport;
import io.il4j.envs.bench.EnvBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code il bench envs}: single-env and vector-env steps per second of every registered environment. */
@Command(name = "envs", mixinStandardHelpOptions = true,
        description = {"Simulation speed: steps per second of each environment.",
                "Single env and vector env, single-threaded, per second of the benchmark thread's CPU time and of",
                "wall-clock time (medians over repeats)."})
final class BenchEnvsCommand implements Callable<Integer> {

    @Option(names = "--envs", split = ",", paramLabel = "ID", description = "Environments to measure (default: all).")
    List<String> envIds = List.of();

    @Option(names = "--seconds", defaultValue = "1.0", description = "Measured seconds per repeat (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--repeats", defaultValue = "5", description = "Repeats per measurement (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--vector-size", defaultValue = "16", description = "Copies in the vector env (default: ${DEFAULT-VALUE}).")
    int vectorSize;

    @Option(names = "--runs", defaultValue = "runs", description = "Where run directories go (default: ${DEFAULT-VALUE}).")
    Path runs;

    @Override
    public Integer call() throws Exception {
        RunDirectory run = RunDirectory.create(runs, "bench-envs");
        EnvBenchmark.Result result = EnvBenchmark.run(System.out,
                new EnvBenchmark.Settings(Math.min(1.0, seconds), seconds, repeats, vectorSize, envIds));
        run.writeResults(result);
        System.out.println("results: " + run.file(RunDirectory.RESULTS) + "   report: " + RunReport.write(run.path()));
        return 0;
    }
}
