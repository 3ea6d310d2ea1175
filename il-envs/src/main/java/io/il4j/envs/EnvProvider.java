package io.il4j.envs;

import io.il4j.core.env.Env;
import io.il4j.core.env.GoalConditionedPolicy;
import io.il4j.core.env.GoalEnv;
import io.il4j.core.policy.ExpertOracle;
import io.il4j.core.policy.Policy;

import java.util.List;

/**
 * What the {@link Envs} registry knows about one environment: how to build it from options, its
 * queryable expert oracle, the expert used to record demonstrations, and the setting of its
 * {@code medium} behaviour tier. Implementations are stateless and thread-safe.
 */
public interface EnvProvider {

    /** Short id used on the command line, e.g. {@code cartpole}. */
    String id();

    /** One line for {@code --help}: what the task is. */
    String description();

    /** Options accepted by {@link #make}; include {@link EnvOption#maxSteps}. */
    List<EnvOption> options();

    Env make(EnvOptions options);

    /**
     * The stateless expert, queryable in any state. For a {@link GoalEnv} its input is
     * {@code concat(observation, goal)}.
     */
    ExpertOracle expert(EnvOptions options);

    /**
     * The expert that records demonstrations in {@code env} (made by {@link #make}). By default the
     * oracle, fed the current goal for a {@link GoalEnv}; an environment whose demonstrations are meant
     * to differ from the oracle (e.g. a bimodal expert) overrides this. May be stateful, seeded by {@code seed}.
     */
    default Policy demonstrator(Env env, EnvOptions options, long seed) {
        ExpertOracle oracle = expert(options);
        return env instanceof GoalEnv goalEnv ? new GoalConditionedPolicy(oracle, goalEnv) : oracle;
    }

    /**
     * Per-step probability that the standard {@code medium} tier takes a uniformly random action instead
     * of the expert's, tuned so the medium return is roughly half-way between random and expert.
     */
    double mediumEpsilon();

    /**
     * The behaviour policy of {@code tier} for {@code env} (made by {@link #make} with {@code options}).
     * The default is {@link Behaviours#create}: the demonstrator, epsilon-random with
     * {@link #mediumEpsilon()}, uniform random, and the per-episode expert/random mixture. An environment
     * with its own tier policies (e.g. Gaussian action noise) overrides this.
     */
    default Policy behaviour(BehaviourTier tier, Env env, EnvOptions options, long seed) {
        return Behaviours.create(this, tier, env, options, seed);
    }
}
