package io.il4j.offline;

import io.il4j.core.nn.Activation;

import java.util.List;

/**
 * Hyperparameters of discrete CQL ({@link DiscreteCql}): double DQN with the penalty
 * {@code alpha (logsumexp_a Q(s, a) - Q(s, a_data))}. The CQL paper and d3rlpy ({@code DiscreteCQLConfig})
 * tune for Atari (batch 32, learning rate 6.25e-5, hard target updates every 8,000 steps, alpha 1);
 * the defaults here keep alpha and the discount and scale the rest to the small state-vector tasks il4j
 * ships (CartPole trains in seconds with them). Validated; immutable; serialized to JSON in every output.
 *
 * @param hiddenSizes           hidden widths of the Q network (256, 256)
 * @param activation            hidden activation (ReLU)
 * @param batchSize             transitions per gradient step (256)
 * @param steps                 gradient steps
 * @param evalInterval          gradient steps between diagnostics / evaluation checks
 * @param gamma                 discount (0.99: paper, d3rlpy)
 * @param learningRate          Adam rate (3e-4; d3rlpy's Atari value is 6.25e-5)
 * @param alpha                 weight of the conservative penalty (1.0: d3rlpy, the paper's Atari setting)
 * @param targetUpdateInterval  hard target update every this many steps (d3rlpy: 8,000 on Atari; 1,000 here);
 *                              0 = soft (Polyak) updates with {@code tau} every step
 * @param tau                   Polyak rate when {@code targetUpdateInterval} is 0 (0.005)
 * @param huberDelta            the TD loss is Huber with this threshold, as DQN and d3rlpy (1.0)
 * @param rewardScale           rewards are multiplied by this before learning (1); saved with the run
 * @param normalizeObservations standardize observations with dataset statistics (stored in the policy file)
 * @param seed                  seed of initialization and minibatches
 */
public record DiscreteCqlConfig(List<Integer> hiddenSizes, Activation activation, int batchSize, int steps, int evalInterval, double gamma, double learningRate,
                                double alpha, int targetUpdateInterval, double tau, double huberDelta, double rewardScale,
                                boolean normalizeObservations, long seed) {

    /** Defaults that the command line shows in its help (compile-time constants). */
    public static final int DEFAULT_STEPS = 20_000, DEFAULT_EVAL_INTERVAL = 2_000, DEFAULT_TARGET_UPDATE_INTERVAL = 1_000;
    public static final double DEFAULT_ALPHA = 1.0, DEFAULT_LR = 3e-4;

    public DiscreteCqlConfig {
        hiddenSizes = Checks.sizes("hiddenSizes", hiddenSizes);
        activation = Checks.activation(activation);
        Checks.atLeast("batchSize", batchSize, 1);
        Checks.atLeast("steps", steps, 1);
        Checks.atLeast("evalInterval", evalInterval, 1);
        Checks.discount(gamma);
        Checks.positive("learningRate", learningRate);
        if (!(alpha >= 0) || !Double.isFinite(alpha)) throw new IllegalArgumentException("alpha must be finite and >= 0, got " + alpha);
        Checks.atLeast("targetUpdateInterval", targetUpdateInterval, 0);
        Checks.unitInterval("tau", tau);
        Checks.positive("huberDelta", huberDelta);
        Checks.positive("rewardScale", rewardScale);
    }

    public static DiscreteCqlConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link DiscreteCqlConfig}; unset fields keep the documented defaults. Not thread-safe. */
    public static final class Builder {
        private List<Integer> hiddenSizes = List.of(256, 256);
        private Activation activation = Activation.RELU;
        private int batchSize = CqlConfig.DEFAULT_BATCH, steps = DEFAULT_STEPS, evalInterval = DEFAULT_EVAL_INTERVAL;
        private double gamma = CqlConfig.DEFAULT_GAMMA, learningRate = DEFAULT_LR, alpha = DEFAULT_ALPHA;
        private int targetUpdateInterval = DEFAULT_TARGET_UPDATE_INTERVAL;
        private double tau = CqlConfig.DEFAULT_TAU, huberDelta = 1.0, rewardScale = 1.0;
        private boolean normalizeObservations = true;
        private long seed = 0;

        public Builder hiddenSizes(List<Integer> v) { hiddenSizes = v; return this; }
        public Builder activation(Activation v) { activation = v; return this; }
        public Builder batchSize(int v) { batchSize = v; return this; }
        public Builder steps(int v) { steps = v; return this; }
        public Builder evalInterval(int v) { evalInterval = v; return this; }
        public Builder gamma(double v) { gamma = v; return this; }
        public Builder learningRate(double v) { learningRate = v; return this; }
        public Builder alpha(double v) { alpha = v; return this; }
        public Builder targetUpdateInterval(int v) { targetUpdateInterval = v; return this; }
        public Builder tau(double v) { tau = v; return this; }
        public Builder huberDelta(double v) { huberDelta = v; return this; }
        public Builder rewardScale(double v) { rewardScale = v; return this; }
        public Builder normalizeObservations(boolean v) { normalizeObservations = v; return this; }
        public Builder seed(long v) { seed = v; return this; }

        public DiscreteCqlConfig build() {
            return new DiscreteCqlConfig(hiddenSizes, activation, batchSize, steps, evalInterval, gamma, learningRate, alpha, targetUpdateInterval, tau,
                    huberDelta, rewardScale, normalizeObservations, seed);
        }
    }
}
