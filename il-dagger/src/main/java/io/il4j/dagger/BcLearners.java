package io.il4j.dagger;

import io.il4j.bc.BcConfig;
import io.il4j.bc.BcTrainer;
import io.il4j.bc.HeadType;
import io.il4j.core.policy.PolicyLearner;

/**
 * The learner DAgger and its variants use unless given another: behavioural cloning (il-bc) with a
 * deterministic MSE head for continuous actions and a categorical head for discrete ones, on a
 * 2 x 128 ReLU MLP trained for 30 epochs without a validation split (the aggregated data are small and
 * every label counts). These settings were the ones the BC-vs-DAgger benchmark measured (README).
 * Stateless and thread-safe.
 */
public final class BcLearners {
    private BcLearners() {
    }

    /** The default BC settings for a head. */
    public static BcConfig defaultConfig(HeadType head) {
        return BcConfig.builder().head(head).hiddenSizes(128, 128).epochs(30).validationFraction(0).patience(0).build();
    }

    /** BC with {@link #defaultConfig}, the head chosen from each dataset's action space. */
    public static PolicyLearner behavioralCloning() {
        BcTrainer continuous = new BcTrainer(defaultConfig(HeadType.MSE));
        BcTrainer discrete = new BcTrainer(defaultConfig(HeadType.CATEGORICAL));
        return (data, seed, warmStart) -> (data.spec().actionSpace().isDiscrete() ? discrete : continuous)
                .fit(data, seed, warmStart);
    }

    /** BC with the given settings (their head must fit the environment's action space). */
    public static PolicyLearner behavioralCloning(BcConfig config) {
        return new BcTrainer(config);
    }
}
