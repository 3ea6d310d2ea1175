package io.il4j.envs;

import io.il4j.core.env.Env;
import io.il4j.core.policy.Policy;
import io.il4j.core.space.ActionSpace;
import io.il4j.envs.internal.EpisodeMixturePolicy;
import io.il4j.envs.internal.EpsilonRandomPolicy;
import io.il4j.envs.internal.RandomPolicy;
import io.il4j.envs.internal.SplitMix64;

/**
 * Behaviour policies for the dataset tiers ({@link BehaviourTier}). Every policy that uses randomness
 * takes a seed and is deterministic given it and the sequence of episodes it is run for (its stream
 * continues across episodes). The returned policies are not thread-safe; this class is.
 */
public final class Behaviours {

    /** Share of {@code mixed} episodes that come from the expert (the rest are random). */
    public static final double MIXED_EXPERT_FRACTION = 0.5;

    private Behaviours() {
    }

    /**
     * The standard tier policy for {@code env}, which must have been made by {@code provider} with
     * {@code options} (goal-conditioned experts read the goal from it); the default of
     * {@link EnvProvider#behaviour}.
     */
    public static Policy create(EnvProvider provider, BehaviourTier tier, Env env, EnvOptions options, long seed) {
        ActionSpace space = env.spec().actionSpace();
        // Independent streams for the expert, the random actions and the choices between them.
        long expertSeed = SplitMix64.derive(seed, 1), randomSeed = SplitMix64.derive(seed, 2), choiceSeed = SplitMix64.derive(seed, 3);
        return switch (tier) {
            case EXPERT -> provider.demonstrator(env, options, expertSeed);
            case RANDOM -> new RandomPolicy(space, randomSeed);
            case MEDIUM -> new EpsilonRandomPolicy(provider.demonstrator(env, options, expertSeed), space,
                    provider.mediumEpsilon(), choiceSeed);
            case MIXED -> new EpisodeMixturePolicy(provider.demonstrator(env, options, expertSeed),
                    new RandomPolicy(space, randomSeed), MIXED_EXPERT_FRACTION, choiceSeed);
        };
    }

    /** Uniformly random actions (a Box needs finite bounds). */
    public static Policy random(ActionSpace space, long seed) {
        return new RandomPolicy(space, seed);
    }

    /** Each step a uniformly random action with probability {@code epsilon}, else {@code expert}'s. */
    public static Policy epsilonRandom(Policy expert, ActionSpace space, double epsilon, long seed) {
        return new EpsilonRandomPolicy(expert, space, epsilon, seed);
    }

    /** Whole episodes from {@code expert} with probability {@code expertFraction}, else from {@code other}. */
    public static Policy episodeMixture(Policy expert, Policy other, double expertFraction, long seed) {
        return new EpisodeMixturePolicy(expert, other, expertFraction, seed);
    }
}
