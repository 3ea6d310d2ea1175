package io.il4j.dagger;

import io.il4j.core.cluster.Cluster;
import io.il4j.core.cluster.ClusterTask;
import io.il4j.core.cluster.PolicyBytes;
import io.il4j.core.env.Env;
import io.il4j.core.policy.ExpertOracle;
import io.il4j.core.policy.Policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * DAgger's round rollouts as {@link Cluster} tasks: the round's learner travels as a BC policy file, each task builds the
 * simulator and its expert oracle once and runs {@link DaggerRound#rollOut} for a contiguous slice of the episodes (as
 * many slices as the cluster runs at once), and the labelled episodes come back to the driver, which aggregates them
 * ({@code new Dagger(config).rolloutsOn(this)}).
 *
 * <p>The round's coin is one stream, so episode {@code i}'s draws begin after the steps of the episodes before it,
 * which are not known in advance. The tasks start each episode where it would begin if the earlier ones ran the
 * whole horizon; when one ended earlier, the episodes after it are run again from the right place (a second wave,
 * and so on). With β = 0 or 1 (e.g. the default expert-first-round schedule) the draws decide nothing and one wave
 * is always enough. The result is exactly the local loop's (tested on Spark). Not thread-safe.
 */
public final class ClusterRoundRollouts implements RoundRollouts {
    private final Cluster cluster;
    private final SimulatorSource simulator;
    private long waves;

    public ClusterRoundRollouts(Cluster cluster, SimulatorSource simulator) {
        if (cluster == null || simulator == null) throw new IllegalArgumentException("a cluster and a simulator are required");
        this.cluster = cluster;
        this.simulator = simulator;
    }

    /** Waves run so far (one per round, more when early episode ends moved the coin). */
    public long waves() {
        return waves;
    }

    @Override
    public List<LabelledEpisode> rollOut(DaggerRound round, Policy learner) {
        PolicyBytes shipped = learner == null ? null : BcLearners.policyFile(learner, "dagger round " + round.round() + " learner");
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
    }

    private List<LabelledEpisode> run(DaggerRound round, PolicyBytes learner, List<Start> starts) {
        int slices = Math.max(1, Math.min(starts.size(), cluster.parallelism()));
        List<Slice> tasks = new ArrayList<>(slices);
        for (int s = 0, from = 0; s < slices; s++) {
            int count = starts.size() / slices + (s < starts.size() % slices ? 1 : 0);
            tasks.add(new Slice(round, learner, simulator, new ArrayList<>(starts.subList(from, from + count))));
            from += count;
        }
        List<LabelledEpisode> out = new ArrayList<>();
        for (List<LabelledEpisode> slice : cluster.<ArrayList<LabelledEpisode>>run(tasks)) out.addAll(slice);
        out.sort(Comparator.comparingInt(LabelledEpisode::episode));
        return out;
    }

    /** Where an episode starts: its index and the coin draw it begins at. */
    record Start(int episode, long coinOffset) implements java.io.Serializable {
    }

    /** Some episodes of a round, rolled out with one simulator, expert and learner instance (learner null: an expert round). */
    record Slice(DaggerRound round, PolicyBytes learner, SimulatorSource simulator, ArrayList<Start> starts)
            implements ClusterTask<ArrayList<LabelledEpisode>> {
        @Override
        public ArrayList<LabelledEpisode> run() {
            Env env = simulator.newEnv();
            ExpertOracle expert = simulator.newExpert();
            Policy policy = learner == null ? null : learner.load();
            DaggerRound.Labeller labeller = (obs, episode, step) -> {
                double[] a = expert.act(obs.clone());
                return a == null ? null : a.clone(); // checked on the driver
            };
            ArrayList<LabelledEpisode> done = new ArrayList<>();
            for (Start s : starts)
                done.add(round.rollOut(env, policy, labeller, round.coin(s.coinOffset()), s.episode(), s.coinOffset(), round.labelLimit()));
            return done;
        }
    }
}
