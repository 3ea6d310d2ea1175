package io.il4j.offline;

import io.il4j.core.nn.Activation;

import java.util.List;

/**
 * Hyperparameters of continuous CQL ({@link ContinuousCql}): SAC with twin critics and the CQL(H)
 * penalty. Defaults follow the CQL paper (Kumar et al., NeurIPS 2020, its Gym settings) and the two
 * reproductions most people run, d3rlpy ({@code CQLConfig}) and CORL ({@code algorithms/offline/cql.py});
 * where they differ the choice is said. Validated; immutable; serialized to JSON in every output.
 *
 * @param criticHiddenSizes      hidden widths of each Q network (2 x 256: d3rlpy, the paper; CORL uses 3 x 256)
 * @param actorHiddenSizes       hidden widths of the actor (2 x 256: d3rlpy, the paper)
 * @param activation             hidden activation of every network (ReLU: paper, d3rlpy, CORL)
 * @param batchSize              transitions per gradient step (256: paper, d3rlpy, CORL)
 * @param steps                  gradient steps (the paper and CORL train 1M; the default is what runs in minutes on one thread here)
 * @param evalInterval           gradient steps between diagnostics / evaluation checks
 * @param gamma                  discount (0.99 everywhere)
 * @param tau                    Polyak rate of the target critics (0.005: d3rlpy, CORL, SAC)
 * @param criticLearningRate     Adam rate of the critics (3e-4: paper, d3rlpy, CORL)
 * @param actorLearningRate      Adam rate of the actor (1e-4: the paper's Gym setting, d3rlpy; CORL uses 3e-5)
 * @param temperatureLearningRate Adam rate of the log entropy temperature (1e-4: d3rlpy)
 * @param initialTemperature     entropy temperature at the start (1.0: d3rlpy, CORL)
 * @param autoTemperature        tune the temperature toward {@code targetEntropy} (SAC's automatic tuning; on in all three)
 * @param targetEntropy          target entropy of the actor; NaN = minus the action dim (SAC's heuristic, everywhere)
 * @param backupEntropy          subtract temperature x log pi in the TD target (off: paper and CORL; d3rlpy keeps SAC's on)
 * @param cqlAlpha               weight of the conservative penalty when fixed (5.0: the paper's Gym value and d3rlpy's
 *                               {@code conservative_weight}; CORL uses 10)
 * @param sampledActions         N actions of each kind (uniform, policy at s, policy at s') in the logsumexp (10 everywhere)
 * @param lagrange               learn the penalty weight by dual gradient descent toward {@code targetActionGap}
 *                               (CQL-Lagrange) instead of the fixed {@code cqlAlpha}
 * @param targetActionGap        Lagrange variant: the conservative gap the multiplier aims at (10: d3rlpy's {@code alpha_threshold})
 * @param alphaLearningRate      Lagrange variant: Adam rate of the log multiplier (1e-4: d3rlpy)
 * @param initialAlpha           Lagrange variant: initial multiplier (1.0: d3rlpy)
 * @param bcWarmupSteps          first steps in which the actor maximizes the data's log-likelihood instead of Q
 *                               (the paper's {@code policy_eval_start}; 0: d3rlpy and CORL)
 * @param rewardScale            rewards are multiplied by this before learning (1: d3rlpy, CORL); saved with the run
 * @param normalizeObservations  standardize observations with dataset statistics (on: CORL; stored in the policy file)
 * @param logStdMin              lower clamp of the actor's log-std (-20: SAC, d3rlpy, CORL)
 * @param logStdMax              upper clamp (2: SAC, d3rlpy, CORL)
 * @param seed                   seed of initialization, minibatches and sampled actions
 */
