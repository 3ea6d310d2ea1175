package io.il4j.bc;

/** How goal-conditioned BC chooses the goal of a training step (hindsight relabeling from achieved states). */
public enum Relabel {
    /** Use the goals stored in the dataset (no relabeling). */
    NONE,
    /** The state the episode ended in. */
    FINAL,
    /** A state uniformly among the next {@code relabelHorizon} steps of the same episode. */
    FUTURE,
    /** A state uniformly among all later steps of the same episode. */
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
