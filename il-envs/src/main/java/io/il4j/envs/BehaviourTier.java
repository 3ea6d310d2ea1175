package io.il4j.envs;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Behaviour policies whose data make the tiers of an offline dataset; their returns are the reference
 * points of normalized scores {@code 100 (R - R_random) / (R_expert - R_random)}. Thread-safe (an enum).
 */
public enum BehaviourTier {
    /** The environment's demonstration expert. */
    EXPERT,
    /** Epsilon-random expert: each step a uniformly random action with the environment's {@link EnvProvider#mediumEpsilon()}. */
    MEDIUM,
    /** Uniformly random actions. */
    RANDOM,
    /** Whole episodes from the expert with probability {@value Behaviours#MIXED_EXPERT_FRACTION}, else from the random policy. */
    MIXED;

    /** The lower-case name used on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a tier name (case-insensitive); an unknown name is an error listing the valid ones. */
    public static BehaviourTier parse(String name) {
        if (name != null)
            for (BehaviourTier t : values()) if (t.id().equalsIgnoreCase(name.trim())) return t;
        throw new IllegalArgumentException("unknown behaviour tier '" + name + "'; valid tiers: "
                + Arrays.stream(values()).map(BehaviourTier::id).collect(Collectors.joining(", ")));
    }
}
