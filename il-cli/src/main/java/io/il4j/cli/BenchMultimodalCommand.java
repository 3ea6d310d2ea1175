package io.il4j.cli;

import io.il4j.cli.bench.MultimodalBenchmark;
import io.il4j.core.data.Dataset;
import io.il4j.core.io.DatasetFiles;
import io.il4j.core.report.RunDirectory;
import io.il4j.core.report.RunReport;
import io.il4j.core.runtime.Il4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code il bench multimodal}: MSE vs Gaussian vs MDN BC on the bimodal PointMass-Obstacle demonstrations. */
@Command(name = "multimodal", mixinStandardHelpOptions = true,
        description = {"MSE vs Gaussian vs mixture-density BC on a bimodal expert.",
                "Trains the three heads on the same PointMass-Obstacle demonstrations (the expert passes the wall",
                "left or right at random) and compares success and collision rates.",
                "Writes runs/bench-multimodal/{results.json, trajectories.png}."})
final class BenchMultimodalCommand implements Callable<Integer> {

    @Option(names = "--data", defaultValue = "datasets/pointmass-obstacle/expert.csv",
            description = "Demonstrations (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--steps", defaultValue = "2000", description = "Gradient steps per head (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--episodes", defaultValue = "100", description = "Evaluation episodes per head (default: ${DEFAULT-VALUE}).")
    int episodes;

    @Option(names = "--seed", defaultValue = "1000000", description = "Seed of the first evaluation episode (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--runs", defaultValue = "runs", description = "Where run directories go (default: ${DEFAULT-VALUE}).")
    Path runs;

    @Override
    public Integer call() throws Exception {
        Il4j.configure();
        Dataset demos = DatasetFiles.load(data).dataset();
        RunDirectory run = RunDirectory.create(runs, "bench-multimodal");
        MultimodalBenchmark.Result r = MultimodalBenchmark.run(demos, data.toString(), steps, episodes, seed,
                run.file("trajectories.png"), System.out);
        run.writeResults(r);
        System.out.println("results: " + run.file(RunDirectory.RESULTS) + "   plot: " + run.file("trajectories.png")
                + "   report: " + RunReport.write(run.path()));
        return 0;
    }
}
