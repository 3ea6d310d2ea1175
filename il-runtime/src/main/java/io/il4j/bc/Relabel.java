package io.il4j.bc;

/**
 * Where goal-conditioned BC takes the goal of a training step from: the dataset, or hindsight
 * relabeling with an achieved state of the same episode (the data layer's {@code GoalRelabeler}; {@code BcTrainer} maps
 * each constant to its strategy). Goals are drawn
 * afresh for every minibatch, so every epoch sees new relabelings; {@link #FUTURE} and
 * {@link #UNIFORM_LATER} therefore draw from the same distribution here (they differ only when a
 * relabeled dataset is materialized with k copies per step). Immutable; thread-safe.
 */
public enum Relabel {
    /** Use the goals stored in the dataset (no relabeling). */
    NONE,
    /** The state the episode ended in. */
    FINAL,
    /** A later state of the same episode, uniformly (HER's "future"). */
    FUTURE,
    /** A later state of the same episode, uniformly. */
    UNIFORM_LATER;

    /** Parses {@code none|final|future|uniform-later} (case-insensitive; '-' or '_'). */
    public static Relabel parse(String s) {
        if (s != null) {
            String n = s.trim().replace('-', '_');
            for (Relabel r : values()) if (r.name().equalsIgnoreCase(n)) return r;
        }
        throw new IllegalArgumentException("unknown relabeling '" + s + "'; expected one of none, final, future, uniform-later");
    }
}
