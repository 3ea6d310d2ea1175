package io.il4j.envs;

import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.env.Env;
import io.il4j.core.env.EpisodeResult;
import io.il4j.core.env.Rollouts;
import io.il4j.core.metrics.EvaluationSummary;
import io.il4j.core.policy.Policy;
import io.il4j.envs.internal.SplitMix64;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Records demonstration / behaviour datasets from a registered environment and tier (what
 * {@code il generate} runs). Episode {@code i} is reset with seed {@code seed + i}; the behaviour
 * policy's randomness is derived from {@code seed} too, so the same arguments give the identical
 * dataset ({@link io.il4j.core.data.Dataset#contentHash()}). Writing files is left to the IO layer.
 * Thread-safe (every call builds its own environment and policy).
 */
public final class DatasetGenerator {

    private DatasetGenerator() {
    }

    /** The recorded data and their summary (return, length and the environment's metrics over the episodes). */
    public record Generated(String envId, BehaviourTier tier, Rollouts.Result rollouts, EvaluationSummary summary) {
    }

    public static Generated generate(String envId, String tier, int episodes, long seed, Map<String, String> options) {
        return generate(envId, BehaviourTier.parse(tier), episodes, seed, options, done -> { });
    }

    /**
     * @param progress called with the number of finished episodes after each one (for a progress bar)
     */
    public static Generated generate(String envId, BehaviourTier tier, int episodes, long seed, Map<String, String> options,
                                     IntConsumer progress) {
        if (episodes < 1) throw new IllegalArgumentException("episodes must be >= 1, got " + episodes);
        EnvProvider provider = Envs.provider(envId);
        EnvOptions parsed = Envs.options(envId, options);
        Env env = provider.make(parsed);
        Policy policy = provider.behaviour(tier, env, parsed, SplitMix64.derive(seed, 0x5EED));
        DatasetBuilder builder = new DatasetBuilder(Rollouts.datasetSpec(env));
        List<EpisodeResult> results = new ArrayList<>(episodes);
        for (int i = 0; i < episodes; i++) {
            results.add(Rollouts.runEpisode(env, policy, seed + i, Integer.MAX_VALUE, builder));
            progress.accept(i + 1);
        }
        Rollouts.Result result = new Rollouts.Result(builder.build(), List.copyOf(results));
        return new Generated(provider.id(), tier, result, EvaluationSummary.of(results));
    }
}
