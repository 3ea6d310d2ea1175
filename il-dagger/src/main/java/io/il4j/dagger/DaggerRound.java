package io.il4j.dagger;

import io.il4j.core.env.Env;
import io.il4j.core.env.StepResult;
import io.il4j.core.policy.Policy;
import io.il4j.dagger.internal.Seeds;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.SplittableRandom;

/**
 * What one DAgger round rolls out, and the one rollout loop that does it ({@link #rollOut}), whether the episodes
 * run one after another on the calling thread or on other machines ({@link RoundRollouts}).
 *
 * <p>Episode {@code i} resets the env with {@link #episodeSeed(int)}; at every step a coin, one stream for the
 * whole round, executes the expert's label with probability β and the learner's action otherwise. Because the
 * coin stream is shared, an episode's draws begin where the earlier episodes' ended ({@link #coin(long)}); when β
 * is 0 or 1, or there is no learner, the draws decide nothing ({@link #coinMatters()}). Immutable; serializable.
 *
 * @param round      round number (1-based)
 * @param seed       the run's master seed
 * @param beta       probability that the expert's action is executed
 * @param hasLearner whether a learner policy acts (false: the expert drives the round)
 * @param episodes   rollouts in the round
 * @param horizon    steps after which an episode is cut
 * @param labelLimit labels left in the budget when the round starts ({@link Long#MAX_VALUE}: no budget)
 */
public record DaggerRound(int round, long seed, double beta, boolean hasLearner, int episodes, int horizon, long labelLimit)
        implements Serializable {

    /** Asks the expert for the label of a state (the local loop counts it against the budget as it asks). */
    @FunctionalInterface
    public interface Labeller {
        double[] label(double[] observation, int episode, int step);
    }

    /** The seed {@code Env.reset} gets for episode {@code episode}. */
    public long episodeSeed(int episode) {
        return Seeds.episodeSeed(seed, round, episode);
    }

    /** The round's coin stream, advanced past the first {@code offset} draws. */
    public SplittableRandom coin(long offset) {
        SplittableRandom coin = Seeds.random(seed, round, Seeds.COIN);
        for (long i = 0; i < offset; i++) coin.nextDouble();
        return coin;
    }

    /** Whether the coin draws change what is executed (0 < β < 1 with a learner). */
    public boolean coinMatters() {
        return hasLearner && beta > 0 && beta < 1;
    }

    /**
     * Rolls out episode {@code episode}: reset with its seed, the mixture of expert and learner executed up to the
     * horizon, at most {@code labelLimit} labels, drawing from {@code coin} (positioned at {@code coinOffset}).
     *
     * @param learner the learner (null: the expert acts at every step); reset here
     */
    public LabelledEpisode rollOut(Env env, Policy learner, Labeller labeller, SplittableRandom coin, int episode,
                                   long coinOffset, long labelLimit) {
        if (hasLearner != (learner != null))
            throw new IllegalArgumentException("round " + round + (hasLearner ? " needs a learner" : " has no learner") + " but was given "
                    + (learner == null ? "none" : "one"));
        double[] obs = env.reset(episodeSeed(episode));
        if (learner != null) learner.reset();
        var states = new ArrayList<double[]>();
        var labels = new ArrayList<double[]>();
        var learnerActions = new ArrayList<double[]>();
        var expertActed = new ArrayList<Boolean>();
        boolean terminated;
        for (int t = 0; ; t++) {
            double[] expertAction = labeller.label(obs, episode, t);
            double[] learnerAction = learner == null ? null : learner.act(obs).clone();
            boolean expertActs = coin.nextDouble() < beta;
            states.add(obs.clone());
            labels.add(expertAction);
            learnerActions.add(learnerAction);
            expertActed.add(expertActs);
            StepResult r = env.step(expertActs ? expertAction : learnerAction);
            obs = r.observation();
            boolean cut = t + 1 >= horizon || t + 1 >= labelLimit;
            if (r.done() || cut) {
                terminated = r.terminated();
                break;
            }
        }
        states.add(obs.clone());
        boolean[] acted = new boolean[expertActed.size()];
        for (int t = 0; t < acted.length; t++) acted[t] = expertActed.get(t);
        return new LabelledEpisode(episode, coinOffset, states.toArray(double[][]::new), labels.toArray(double[][]::new),
                learnerActions.toArray(double[][]::new), acted, terminated);
    }
}
