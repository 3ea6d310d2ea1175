package io.il4j.core.train;

import io.il4j.core.env.Env;

/**
 * Evaluation rollouts run during training at every {@code everyChecks}-th validation check:
 * {@code episodes} episodes seeded {@code seed, seed+1, ...}, each cut at {@code maxSteps}. A
 * goal-conditioned policy in a {@link io.il4j.core.env.GoalEnv} is given the env's desired goal.
 * Immutable, but the env it names is not thread-safe: one training run per instance at a time.
 */
public record EvalRollouts(Env env, int episodes, long seed, int maxSteps, int everyChecks) {
    public EvalRollouts {
        if (env == null) throw new IllegalArgumentException("evaluation env must not be null");
        if (episodes < 1) throw new IllegalArgumentException("evaluation episodes must be >= 1, got " + episodes);
        if (maxSteps < 1) throw new IllegalArgumentException("evaluation maxSteps must be >= 1, got " + maxSteps);
        if (everyChecks < 1) throw new IllegalArgumentException("everyChecks must be >= 1, got " + everyChecks);
    }

    /** Every check, episodes up to the env's own time limit. */
    public EvalRollouts(Env env, int episodes, long seed) {
        this(env, episodes, seed, env.spec().maxEpisodeSteps(), 1);
    }
}
