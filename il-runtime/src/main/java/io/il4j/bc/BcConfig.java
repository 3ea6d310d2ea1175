package io.il4j.bc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.il4j.core.nn.Activation;
import io.il4j.core.nn.MlpSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hyperparameters of behavioral cloning (and goal-conditioned BC). Validated on construction; every
 * field has a default that works ({@link #defaults()}, {@link #builder()}); stored as JSON in every
 * policy file. The CLI documents each flag with its default (il-cli {@code BcConfigFlags}).
 * Immutable; thread-safe.
 *
 * @param head                 policy head: mse, gaussian, mdn (continuous) or categorical (discrete)
 * @param hiddenSizes          hidden layer widths
 * @param activation           hidden activation
 * @param layerNorm            layer normalization in hidden layers
 * @param learningRate         Adam learning rate
 * @param weightDecay          decoupled weight decay (times the learning rate) on weights
 * @param batchSize            minibatch size
 * @param epochs               passes over the training steps (ignored when {@code maxSteps > 0})
 * @param maxSteps             gradient steps to take; 0 = {@code epochs} passes
 * @param validationFraction   fraction of episodes held out for validation (0 = none)
 * @param validationInterval   gradient steps between validation checks; 0 = once per epoch
 * @param patience             validation checks without improvement before stopping early; 0 = never stop early
 * @param normalizeObservations standardize observations (and goals) with training-set statistics
 * @param normalizeActions     standardize continuous actions for training (outputs are mapped back)
 * @param history              observations stacked as input (the last k of the episode); &gt; 1 makes the policy stateful
 * @param logStdMin            lower clamp of the Gaussian head's log-std (normalized action units)
 * @param logStdMax            upper clamp of the Gaussian and MDN heads' log-std
 * @param entropyBonus         Gaussian head: weight of the entropy bonus subtracted from the NLL
 * @param nllBeta              Gaussian head: β of the β-NLL loss, in [0, 1] (0 = plain NLL; see the head's docs)
 * @param mixtureComponents    MDN head: number of Gaussian components K
 * @param mixtureMinStd        MDN head: minimum std of a component (normalized action units)
 * @param sampleActions        act by sampling (Gaussian, MDN, categorical) instead of deterministically
 *                             (mean / mean of the most probable component / argmax)
 * @param clipActions          clip continuous actions into the action space's finite bounds
 * @param goalConditioned      train pi(a | s, g): the network also sees a goal
 * @param relabel              goal-conditioned: where goals come from (none = dataset goals; final, future, uniform_later = hindsight)
 * @param achievedGoalDims     goal-conditioned with relabeling: the observation dims that form the achieved goal;
 *                             empty = the dims the dataset's goal names point at ({@code goal_<observation name>},
 *                             as a GoalEnv that names its goals records them), else the first goalDim dims
 * @param seed                 seed of initialization, split and minibatch order
 * @param engine               dl4j (reference) or lean (the same math on il4j's training kernel, io.il4j.core.nn.Mlp, faster; layer norm uses dl4j)
 */
public record BcConfig(HeadType head, List<Integer> hiddenSizes, Activation activation, boolean layerNorm,
                       double learningRate, double weightDecay, int batchSize, int epochs, int maxSteps,
                       double validationFraction, int validationInterval, int patience,
                       boolean normalizeObservations, boolean normalizeActions, int history,
                       double logStdMin, double logStdMax, double entropyBonus, double nllBeta,
                       int mixtureComponents, double mixtureMinStd, boolean sampleActions, boolean clipActions,
                       boolean goalConditioned, Relabel relabel, List<Integer> achievedGoalDims,
                       long seed, TrainingEngine engine) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public BcConfig {
        if (head == null) throw new IllegalArgumentException("head must not be null; expected mse, gaussian, mdn or categorical");
        hiddenSizes = hiddenSizes == null ? List.of(256, 256) : List.copyOf(hiddenSizes);
        if (activation == null) activation = Activation.RELU;
        new MlpSpec(hiddenSizes, activation, layerNorm); // validates sizes and activation
        positive("learningRate", learningRate);
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay))
            throw new IllegalArgumentException("weightDecay must be a finite value >= 0, got " + weightDecay);
        atLeast("batchSize", batchSize, 1);
        atLeast("epochs", epochs, 1);
        atLeast("maxSteps", maxSteps, 0);
        if (!(validationFraction >= 0 && validationFraction < 1))
            throw new IllegalArgumentException("validationFraction must be in [0, 1), got " + validationFraction);
        atLeast("validationInterval", validationInterval, 0);
        atLeast("patience", patience, 0);
        atLeast("history", history, 1);
        if (!(logStdMin < logStdMax) || !Double.isFinite(logStdMin) || !Double.isFinite(logStdMax))
            throw new IllegalArgumentException("need finite logStdMin < logStdMax, got " + logStdMin + " and " + logStdMax);
        if (!(entropyBonus >= 0)) throw new IllegalArgumentException("entropyBonus must be >= 0, got " + entropyBonus);
        if (!(nllBeta >= 0 && nllBeta <= 1)) throw new IllegalArgumentException("nllBeta must be in [0, 1], got " + nllBeta);
        atLeast("mixtureComponents", mixtureComponents, 1);
        positive("mixtureMinStd", mixtureMinStd);
        if (Math.log(mixtureMinStd) >= logStdMax)
            throw new IllegalArgumentException("mixtureMinStd " + mixtureMinStd + " must be below exp(logStdMax) = " + Math.exp(logStdMax));
        if (relabel == null) relabel = Relabel.FUTURE;
        achievedGoalDims = achievedGoalDims == null ? List.of() : List.copyOf(achievedGoalDims);
        for (int d : achievedGoalDims)
            if (d < 0) throw new IllegalArgumentException("achievedGoalDims holds " + d + "; observation dims are >= 0");
        if (engine == null) engine = TrainingEngine.LEAN;
    }

    /** All defaults with the given head. */
    public static BcConfig defaults(HeadType head) {
        return builder().head(head).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The trunk of the network. */
    public MlpSpec trunk() {
        return new MlpSpec(hiddenSizes, activation, layerNorm);
    }

    public BcConfig withSeed(long newSeed) {
        return toBuilder().seed(newSeed).build();
    }

    public String toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses {@link #toJson()} output; missing fields take their defaults, invalid values are rejected. */
    public static BcConfig fromJson(String json) {
        try {
            Map<?, ?> given = JSON.readValue(json, Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> merged = JSON.convertValue(builder().head(HeadType.MSE).build(), Map.class);
            for (Map.Entry<?, ?> e : given.entrySet()) merged.put(String.valueOf(e.getKey()), e.getValue());
            return JSON.convertValue(merged, BcConfig.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            throw new IllegalArgumentException("invalid BC config JSON: " + root.getMessage(), e);
        }
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) throw new IllegalArgumentException(name + " must be a finite value > 0, got " + v);
    }

    private static void atLeast(String name, long v, long min) {
        if (v < min) throw new IllegalArgumentException(name + " must be >= " + min + ", got " + v);
    }

    /** Builds a {@link BcConfig}; unset fields keep their defaults. Not thread-safe. */
    public static final class Builder {
        private HeadType head;
        private List<Integer> hiddenSizes = List.of(256, 256);
        private Activation activation = Activation.RELU;
        private boolean layerNorm;
        private double learningRate = 1e-3, weightDecay = 0;
        private int batchSize = 256, epochs = 30, maxSteps = 0;
        private double validationFraction = 0.1;
        private int validationInterval = 0, patience = 10;
        private boolean normalizeObservations = true, normalizeActions = true;
        private int history = 1;
        private double logStdMin = -2, logStdMax = 2, entropyBonus = 0, nllBeta = 0.5;
        private int mixtureComponents = 5;
        private double mixtureMinStd = 0.05;
        private boolean sampleActions, clipActions = true, goalConditioned;
        private Relabel relabel = Relabel.FUTURE;
        private List<Integer> achievedGoalDims = List.of();
        private long seed;
        private TrainingEngine engine = TrainingEngine.LEAN;

        private Builder() {
        }

        private Builder(BcConfig c) {
            head = c.head; hiddenSizes = c.hiddenSizes; activation = c.activation; layerNorm = c.layerNorm;
            learningRate = c.learningRate; weightDecay = c.weightDecay; batchSize = c.batchSize; epochs = c.epochs;
            maxSteps = c.maxSteps; validationFraction = c.validationFraction; validationInterval = c.validationInterval;
            patience = c.patience; normalizeObservations = c.normalizeObservations; normalizeActions = c.normalizeActions;
            history = c.history; logStdMin = c.logStdMin; logStdMax = c.logStdMax; entropyBonus = c.entropyBonus; nllBeta = c.nllBeta;
            mixtureComponents = c.mixtureComponents; mixtureMinStd = c.mixtureMinStd; sampleActions = c.sampleActions;
            clipActions = c.clipActions; goalConditioned = c.goalConditioned; relabel = c.relabel;
            achievedGoalDims = c.achievedGoalDims; seed = c.seed; engine = c.engine;
        }

        public Builder head(HeadType v) { head = v; return this; }
        public Builder hiddenSizes(List<Integer> v) { hiddenSizes = v; return this; }
        public Builder hiddenSizes(Integer... v) { hiddenSizes = List.of(v); return this; }
        public Builder activation(Activation v) { activation = v; return this; }
        public Builder layerNorm(boolean v) { layerNorm = v; return this; }
        public Builder learningRate(double v) { learningRate = v; return this; }
        public Builder weightDecay(double v) { weightDecay = v; return this; }
        public Builder batchSize(int v) { batchSize = v; return this; }
        public Builder epochs(int v) { epochs = v; return this; }
        public Builder maxSteps(int v) { maxSteps = v; return this; }
        public Builder validationFraction(double v) { validationFraction = v; return this; }
        public Builder validationInterval(int v) { validationInterval = v; return this; }
        public Builder patience(int v) { patience = v; return this; }
        public Builder normalizeObservations(boolean v) { normalizeObservations = v; return this; }
        public Builder normalizeActions(boolean v) { normalizeActions = v; return this; }
        public Builder history(int v) { history = v; return this; }
        public Builder logStdMin(double v) { logStdMin = v; return this; }
        public Builder logStdMax(double v) { logStdMax = v; return this; }
        public Builder entropyBonus(double v) { entropyBonus = v; return this; }
        public Builder nllBeta(double v) { nllBeta = v; return this; }
        public Builder mixtureComponents(int v) { mixtureComponents = v; return this; }
        public Builder mixtureMinStd(double v) { mixtureMinStd = v; return this; }
        public Builder sampleActions(boolean v) { sampleActions = v; return this; }
        public Builder clipActions(boolean v) { clipActions = v; return this; }
        public Builder goalConditioned(boolean v) { goalConditioned = v; return this; }
        public Builder relabel(Relabel v) { relabel = v; return this; }
        public Builder achievedGoalDims(List<Integer> v) { achievedGoalDims = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder engine(TrainingEngine v) { engine = v; return this; }

        public BcConfig build() {
            return new BcConfig(head, hiddenSizes, activation, layerNorm, learningRate, weightDecay, batchSize, epochs,
                    maxSteps, validationFraction, validationInterval, patience, normalizeObservations, normalizeActions,
                    history, logStdMin, logStdMax, entropyBonus, nllBeta, mixtureComponents, mixtureMinStd, sampleActions,
                    clipActions, goalConditioned, relabel, achievedGoalDims, seed, engine);
        }
    }
}
