package io.il4j.spark;

import io.il4j.bc.BcPolicy;
import io.il4j.core.cluster.PolicyBytes;
import io.il4j.core.env.Env;
import io.il4j.core.policy.ExpertOracle;
import io.il4j.core.policy.Policy;
import io.il4j.core.runtime.Il4j;
import io.il4j.dagger.DaggerRound;
import io.il4j.dagger.LabelledEpisode;
import io.il4j.dagger.RoundRollouts;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * DAgger's round rollouts on Spark executors: the round's learner is broadcast as a policy file, each executor task
 * builds the simulator and its expert oracle once and runs {@link DaggerRound#rollOut} for its episodes, and the
 * labelled episodes come back to the driver, which aggregates them ({@code new Dagger(config).rolloutsOn(this)}).
 *
 * <p>The round's coin is one stream, so episode {@code i}'s draws begin after the steps of the episodes before it,
 * which are not known in advance. The executors start each episode where it would begin if the earlier ones ran the
 * whole horizon; when one ended earlier, the episodes after it are run again from the right place (a second wave,
 * and so on). With β = 0 or 1 (e.g. the default expert-first-round schedule) the draws decide nothing and one wave
 * is always enough. The result is exactly the local loop's (tested). Not thread-safe.
 */
public final class SparkRoundRollouts implements RoundRollouts {
    private final JavaSparkContext sc;
    private final Simulator simulator;
    private long waves;

    public SparkRoundRollouts(JavaSparkContext sc, Simulator simulator) {
        if (sc == null || simulator == null) throw new IllegalArgumentException("a Spark context and a simulator are required");
        this.sc = sc;
        this.simulator = simulator;
    }

    /** Spark jobs run so far (one per wave; more than one per round when early episode ends moved the coin). */
    public long waves() {
        return waves;
    }

    @Override
    public List<LabelledEpisode> rollOut(DaggerRound round, Policy learner) {
        Broadcast<Shipped> shipped = sc.broadcast(new Shipped(learner == null ? null : policyBytes(learner, round.round())));
        try {
            List<LabelledEpisode> done = new ArrayList<>();
            long offset = 0; // coin draws (= labels) used by the accepted episodes
            int next = 0;
            long perEpisode = Math.min(round.horizon(), round.labelLimit());
            while (next < round.episodes() && offset < round.labelLimit()) {
                List<Start> starts = new ArrayList<>();
                for (int i = next; i < round.episodes(); i++) starts.add(new Start(i, offset + (i - next) * perEpisode));
                List<LabelledEpisode> wave = run(round, shipped, starts);
                waves++;
                for (LabelledEpisode e : wave) {
                    if (round.coinMatters() && e.coinOffset() != offset) break; // started at the wrong draw: next wave
                    done.add(e);
                    offset += e.length();
                    next++;
                    if (offset >= round.labelLimit()) break;
                }
            }
            return done;
        } finally {
            shipped.destroy();
        }
    }

    private List<LabelledEpisode> run(DaggerRound round, Broadcast<Shipped> shipped, List<Start> starts) {
        Simulator sim = simulator;
        List<LabelledEpisode> out = new ArrayList<>(sc.parallelize(starts, Math.min(starts.size(), sc.defaultParallelism()))
                .mapPartitions((Iterator<Start> it) -> {
                    Il4j.configure();
                    Env env = sim.newEnv();
                    ExpertOracle expert = sim.newExpert();
                    PolicyBytes bytes = shipped.value().policy();
                    Policy learner = bytes == null ? null : bytes.load();
                    DaggerRound.Labeller labeller = (obs, episode, step) -> {
                        double[] a = expert.act(obs.clone());
                        return a == null ? null : a.clone(); // checked on the driver
                    };
                    List<LabelledEpisode> done = new ArrayList<>();
                    while (it.hasNext()) {
                        Start s = it.next();
                        done.add(round.rollOut(env, learner, labeller, round.coin(s.coinOffset()), s.episode(), s.coinOffset(),
                                round.labelLimit()));
                    }
                    return done.iterator();
                }).collect());
        out.sort(Comparator.comparingInt(LabelledEpisode::episode));
        return out;
    }

    private static PolicyBytes policyBytes(Policy learner, int round) {
        if (learner instanceof BcPolicy b) return BcPolicyBytes.of(b, "dagger round " + round + " learner");
        throw new IllegalArgumentException("Spark rollouts ship the round's learner as a BC policy file; the policy learner returned a "
                + learner.getClass().getName() + " (use a BC learner, e.g. BcLearners.behavioralCloning())");
    }

    /** Where an episode starts: its index and the coin draw it begins at. */
    record Start(int episode, long coinOffset) implements Serializable {
    }

    /** The broadcast learner (none in an expert round). */
    record Shipped(PolicyBytes policy) implements Serializable {
    }
}
