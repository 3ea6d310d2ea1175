package io.il4j.dagger.bench;

import io.il4j.core.env.Env;
import io.il4j.core.policy.ExpertOracle;
import io.il4j.core.policy.PolicyLearner;
import io.il4j.dagger.BetaSchedule;
import io.il4j.dagger.DartConfig;
import io.il4j.dagger.TakeoverRule;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * One environment of the BC-vs-DAgger comparison: how to make the environment and its expert, the
 * learner every method uses, the shared label budget and round structure, the variants' settings, and
 * how policies are evaluated. Immutable (the learner must be shareable between runs).
 *
 * @param name              short name used in file names and tables (e.g. {@code driving})
 * @param environment       makes a fresh environment (one per run, environments are not thread-safe)
 * @param expert            the queryable expert
 * @param learner           the policy learner every method trains with
 * @param rounds            rounds of every method (BC is run as β = 1 rounds, so it gets the same learning curve points)
 * @param rolloutsPerRound  rollouts per round
 * @param horizon           steps per training rollout
 * @param labelBudget       expert labels every method may use
 * @param beta              DAgger's β schedule
 * @param dartNoise         DART noise mode
 * @param dartNoiseStd      DART fixed (or first-round) noise std
 * @param dartNoiseScale    DART variance multiplier of the estimate
 * @param takeover          HG-DAgger's takeover rule
 * @param roundEvalEpisodes evaluation episodes per round (the return-vs-labels curve)
 * @param evalEpisodes      evaluation episodes of each final policy
 * @param evalHorizon       steps per evaluation episode
 * @param costHorizons      horizons of the compounding-error sweep (ascending)
 * @param costEpisodes      initial states of the compounding-error sweep
 * @param stateDims         observation dims of the state distance (null: all)
 * @param failureMetric     environment metric reported as the failure rate (e.g. {@code collision}), or null
 */
public record BenchmarkTask(String name, Supplier<Env> environment, ExpertOracle expert, PolicyLearner learner,
                            int rounds, int rolloutsPerRound, int horizon, long labelBudget, BetaSchedule beta,
                            DartConfig.NoiseMode dartNoise, double dartNoiseStd, double dartNoiseScale,
                            TakeoverRule takeover, int roundEvalEpisodes, int evalEpisodes, int evalHorizon,
                            int[] costHorizons, int costEpisodes, int[] stateDims, String failureMetric) {

    public BenchmarkTask {
        if (name == null || !name.matches("[a-z0-9-]+")) throw new IllegalArgumentException("task name must be [a-z0-9-]+, got " + name);
        if (environment == null || expert == null || learner == null || beta == null || dartNoise == null || takeover == null)
            throw new IllegalArgumentException("task " + name + ": environment, expert, learner, beta, dartNoise and takeover are required");
        if (labelBudget < 1) throw new IllegalArgumentException("task " + name + ": labelBudget must be >= 1, got " + labelBudget);
        if (evalEpisodes < 1 || costEpisodes < 1)
            throw new IllegalArgumentException("task " + name + ": evalEpisodes and costEpisodes must be >= 1");
        costHorizons = costHorizons.clone();
        stateDims = stateDims == null ? null : stateDims.clone();
    }

    /** The settings as plain values, for results.json. */
    public String describe() {
        return name + ": " + rounds + " rounds x " + rolloutsPerRound + " rollouts x " + horizon + " steps, budget "
                + labelBudget + " labels, beta " + beta + ", DART " + dartNoise + " std " + dartNoiseStd + " scale "
                + dartNoiseScale + ", HG " + takeover.kind() + " > " + takeover.threshold() + ", eval " + evalEpisodes
                + " x " + evalHorizon + " steps, cost horizons " + Arrays.toString(costHorizons) + " over " + costEpisodes
                + " initial states";
    }
}
