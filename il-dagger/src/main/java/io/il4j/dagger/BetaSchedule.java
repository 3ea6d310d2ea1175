package io.il4j.dagger;

import io.il4j.dagger.internal.Checks;

/**
 * How much DAgger trusts the expert in round {@code k} (1-based): the rollout policy is the per-step
 * mixture {@code π_k = β_k π* + (1 − β_k) π̂_k}, i.e. at every step the expert's action is executed with
 * probability {@code β_k} and the learner's otherwise (a seeded coin per step).
 *
 * <ul>
 *   <li>{@link #constant(double)}: {@code β_k = p}.</li>
 *   <li>{@link #linear(int)}: ramps down over R rounds, {@code β_k = max(0, 1 − (k − 1)/R)}: β_1 = 1, β_{R+1} = 0.</li>
 *   <li>{@link #exponential(double)}: {@code β_k = p^(k−1)} (Ross et al. 2011): β_1 = 1.</li>
 *   <li>{@link #expertFirstRound()}: β_1 = 1, then 0 (the schedule Ross et al. found to work best).</li>
 * </ul>
 *
 * @param kind   which schedule
 * @param value  p for CONSTANT and EXPONENTIAL (in [0, 1]); unused otherwise (0)
 * @param rounds R for LINEAR (≥ 1); unused otherwise (0)
 *
 * Immutable and thread-safe; serializes to JSON as its three fields.
 */
public record BetaSchedule(Kind kind, double value, int rounds) {

    public enum Kind { CONSTANT, LINEAR, EXPONENTIAL, EXPERT_FIRST_ROUND }

    public BetaSchedule {
        if (kind == null) throw new IllegalArgumentException("beta schedule kind must not be null; expected one of "
                + java.util.Arrays.toString(Kind.values()));
        switch (kind) {
            case CONSTANT, EXPONENTIAL -> {
                Checks.inUnitInterval("beta schedule " + kind + " value", value);
                Checks.isZero("beta schedule " + kind + " rounds (only LINEAR uses it)", rounds);
            }
            case LINEAR -> {
                Checks.atLeast("beta schedule LINEAR rounds", rounds, 1);
                Checks.isZero("beta schedule LINEAR value (unused)", value);
            }
            case EXPERT_FIRST_ROUND -> {
                Checks.isZero("beta schedule EXPERT_FIRST_ROUND value (unused)", value);
                Checks.isZero("beta schedule EXPERT_FIRST_ROUND rounds (unused)", rounds);
            }
        }
    }

    public static BetaSchedule constant(double p) {
        return new BetaSchedule(Kind.CONSTANT, p, 0);
    }

    public static BetaSchedule linear(int rampRounds) {
        return new BetaSchedule(Kind.LINEAR, 0, rampRounds);
    }

    public static BetaSchedule exponential(double p) {
        return new BetaSchedule(Kind.EXPONENTIAL, p, 0);
    }

    public static BetaSchedule expertFirstRound() {
        return new BetaSchedule(Kind.EXPERT_FIRST_ROUND, 0, 0);
    }

    /** β for round {@code round} (1-based). */
    public double beta(int round) {
        if (round < 1) throw new IllegalArgumentException("rounds are numbered from 1, got " + round);
        return switch (kind) {
            case CONSTANT -> value;
            case LINEAR -> Math.max(0.0, 1.0 - (double) (round - 1) / rounds);
            case EXPONENTIAL -> Math.pow(value, round - 1);
            case EXPERT_FIRST_ROUND -> round == 1 ? 1.0 : 0.0;
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CONSTANT -> "constant(" + value + ")";
            case LINEAR -> "linear(" + rounds + ")";
            case EXPONENTIAL -> "exponential(" + value + ")";
            case EXPERT_FIRST_ROUND -> "expertFirstRound";
        };
    }
}
