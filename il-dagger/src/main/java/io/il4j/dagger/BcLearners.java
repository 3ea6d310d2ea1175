package io.il4j.dagger;

import io.il4j.bc.BcConfig;
import io.il4j.bc.BcPolicy;
import io.il4j.bc.BcTrainer;
import io.il4j.bc.HeadType;
import io.il4j.bc.internal.BcPolicyFile;
import io.il4j.core.cluster.PolicyBytes;
import io.il4j.core.data.Dataset;
import io.il4j.core.policy.Policy;
import io.il4j.core.policy.PolicyLearner;
import io.il4j.core.train.Provenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The learner DAgger and its variants use unless given another: behavioural cloning (il-bc) with a
 * deterministic MSE head for continuous actions and a categorical head for discrete ones, on a
 * 2 x 128 ReLU MLP, Adam 1e-3, batch 256, no validation split (the aggregated data are small and every
 * label counts), trained for 30 epochs but never fewer than {@value #MIN_STEPS} gradient steps: DAgger's
 * first rounds hold only a few hundred labels, and 30 epochs of those are a few dozen steps, which left
 * the Driving policies' steering visibly under-fitted. Stateless and thread-safe.
 */
public final class BcLearners {
    /** Fewest gradient steps per fit. */
    public static final int MIN_STEPS = 1_000;
    static final int EPOCHS = 30;

    private BcLearners() {
    }

    /** The default BC settings for a head (30 epochs; {@link #behavioralCloning()} also applies the step floor). */
    public static BcConfig defaultConfig(HeadType head) {
        return BcConfig.builder().head(head).hiddenSizes(128, 128).epochs(EPOCHS).validationFraction(0).patience(0).build();
    }

    /** BC with {@link #defaultConfig}, the head chosen from each dataset's action space, at least {@value #MIN_STEPS} steps. */
    public static PolicyLearner behavioralCloning() {
        BcConfig continuous = defaultConfig(HeadType.MSE), discrete = defaultConfig(HeadType.CATEGORICAL);
        return (data, seed, warmStart) -> {
            BcConfig c = data.spec().actionSpace().isDiscrete() ? discrete : continuous;
            return new BcTrainer(c.toBuilder().maxSteps(steps(data, c)).build()).fit(data, seed, warmStart);
        };
    }

    /** Gradient steps for {@code data}: the configured epochs, at least {@value #MIN_STEPS}. */
    static int steps(Dataset data, BcConfig c) {
        long perEpoch = (data.numSteps() + c.batchSize() - 1) / c.batchSize();
        return (int) Math.max(MIN_STEPS, Math.min(Integer.MAX_VALUE, perEpoch * c.epochs()));
    }

    /** BC with the given settings (their head must fit the environment's action space). */
    public static PolicyLearner behavioralCloning(BcConfig config) {
        return new BcTrainer(config);
    }

    /**
     * A learner these give (a BC policy) as the bytes of its policy file, which is how a DAgger round's learner travels to
     * the tasks of a cluster ({@link ClusterRoundRollouts}). Its weights are stored as the float32 they are, so the loaded
     * copy acts exactly as the original. Another kind of policy is refused.
     */
    public static PolicyBytes policyFile(Policy learner, String purpose) {
        if (!(learner instanceof BcPolicy b))
            throw new IllegalArgumentException("rollouts on a cluster ship the round's learner as a BC policy file; the policy learner returned a "
                    + learner.getClass().getName() + " (use a BC learner, e.g. BcLearners.behavioralCloning())");
        try {
            Path tmp = Files.createTempFile("il4j-policy-", ".zip");
            try {
                Files.delete(tmp); // the writer moves its own temp file into place
                BcPolicyFile.write(b, Provenance.of(purpose, "", "", b.config().seed(), 0, 0, false, Map.of()), tmp);
                return PolicyBytes.of(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the policy to a temporary file", e);
        }
    }
}
