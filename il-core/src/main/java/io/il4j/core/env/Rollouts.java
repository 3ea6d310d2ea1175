package io.il4j.core.env;

import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.data.DatasetSpec;
import io.il4j.core.policy.Policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs policies in environments, optionally recording what happened into the dataset type used for
 * training, so rollouts, demonstrations and aggregated DAgger data are one kind of thing.
 */
public final class Rollouts {

    private Rollouts() {
    }

    /** Episodes plus the recorded dataset. */
    public record Result(Dataset dataset, List<EpisodeResult> episodes) {
    }

    /** The dataset spec matching an environment (with rewards; with the goal dims of a {@link GoalEnv}). */
    public static DatasetSpec datasetSpec(Env env) {
        EnvSpec s = env.spec();
        List<String> goals = env instanceof GoalEnv g ? g.goalNames() : List.of();
        return new DatasetSpec(s.observationNames(), s.actionSpace(), s.actionNames(), goals, true);
    }

    /**
     * Runs {@code episodes} episodes, episode {@code i} reset with seed {@code seed + i}, each cut at
     * {@code min(maxSteps, spec.maxEpisodeSteps)} steps (reported as truncated), and records them.
     */
    public static Result collect(Env env, Policy policy, int episodes, long seed, int maxSteps) {
        if (episodes < 1) throw new IllegalArgumentException("episodes must be >= 1, got " + episodes);
        DatasetBuilder builder = new DatasetBuilder(datasetSpec(env));
        List<EpisodeResult> results = new ArrayList<>(episodes);
        for (int i = 0; i < episodes; i++) results.add(runEpisode(env, policy, seed + i, maxSteps, builder));
        return new Result(builder.build(), results);
    }

    /** Runs episodes without recording (evaluation). */
    public static List<EpisodeResult> evaluate(Env env, Policy policy, int episodes, long seed, int maxSteps) {
        List<EpisodeResult> results = new ArrayList<>(episodes);
        for (int i = 0; i < episodes; i++) results.add(runEpisode(env, policy, seed + i, maxSteps, null));
        return results;
    }

    /**
     * Runs one episode. When {@code recorder} is non-null the episode is appended to it (its spec must
     * match {@link #datasetSpec(Env)}; for a {@link GoalEnv} the desired goal is recorded with every row).
     * The policy receives the raw observation; wrap goal-conditioned policies with
     * {@link GoalConditionedPolicy}.
     */
    public static EpisodeResult runEpisode(Env env, Policy policy, long seed, int maxSteps, DatasetBuilder recorder) {
        int limit = Math.min(maxSteps, env.spec().maxEpisodeSteps());
        if (limit < 1) throw new IllegalArgumentException("maxSteps must be >= 1, got " + maxSteps);
        GoalEnv goalEnv = recorder != null && recorder.spec().hasGoals() && env instanceof GoalEnv g ? g : null;
        double[] obs = env.reset(seed);
        policy.reset();
        if (recorder != null) recorder.beginEpisode();
        double total = 0;
        int t = 0;
        boolean terminated = false, truncated = false;
        try {
            while (true) {
                double[] action = policy.act(obs);
                double[] goal = goalEnv == null ? null : goalEnv.desiredGoal();
                StepResult r = env.step(action);
                if (recorder != null) recorder.addStep(obs, goal, action, r.reward());
                total += r.reward();
                t++;
                obs = r.observation();
                terminated = r.terminated();
                truncated = r.truncated() || (!terminated && t >= limit);
                if (terminated || truncated) break;
            }
        } catch (RuntimeException e) {
            if (recorder != null) recorder.abortEpisode();
            throw e;
        }
        if (recorder != null) recorder.endEpisode(obs, goalEnv == null ? null : goalEnv.desiredGoal(), terminated, truncated);
        return new EpisodeResult(seed, total, t, terminated, truncated, env.episodeMetrics());
    }
}
