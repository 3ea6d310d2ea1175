package io.il4j.cli;

import io.il4j.core.cluster.Cluster;
import io.il4j.core.cluster.EvaluationTask;
import io.il4j.core.cluster.PolicyBytes;
import io.il4j.core.env.Env;
import io.il4j.core.env.EpisodeResult;
import io.il4j.core.metrics.EvaluationSummary;
import io.il4j.core.policy.Policies;
import io.il4j.core.policy.Policy;
import io.il4j.core.policy.SpecifiedPolicy;
import io.il4j.core.report.Progress;
import io.il4j.core.report.RunDirectory;
import io.il4j.core.report.RunReport;
import io.il4j.core.runtime.Il4j;
import io.il4j.core.space.ActionSpaces;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code il eval}: rolls a policy file out in an environment and prints return and task metrics with 95% CIs. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate a policy file in a reference environment.",
                "Prints return, length and the environment's metrics (e.g. collision, off_road, success)",
                "with mean, std and 95%% confidence interval.",
                "Episode i is reset with seed SEED+i, so two policies evaluated with the same seed face the same starts."})
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--policy", required = true, paramLabel = "FILE", description = "Policy file (from il train).")
    Path policyFile;

    @Mixin
    EnvSelectionMixin env;

    @Option(names = "--episodes", defaultValue = "50", description = "Episodes (default: ${DEFAULT-VALUE}).")
    int episodes;

    @Option(names = "--seed", defaultValue = "1000000", description = "Seed of the first episode (default: ${DEFAULT-VALUE}, "
            + "away from the seeds of the shipped demonstrations).")
    long seed;

    @Option(names = "--runs", defaultValue = "runs", description = "Where run directories go (default: ${DEFAULT-VALUE}).")
    Path runs;

    @Option(names = "--spark-master", paramLabel = "URL", description = "Roll the episodes out on Spark: local[*], local[N] or "
            + "spark://host:port, in contiguous slices, one per executor core; the same episodes and table as a local run. "
            + "The il launcher then adds il-spark and Spark to the classpath (default: none, every episode in this JVM).")
    String sparkMaster;

    @Option(names = "--name", defaultValue = "eval", description = "Run directory name (default: ${DEFAULT-VALUE}).")
    String name;

    @Override
    public Integer call() throws Exception {
        if (episodes < 1) throw new IllegalArgumentException("--episodes must be >= 1, got " + episodes);
        Il4j.configure();
        Policy loaded = Policies.load(policyFile);
        Env e = env.selection.make();
        if (loaded instanceof SpecifiedPolicy b && b.observationDim() != e.spec().observationDim())
            throw new IllegalArgumentException(policyFile + " was trained on " + b.observationDim() + "-number observations ("
                    + String.join(", ", b.spec().observationNames()) + "); " + env.selection.envId + " gives "
                    + e.spec().observationDim() + " (" + String.join(", ", e.spec().observationNames())
                    + "): evaluate it in the environment its data came from");
        if (loaded instanceof SpecifiedPolicy b)
            ActionSpaces.mismatch(b.spec().actionSpace(), e.spec().actionSpace()).ifPresent(why -> {
                throw new IllegalArgumentException(policyFile + " does not fit " + env.selection.envId + ": " + why
                        + "; evaluate it in the environment its data came from");
            });
        List<EpisodeResult> results;
        if (sparkMaster == null) {
            // one task's episodes over every episode, here, with the policy and environment checked above: the same
            // episodes a cluster runs in slices
            try (Progress progress = Progress.start("eval " + env.selection.envId, episodes)) {
                results = EvaluationTask.runEpisodes(e, EvaluationTask.policyFor(loaded, e), seed, 0, episodes, Integer.MAX_VALUE,
                        progress::step);
            }
        } else {
            RegisteredEnv source = new RegisteredEnv(env.selection.envId, env.selection.envOptions);
            try (Cluster cluster = Cluster.open(sparkMaster)) {
                results = EvaluationTask.evaluate(cluster, PolicyBytes.of(policyFile), source, episodes, seed, Integer.MAX_VALUE);
            }
        }
        EvaluationSummary summary = EvaluationSummary.of(results);
        System.out.println(summary.toTable().title(policyFile + " in " + env.selection.envId + ", " + episodes
                + " episodes from seed " + seed).render());
        RunDirectory run = RunDirectory.create(runs, name);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("policy", policyFile.toString());
        config.put("env", env.selection.envId);
        config.put("envOptions", env.selection.envOptions);
        config.put("episodes", episodes);
        config.put("seed", seed);
        run.writeConfig(config);
        run.writeResults(summary);
        System.out.println("results: " + run.file(RunDirectory.RESULTS) + "   report: " + RunReport.write(run.path()));
        return 0;
    }
}
