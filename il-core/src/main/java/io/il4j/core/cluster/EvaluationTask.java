package io.il4j.core.cluster;

import io.il4j.core.env.Env;
import io.il4j.core.env.EpisodeResult;
import io.il4j.core.env.GoalConditionedPolicy;
import io.il4j.core.env.GoalEnv;
import io.il4j.core.env.Rollouts;
import io.il4j.core.policy.Policy;
import io.il4j.core.policy.SpecifiedPolicy;

import java.util.ArrayList;
import java.util.List;

/**
 * Evaluation episodes {@code first .. first+count-1} of a policy file in an environment: episode {@code i} is reset with
 * seed {@code seed + i} and rolled out by {@link Rollouts#runEpisode}, cut at {@code maxSteps}. A local evaluation is one
 * such task over all episodes; a cluster runs contiguous slices of them ({@link #evaluate}) and the episodes, in order,
 * are the same. Each task builds one environment and loads one policy instance.
 */
public record EvaluationTask(PolicyBytes policy, EnvSource env, long seed, int first, int count, int maxSteps)
        implements ClusterTask<ArrayList<EpisodeResult>> {

    public EvaluationTask {
        if (policy == null || env == null) throw new IllegalArgumentException("a policy and an environment are required");
        if (first < 0 || count < 1) throw new IllegalArgumentException("episodes " + first + " + " + count + ": expected first >= 0, count >= 1");
        if (maxSteps < 1) throw new IllegalArgumentException("maxSteps must be >= 1, got " + maxSteps);
    }

    @Override
    public ArrayList<EpisodeResult> run() {
        return run(() -> {
        });
    }

    /** As {@link #run()}, calling {@code afterEpisode} after each episode (a progress bar). */
    public ArrayList<EpisodeResult> run(Runnable afterEpisode) {
        Env e = env.newEnv();
        return runEpisodes(e, policyFor(policy.load(), e), seed, first, count, maxSteps, afterEpisode);
    }

    /**
     * The episodes of a task, in an environment and with a policy already built (what {@link #run} does after
     * building them from the task's fields; a local caller that has them need not load them again).
     */
    public static ArrayList<EpisodeResult> runEpisodes(Env env, Policy policy, long seed, int first, int count, int maxSteps,
                                                       Runnable afterEpisode) {
        ArrayList<EpisodeResult> out = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            out.add(Rollouts.runEpisode(env, policy, seed + i, maxSteps, null));
            afterEpisode.run();
        }
        return out;
    }

    /**
     * The policy as it acts in {@code env}: only a goal-conditioned policy gets the episode's goal appended; a goal-blind
     * one (plain BC) in a {@link GoalEnv} acts on the observation alone, which is how its success rate becomes a baseline.
     */
    public static Policy policyFor(Policy loaded, Env env) {
        return env instanceof GoalEnv g && loaded instanceof SpecifiedPolicy b && b.goalDim() > 0
                ? new GoalConditionedPolicy(loaded, g) : loaded;
    }

    /** Episodes {@code 0 .. episodes-1} split into as many contiguous slices as {@code cluster} runs at once, run there, in order. */
    public static List<EpisodeResult> evaluate(Cluster cluster, PolicyBytes policy, EnvSource env, int episodes, long seed, int maxSteps) {
        if (episodes < 1) throw new IllegalArgumentException("episodes must be >= 1, got " + episodes);
        int slices = Math.max(1, Math.min(episodes, cluster.parallelism()));
        List<EvaluationTask> tasks = new ArrayList<>(slices);
        for (int s = 0, first = 0; s < slices; s++) {
            int count = episodes / slices + (s < episodes % slices ? 1 : 0);
            tasks.add(new EvaluationTask(policy, env, seed, first, count, maxSteps));
            first += count;
        }
        List<EpisodeResult> out = new ArrayList<>(episodes);
        for (List<EpisodeResult> slice : cluster.<ArrayList<EpisodeResult>>run(tasks)) out.addAll(slice);
        return out;
    }
}