public record CqlConfig(List<Integer> criticHiddenSizes, List<Integer> actorHiddenSizes, Activation activation, int batchSize, int steps, int evalInterval,
                        double gamma, double tau, double criticLearningRate, double actorLearningRate, double temperatureLearningRate,
                        double initialTemperature, boolean autoTemperature, double targetEntropy, boolean backupEntropy,
                        double cqlAlpha, int sampledActions, boolean lagrange, double targetActionGap, double alphaLearningRate,
                        double initialAlpha, int bcWarmupSteps, double rewardScale, boolean normalizeObservations,
                        double logStdMin, double logStdMax, long seed) {

    /** Defaults that the command line shows in its help (compile-time constants). */
    public static final int DEFAULT_STEPS = 50_000, DEFAULT_EVAL_INTERVAL = 5_000, DEFAULT_BATCH = 256, DEFAULT_SAMPLED_ACTIONS = 10;
    public static final double DEFAULT_CQL_ALPHA = 5.0, DEFAULT_CRITIC_LR = 3e-4, DEFAULT_ACTOR_LR = 1e-4, DEFAULT_TARGET_GAP = 10.0,
            DEFAULT_GAMMA = 0.99, DEFAULT_TAU = 0.005;

    public CqlConfig {
        criticHiddenSizes = Checks.sizes("criticHiddenSizes", criticHiddenSizes);
        actorHiddenSizes = Checks.sizes("actorHiddenSizes", actorHiddenSizes);
        activation = Checks.activation(activation);
        Checks.atLeast("batchSize", batchSize, 1);
        Checks.atLeast("steps", steps, 1);
        Checks.atLeast("evalInterval", evalInterval, 1);
        Checks.discount(gamma);
        Checks.unitInterval("tau", tau);
        Checks.positive("criticLearningRate", criticLearningRate);
        Checks.positive("actorLearningRate", actorLearningRate);
        Checks.positive("temperatureLearningRate", temperatureLearningRate);
        Checks.positive("initialTemperature", initialTemperature);
        if (!Double.isNaN(targetEntropy) && !Double.isFinite(targetEntropy))
            throw new IllegalArgumentException("targetEntropy must be finite (or NaN for minus the action dim), got " + targetEntropy);
        if (!(cqlAlpha >= 0) || !Double.isFinite(cqlAlpha)) throw new IllegalArgumentException("cqlAlpha must be finite and >= 0, got " + cqlAlpha);
        Checks.atLeast("sampledActions", sampledActions, 1);
        if (!Double.isFinite(targetActionGap)) throw new IllegalArgumentException("targetActionGap must be finite, got " + targetActionGap);
        Checks.positive("alphaLearningRate", alphaLearningRate);
        Checks.positive("initialAlpha", initialAlpha);
        Checks.atLeast("bcWarmupSteps", bcWarmupSteps, 0);
        Checks.positive("rewardScale", rewardScale);
        if (!(logStdMin < logStdMax) || !Double.isFinite(logStdMin) || !Double.isFinite(logStdMax))
            throw new IllegalArgumentException("logStdMin must be < logStdMax, both finite; got [" + logStdMin + ", " + logStdMax + "]");
    }

    public static CqlConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The target entropy for an action dim: the configured one, or {@code -actionDim}. */
    public double targetEntropyFor(int actionDim) {
        return Double.isNaN(targetEntropy) ? -actionDim : targetEntropy;
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.criticHiddenSizes = criticHiddenSizes;
        b.actorHiddenSizes = actorHiddenSizes;
        b.activation = activation;
        b.batchSize = batchSize;
        b.steps = steps;
        b.evalInterval = evalInterval;
        b.gamma = gamma;
        b.tau = tau;
        b.criticLearningRate = criticLearningRate;
        b.actorLearningRate = actorLearningRate;
        b.temperatureLearningRate = temperatureLearningRate;
        b.initialTemperature = initialTemperature;
        b.autoTemperature = autoTemperature;
        b.targetEntropy = targetEntropy;
        b.backupEntropy = backupEntropy;
        b.cqlAlpha = cqlAlpha;
        b.sampledActions = sampledActions;
        b.lagrange = lagrange;
        b.targetActionGap = targetActionGap;
        b.alphaLearningRate = alphaLearningRate;
        b.initialAlpha = initialAlpha;
        b.bcWarmupSteps = bcWarmupSteps;
        b.rewardScale = rewardScale;
        b.normalizeObservations = normalizeObservations;
        b.logStdMin = logStdMin;
        b.logStdMax = logStdMax;
        b.seed = seed;
        return b;
    }

    /** Builds a {@link CqlConfig}; unset fields keep the documented defaults. Not thread-safe. */
    public static final class Builder {
        private List<Integer> criticHiddenSizes = List.of(256, 256), actorHiddenSizes = List.of(256, 256);
        private Activation activation = Activation.RELU;
        private int batchSize = DEFAULT_BATCH, steps = DEFAULT_STEPS, evalInterval = DEFAULT_EVAL_INTERVAL;
        private double gamma = DEFAULT_GAMMA, tau = DEFAULT_TAU, criticLearningRate = DEFAULT_CRITIC_LR, actorLearningRate = DEFAULT_ACTOR_LR,
                temperatureLearningRate = 1e-4;
        private double initialTemperature = 1.0;
        private boolean autoTemperature = true;
        private double targetEntropy = Double.NaN;
        private boolean backupEntropy = false;
        private double cqlAlpha = DEFAULT_CQL_ALPHA;
        private int sampledActions = DEFAULT_SAMPLED_ACTIONS;
        private boolean lagrange = false;
        private double targetActionGap = DEFAULT_TARGET_GAP, alphaLearningRate = 1e-4, initialAlpha = 1.0;
        private int bcWarmupSteps = 0;
        private double rewardScale = 1.0;
        private boolean normalizeObservations = true;
        private double logStdMin = -20, logStdMax = 2;
        private long seed = 0;

        public Builder criticHiddenSizes(List<Integer> v) { criticHiddenSizes = v; return this; }
        public Builder actorHiddenSizes(List<Integer> v) { actorHiddenSizes = v; return this; }
        /** Both the critics' and the actor's hidden widths. */
        public Builder hiddenSizes(List<Integer> v) { criticHiddenSizes = v; actorHiddenSizes = v; return this; }
        public Builder activation(Activation v) { activation = v; return this; }
        public Builder batchSize(int v) { batchSize = v; return this; }
        public Builder steps(int v) { steps = v; return this; }
        public Builder evalInterval(int v) { evalInterval = v; return this; }
        public Builder gamma(double v) { gamma = v; return this; }
        public Builder tau(double v) { tau = v; return this; }
        public Builder criticLearningRate(double v) { criticLearningRate = v; return this; }
        public Builder actorLearningRate(double v) { actorLearningRate = v; return this; }
        public Builder temperatureLearningRate(double v) { temperatureLearningRate = v; return this; }
        public Builder initialTemperature(double v) { initialTemperature = v; return this; }
        public Builder autoTemperature(boolean v) { autoTemperature = v; return this; }
        public Builder targetEntropy(double v) { targetEntropy = v; return this; }
        public Builder backupEntropy(boolean v) { backupEntropy = v; return this; }
        public Builder cqlAlpha(double v) { cqlAlpha = v; return this; }
        public Builder sampledActions(int v) { sampledActions = v; return this; }
        public Builder lagrange(boolean v) { lagrange = v; return this; }
        public Builder targetActionGap(double v) { targetActionGap = v; return this; }
        public Builder alphaLearningRate(double v) { alphaLearningRate = v; return this; }
        public Builder initialAlpha(double v) { initialAlpha = v; return this; }
        public Builder bcWarmupSteps(int v) { bcWarmupSteps = v; return this; }
        public Builder rewardScale(double v) { rewardScale = v; return this; }
        public Builder normalizeObservations(boolean v) { normalizeObservations = v; return this; }
        public Builder logStdMin(double v) { logStdMin = v; return this; }
        public Builder logStdMax(double v) { logStdMax = v; return this; }
        public Builder seed(long v) { seed = v; return this; }

        public CqlConfig build() {
            return new CqlConfig(criticHiddenSizes, actorHiddenSizes, activation, batchSize, steps, evalInterval, gamma, tau, criticLearningRate,
                    actorLearningRate, temperatureLearningRate, initialTemperature, autoTemperature, targetEntropy, backupEntropy, cqlAlpha,
                    sampledActions, lagrange, targetActionGap, alphaLearningRate, initialAlpha, bcWarmupSteps, rewardScale,
                    normalizeObservations, logStdMin, logStdMax, seed);
        }
    }
}
