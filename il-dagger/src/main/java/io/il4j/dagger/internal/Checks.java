package io.il4j.dagger.internal;

/** Argument checks whose messages say which value was out of which range. */
public final class Checks {
    private Checks() {
    }

    public static void atLeast(String name, long value, long min) {
        if (value < min) throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
    }

    public static void isZero(String name, double value) {
        if (value != 0) throw new IllegalArgumentException(name + " must be 0, got " + value);
    }

    public static void inUnitInterval(String name, double value) {
        if (!(value >= 0 && value <= 1)) throw new IllegalArgumentException(name + " must be in [0, 1], got " + value);
    }

    public static void positiveFinite(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value))
            throw new IllegalArgumentException(name + " must be a positive finite number, got " + value);
    }

    public static void nonNegativeFinite(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value))
            throw new IllegalArgumentException(name + " must be a non-negative finite number, got " + value);
    }

    /** The settings every interactive imitation loop shares, checked the same way in every configuration record. */
    public static void loopSettings(int rounds, int rolloutsPerRound, int horizon, long labelBudget, Object retrainMode,
                                    int evalEpisodes) {
        atLeast("rounds", rounds, 1);
        atLeast("rolloutsPerRound", rolloutsPerRound, 1);
        atLeast("horizon", horizon, 1);
        atLeast("labelBudget (0 = no budget)", labelBudget, 0);
        notNull("retrainMode", retrainMode);
        atLeast("evalEpisodes", evalEpisodes, 0);
    }

    public static <T> T notNull(String name, T value) {
        if (value == null) throw new IllegalArgumentException(name + " must not be null");
        return value;
    }
}
