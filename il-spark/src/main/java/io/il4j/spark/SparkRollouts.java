package io.il4j.spark;

import io.il4j.core.cluster.EvaluationTask;
import io.il4j.core.cluster.PolicyBytes;
import io.il4j.core.env.EpisodeResult;
import io.il4j.core.env.Rollouts;
import io.il4j.core.metrics.EvaluationSummary;
import org.apache.spark.api.java.JavaSparkContext;

import java.util.List;

/**
 * Evaluation rollouts on Spark executors, from Java: {@link EvaluationTask}s (contiguous slices of the episodes, as many
 * as the context runs at once) on {@link SparkCluster}. Episode {@code i} is reset with seed {@code seed + i}, as in
 * {@link Rollouts#evaluate}, and rolled out by the same {@link Rollouts#runEpisode}; the policy file and the simulator's
 * name travel. The results come back in episode order, so the summary equals a local run's with the same seeds.
 * ({@code il eval --spark-master URL} runs the same tasks.)
 */
public final class SparkRollouts {

    private SparkRollouts() {
    }

    /** The episodes, in episode order (episode {@code i} seeded {@code seed + i}, cut at {@code maxSteps}). */
    public static List<EpisodeResult> evaluate(JavaSparkContext sc, PolicyBytes policy, Simulator simulator,
                                               int episodes, long seed, int maxSteps) {
        return EvaluationTask.evaluate(SparkCluster.on(sc), policy, simulator, episodes, seed, maxSteps);
    }

    /** {@link #evaluate} summarized. */
    public static EvaluationSummary summary(JavaSparkContext sc, PolicyBytes policy, Simulator simulator,
                                            int episodes, long seed, int maxSteps) {
        return EvaluationSummary.of(evaluate(sc, policy, simulator, episodes, seed, maxSteps));
    }
}
