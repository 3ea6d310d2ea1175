package io.il4j.cli;

import io.il4j.cli.bench.ShardedTrainingBenchmark;
import io.il4j.core.report.RunDirectory;
import io.il4j.core.report.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code il bench shards}: BC on a sharded Driving dataset larger than the heap vs in-memory training. */
@Command(name = "shards", mixinStandardHelpOptions = true,
        description = {"BC training from a sharded dataset larger than memory vs in memory.",
                "Phases (run each in its own JVM, e.g. with IL_JAVA_OPTS=-Xmx2g, so peak RSS is the phase's own):",
                "generate records expert Driving episodes into a sharded dataset (reused when big enough);",
                "in-memory trains BC on its first shards loaded whole; streamed trains BC on every shard with the",
                "streaming sampler. Reports samples/s of the training loop, setup time and peak RSS.",
                "benchmarks/sharded-bc.sh runs all three."})
final class BenchShardsCommand implements Callable<Integer> {

    @Option(names = "--phase", required = true, paramLabel = "PHASE",
            description = "generate, in-memory or streamed.")
    String phase;

    @Option(names = "--dir", defaultValue = "runs/bench-shards-data", paramLabel = "DIR",
            description = "The sharded dataset directory (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--steps", defaultValue = "100000000", paramLabel = "N",
            description = "generate: dataset size in steps (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--shard-steps", defaultValue = "250000", paramLabel = "N",
            description = "generate: steps per shard (default: ${DEFAULT-VALUE}).")
    int shardSteps;

    @Option(names = "--threads", defaultValue = "2", paramLabel = "N",
            description = "generate: threads recording episodes (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--buffer-shards", defaultValue = "2", paramLabel = "N",
            description = "streamed: shards sampled from at a time (default: ${DEFAULT-VALUE}).")
    int bufferShards;

    @Option(names = "--train-steps", defaultValue = "5000", paramLabel = "N",
            description = "Gradient steps of each training phase (default: ${DEFAULT-VALUE}).")
    int trainSteps;

    @Option(names = "--in-memory-steps", defaultValue = "1000000", paramLabel = "N",
            description = "in-memory: steps loaded whole (the first shards holding at least this many) (default: ${DEFAULT-VALUE}).")
    long inMemorySteps;

    @Option(names = "--runs", defaultValue = "runs", paramLabel = "DIR", description = "Where run directories go (default: ${DEFAULT-VALUE}).")
    Path runs;

    @Override
    public Integer call() throws Exception {
        ShardedTrainingBenchmark.Phase p = switch (phase) {
            case "generate" -> ShardedTrainingBenchmark.Phase.GENERATE;
            case "in-memory" -> ShardedTrainingBenchmark.Phase.IN_MEMORY;
            case "streamed" -> ShardedTrainingBenchmark.Phase.STREAMED;
            default -> throw new IllegalArgumentException("--phase must be generate, in-memory or streamed, got '" + phase + "'");
        };
        var o = new ShardedTrainingBenchmark.Options(p, dir, steps, shardSteps, bufferShards, trainSteps, inMemorySteps, threads);
        RunDirectory run = RunDirectory.create(runs, "bench-shards-" + phase);
        run.writeConfig(o);
        ShardedTrainingBenchmark.Result r = ShardedTrainingBenchmark.run(o, System.out);
        run.writeResults(r);
        System.out.println("results: " + run.file(RunDirectory.RESULTS) + "   report: " + RunReport.write(run.path()));
        return 0;
    }
}
