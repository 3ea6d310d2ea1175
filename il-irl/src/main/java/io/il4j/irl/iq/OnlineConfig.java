package io.il4j.irl.iq;

/**
 * Online IQ-Learn: the learner acts in an environment (sampling its soft policy), keeps its transitions in
 * a replay buffer, and every environment step after {@code startSteps} takes one gradient step on a batch of
 * expert and as many replayed transitions; the value term and the chi-squared penalty then cover both.
 *
 * @param replayCapacity        learner transitions kept (default 100,000)
 * @param startSteps            environment steps collected before the first update (default 1,000)
 * @param seed                  seed of the environment resets (default 0)
 * @param absorbingStates       a termination leads to a learned absorbing state instead of a value of 0
 *                              (see {@link AbsorbingState}; default true: without it online IQ-Learn learns to end
 *                              episodes on tasks whose terminations are failures, such as CartPole)
 * @param absorbingLearningRate Adam step size of the absorbing state's implied reward (default 1e-2; one scalar
 *                              that must travel to about -1 within a few thousand updates)
 * @param absorbingWeight       how often the replay buffer samples the absorbing self-transition per termination
 *                              (see {@link AbsorbingWeight}; default {@link AbsorbingWeight#DISCOUNTED})
 */
public record OnlineConfig(int replayCapacity, int startSteps, long seed, boolean absorbingStates, double absorbingLearningRate,
                           AbsorbingWeight absorbingWeight) {
    public static final OnlineConfig DEFAULT = new OnlineConfig(100_000, 1_000, 0, true, 1e-2, AbsorbingWeight.DISCOUNTED);

    /** The replay weight of the absorbing self-transition, in stored steps per termination. */
    public enum AbsorbingWeight {
        /**
         * {@code gamma / (1 - gamma)}: the discounted time spent in the absorbing state after a termination, so the value
         * term {@code V(s) - gamma V(s')} telescopes through it and {@code V_abs} cancels from it.
         */
        DISCOUNTED,
        /** 1: the absorbing self-transition is stored once per termination, like any other transition (Kostrikov et al.). */
        ONCE;

        /** The weight for discount {@code gamma}. */
        public double weight(double gamma) {
            return this == DISCOUNTED ? gamma / (1 - gamma) : 1;
        }
    }

    public OnlineConfig {
        if (replayCapacity < 1) throw new IllegalArgumentException("replayCapacity must be at least 1, got " + replayCapacity);
        if (startSteps < 1) throw new IllegalArgumentException("startSteps must be at least 1, got " + startSteps);
        if (!(absorbingLearningRate > 0 && Double.isFinite(absorbingLearningRate)))
            throw new IllegalArgumentException("absorbingLearningRate must be a positive finite number, got " + absorbingLearningRate);
        if (absorbingWeight == null) throw new IllegalArgumentException("absorbingWeight must be DISCOUNTED or ONCE");
    }

    /** The defaults for absorbing states. */
    public OnlineConfig(int replayCapacity, int startSteps, long seed) {
        this(replayCapacity, startSteps, seed, DEFAULT.absorbingStates, DEFAULT.absorbingLearningRate, DEFAULT.absorbingWeight);
    }

    public OnlineConfig withAbsorbingStates(boolean on) {
        return new OnlineConfig(replayCapacity, startSteps, seed, on, absorbingLearningRate, absorbingWeight);
    }

    public OnlineConfig withAbsorbingWeight(AbsorbingWeight w) {
        return new OnlineConfig(replayCapacity, startSteps, seed, absorbingStates, absorbingLearningRate, w);
    }
}
