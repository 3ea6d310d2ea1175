package io.il4j.spark;

import io.il4j.core.env.Env;
import io.il4j.core.env.EpisodeResult;
import io.il4j.core.env.Rollouts;
import io.il4j.core.metrics.EvaluationSummary;
import io.il4j.core.policy.Policy;
import io.il4j.core.runtime.Il4j;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Evaluation rollouts on Spark executors. Episode {@code i} is reset with seed {@code seed + i}, as in
 * {@link Rollouts#evaluate}, and is rolled out by the same {@link Rollouts#runEpisode}; the policy file travels as a
 * broadcast, the simulator as its name. Each task builds one env and loads one policy instance for its slice of
 * episodes. The results come back in episode order, so the summary equals a local run's with the same seeds.
 */
public final class SparkRollouts {

    private SparkRollouts() {
    }

    /** The episodes, in episode order (episode {@code i} seeded {@code seed + i}, cut at {@code maxSteps}). */
    public static List<EpisodeResult> evaluate(JavaSparkContext sc, PolicyBytes policy, Simulator simulator,
                                               int episodes, long seed, int maxSteps) {
        if (episodes < 1) throw new IllegalArgumentException("episodes must be >= 1, got " + episodes);
        if (maxSteps < 1) throw new IllegalArgumentException("maxSteps must be >= 1, got " + maxSteps);
        Broadcast<PolicyBytes> shipped = sc.broadcast(policy);
        try {
            List<Integer> indices = IntStream.range(0, episodes).boxed().toList();
            int slices = Math.min(episodes, sc.defaultParallelism());
            List<IndexedEpisode> out = new ArrayList<>(sc.parallelize(indices, slices)
                    .mapPartitions((Iterator<Integer> it) -> {
                        Il4j.configure();
                        Env env = simulator.newEnv();
                        Policy p = shipped.value().load();
                        List<IndexedEpisode> done = new ArrayList<>();
                        while (it.hasNext()) {
                            int i = it.next();
                            done.add(new IndexedEpisode(i, Rollouts.runEpisode(env, p, seed + i, maxSteps, null)));
                        }
                        return done.iterator();
                    }).collect());
            out.sort(Comparator.comparingInt(IndexedEpisode::index));
            return out.stream().map(IndexedEpisode::result).toList();
        } finally {
            shipped.destroy();
        }
    }

    /** {@link #evaluate} summarized. */
    public static EvaluationSummary summary(JavaSparkContext sc, PolicyBytes policy, Simulator simulator,
                                            int episodes, long seed, int maxSteps) {
        return EvaluationSummary.of(evaluate(sc, policy, simulator, episodes, seed, maxSteps));
    }

    record IndexedEpisode(int index, EpisodeResult result) implements java.io.Serializable {
    }
}
