package io.il4j.irl.eval;

import io.il4j.core.data.Dataset;
import io.il4j.core.data.Transitions;
import io.il4j.irl.iq.RewardFunction;

/**
 * How well a recovered reward matches the true one on the transitions of a dataset that records rewards:
 * Pearson and Spearman correlation per transition, and the mean return per episode under both rewards
 * (an expert's episodes should score above a weaker tier's under the recovered reward too).
 *
 * @param transitions          transitions scored (those with a next observation)
 * @param pearson              Pearson correlation of recovered vs true reward per transition (NaN when either is constant)
 * @param spearman             Spearman rank correlation
 * @param meanRecoveredReturn  mean over episodes of the summed recovered reward
 * @param meanTrueReturn       mean over episodes of the summed true reward (same transitions)
 * @param horizon              the episode length {@code H} of the environment (its time limit)
 * @param meanRecoveredReturnToHorizon mean over episodes of the recovered return in the MDP the reward was learned in: an
 *                             episode that terminates after {@code T < H} steps continues in the absorbing state, which
 *                             earns the reward's {@link RewardFunction#absorbingReward} for each of the {@code H - T}
 *                             remaining steps (equal to {@code meanRecoveredReturn} for a reward whose absorbing reward is 0)
 */
public record RewardEvaluation(int transitions, double pearson, double spearman, double meanRecoveredReturn, double meanTrueReturn,
                               int horizon, double meanRecoveredReturnToHorizon) {

    /** The recovered reward of every transition of {@code data} (index = transition index of {@link Dataset#transitions()}). */
    public static double[] recoveredRewards(RewardFunction reward, Dataset data) {
        if (data.observationDim() != reward.observationDim())
            throw new IllegalArgumentException("the data have " + data.observationDim() + " observation dims; the reward expects "
                    + reward.observationDim());
        Transitions tr = data.transitions();
        double[] r = new double[tr.size()];
        for (int i = 0; i < r.length; i++)
            r[i] = reward.reward(data.observationAsDouble(tr.observationRow(i)), data.actionAsDouble(tr.step(i)),
                    data.observationAsDouble(tr.nextObservationRow(i)), tr.done(i));
        return r;
    }

    /** Scores {@code reward} on {@code data}, which must record true rewards, for episodes of at most {@code horizon} steps. */
    public static RewardEvaluation of(RewardFunction reward, Dataset data, int horizon) {
        if (horizon < 1) throw new IllegalArgumentException("the horizon must be at least 1 step, got " + horizon);
        if (!data.spec().hasRewards()) throw new IllegalArgumentException("the data record no rewards to compare with");
        Transitions tr = data.transitions();
        if (tr.size() < 2) throw new IllegalArgumentException("the data have " + tr.size() + " transitions; a correlation needs at least 2");
        double[] rec = recoveredRewards(reward, data), truth = new double[tr.size()];
        double[] recByEpisode = new double[data.numEpisodes()], trueByEpisode = new double[data.numEpisodes()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = tr.reward(i);
            int e = data.episodeOfStep(tr.step(i));
            recByEpisode[e] += rec[i];
            trueByEpisode[e] += truth[i];
        }
        double mr = 0, mt = 0, mh = 0;
        int episodes = recByEpisode.length;
        for (int e = 0; e < episodes; e++) {
            mr += recByEpisode[e] / episodes;
            mt += trueByEpisode[e] / episodes;
            int length = data.episodeLength(e);
            if (length > horizon)
                throw new IllegalArgumentException("episode " + e + " has " + length + " steps, more than the horizon of " + horizon);
            boolean terminated = length > 0 && data.isTerminal(data.episodeFirstStep(e) + length - 1);
            mh += (recByEpisode[e] + (terminated ? (horizon - length) * reward.absorbingReward() : 0)) / episodes;
        }
        return new RewardEvaluation(tr.size(), Correlation.pearson(rec, truth), Correlation.spearman(rec, truth), mr, mt, horizon, mh);
    }
}
