package io.il4j.bc;

import io.il4j.core.data.DatasetSpec;
import io.il4j.core.data.Normalizer;
import io.il4j.core.nn.Activation;
import io.il4j.core.nn.DenseWeights;
import io.il4j.core.nn.MlpWeights;
import io.il4j.core.rl.TanhGaussian;
import io.il4j.core.space.Box;
import io.il4j.core.space.Discrete;

import java.util.ArrayList;
import java.util.List;

/**
 * Policy files for networks trained outside BC (offline RL, IQ-Learn): the same {@link BcPolicy} format,
 * so {@code Policies.load}, {@code il eval} and DAgger read them unchanged, at the same plain-Java speed.
 * The {@link BcConfig} stored with them records the head and network shape; its training fields keep
 * their defaults (the learner's own config goes into the run directory and the provenance).
 */
public final class ActorPolicies {
    private ActorPolicies() {
    }

    /**
     * A SAC-style actor over a finite box: {@code weights} map normalized observations to
     * {@code [mean, raw log-std]}; the policy acts with {@code tanh(mean)}, mapped from {@code [-1, 1]} to
     * the box ({@link BcNormalizers#unitBox}).
     */
    public static BcPolicy squashedGaussian(MlpWeights weights, TanhGaussian distribution, DatasetSpec spec, Normalizer observation,
                                            long seed) {
        if (!(spec.actionSpace() instanceof Box box))
            throw new IllegalArgumentException("a squashed Gaussian actor needs a Box action space, got " + spec.actionSpace());
        BcConfig c = base(weights, HeadType.TANH_GAUSSIAN, seed).logStdMin(distribution.logStdMin()).logStdMax(distribution.logStdMax()).build();
        return new BcPolicy(weights, c, spec, new BcNormalizers(observation, null, BcNormalizers.unitBox(box)));
    }

    /**
     * A greedy policy over discrete actions: {@code weights} map normalized observations to one Q-value per
     * action, read as the logits of a categorical head (argmax = greedy).
     */
    public static BcPolicy greedy(MlpWeights weights, DatasetSpec spec, Normalizer observation, long seed) {
        if (!(spec.actionSpace() instanceof Discrete))
            throw new IllegalArgumentException("a greedy Q policy needs a discrete action space, got " + spec.actionSpace());
        return new BcPolicy(weights, base(weights, HeadType.CATEGORICAL, seed).build(), spec, new BcNormalizers(observation, null, null));
    }

    private static BcConfig.Builder base(MlpWeights weights, HeadType head, long seed) {
        List<Integer> hidden = new ArrayList<>();
        List<DenseWeights> layers = weights.layers();
        for (int l = 0; l < layers.size() - 1; l++) hidden.add(layers.get(l).out());
        Activation act = layers.size() > 1 ? layers.get(0).activation() : Activation.RELU;
        return BcConfig.builder().head(head).hiddenSizes(hidden).activation(act).seed(seed);
    }
}
