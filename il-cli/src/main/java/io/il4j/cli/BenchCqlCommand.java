package io.il4j.cli;

import io.il4j.core.report.Json;
import io.il4j.envs.Envs;
import io.il4j.offline.bench.CqlBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code il bench cql}: CQL gradient steps per second next to a BC step, at the Driving observation and action sizes. */
@Command(name = "cql", mixinStandardHelpOptions = true,
        description = "Measures gradient steps per second of continuous CQL (twin 2x256 critics, 2x256 actor, batch 256, N = 10 sampled "
                + "actions of each of three kinds) and discrete CQL (2x256, batch 256), next to one BC step (2x256 Gaussian head, "
                + "batch 256), at the Driving environment's observation and action sizes, on one thread. benchmarks/cql-speed.sh runs it next "
                + "to the same step in single-threaded PyTorch (benchmarks/reference/cql_step_torch.py) and prints the ratio.")
final class BenchCqlCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "runs/bench-cql", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--windows", defaultValue = "5", description = "Timed windows per row; the median is reported (default: ${DEFAULT-VALUE}).")
    int windows;

    @Option(names = "--window-seconds", defaultValue = "3", description = "Minimum length of a timed window (default: ${DEFAULT-VALUE}).")
    double windowSeconds;

    @Option(names = "--discrete-actions", defaultValue = "5", description = "Actions of the discrete CQL row (default: ${DEFAULT-VALUE}).")
    int discreteActions;

    @Override
    public Integer call() throws Exception {
        if (windows < 1) throw new IllegalArgumentException("--windows must be >= 1, got " + windows);
        var spec = Envs.make("driving").spec();
        int obs = spec.observationDim(), act = spec.actionSpace().storageDim();
        System.out.printf("CQL vs BC gradient steps, Driving sizes (obs %d, actions %d), one thread:%n", obs, act);
        var rows = CqlBenchmark.run(obs, act, discreteActions, windows, windowSeconds, System.out);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("observation_dim", obs);
        results.put("action_dim", act);
        results.put("rows", rows);
        results.put("load_average", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Files.createDirectories(out);
        Json.write(out.resolve("results.json"), results);
        System.out.println("results: " + out.resolve("results.json"));
        return 0;
    }
}
