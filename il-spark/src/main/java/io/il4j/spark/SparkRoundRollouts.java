package io.il4j.spark;

import io.il4j.core.policy.Policy;
import io.il4j.dagger.ClusterRoundRollouts;
import io.il4j.dagger.DaggerRound;
import io.il4j.dagger.LabelledEpisode;
import io.il4j.dagger.RoundRollouts;
import org.apache.spark.api.java.JavaSparkContext;

import java.util.List;

/**
 * DAgger's round rollouts on Spark executors, from Java: {@link ClusterRoundRollouts} on {@link SparkCluster}. Each
 * round's learner travels as a policy file; executors build the simulator and its expert oracle, roll out their slice
 * of the episodes and label the states; the driver aggregates them ({@code new Dagger(config).rolloutsOn(this)}), with
 * exactly the local loop's result. Not thread-safe.
 */
public final class SparkRoundRollouts implements RoundRollouts {
    private final ClusterRoundRollouts rollouts;

    public SparkRoundRollouts(JavaSparkContext sc, Simulator simulator) {
        if (sc == null || simulator == null) throw new IllegalArgumentException("a Spark context and a simulator are required");
        this.rollouts = new ClusterRoundRollouts(SparkCluster.on(sc), simulator);
    }

    /** Spark jobs run so far (one per wave; more than one per round when early episode ends moved the coin). */
    public long waves() {
        return rollouts.waves();
    }

    @Override
    public List<LabelledEpisode> rollOut(DaggerRound round, Policy learner) {
        return rollouts.rollOut(round, learner);
    }
}
