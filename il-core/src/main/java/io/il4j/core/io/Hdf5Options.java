package io.il4j.core.io;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How to import an HDF5 demonstration file. Immutable and validated; thread-safe.
 *
 * @param layout          which layout to read; {@link Layout#AUTO} (default) detects it from the top-level names
 * @param observationKeys robomimic only: the {@code obs/<key>} datasets to concatenate, in this order; empty
 *                        (default) takes every key of rank 1 or 2 in sorted order (higher-rank keys such as
 *                        images are skipped with a warning)
 */
public record Hdf5Options(Layout layout, List<String> observationKeys) {

    /** The HDF5 layouts il4j imports. */
    public enum Layout {
        /** Detect: {@code data/demo_*} → robomimic, {@code episode_*} → Minari, {@code observations} → D4RL. */
        AUTO,
        /** Flat arrays {@code observations, actions, rewards, terminals, timeouts[, next_observations]} at the root. */
        D4RL,
        /** Groups {@code episode_<i>/{observations (T+1), actions, rewards, terminations, truncations}}. */
        MINARI,
        /** Groups {@code data/demo_<i>/{obs/<key>, actions, rewards, dones[, next_obs/<key>]}}. */
        ROBOMIMIC
    }

    private static final Hdf5Options DEFAULTS = new Hdf5Options(Layout.AUTO, List.of());

    public Hdf5Options {
        if (layout == null) throw new IllegalArgumentException("layout must not be null (use AUTO to detect it)");
        observationKeys = observationKeys == null ? List.of() : List.copyOf(observationKeys);
        Set<String> seen = new HashSet<>();
        for (String k : observationKeys) {
            if (k.isBlank() || k.contains("/"))
                throw new IllegalArgumentException("observation key '" + k + "' must be a plain dataset name under obs/");
            if (!seen.add(k)) throw new IllegalArgumentException("observation key '" + k + "' is listed twice: " + observationKeys);
        }
    }

    public static Hdf5Options defaults() {
        return DEFAULTS;
    }

    public Hdf5Options withLayout(Layout l) {
        return new Hdf5Options(l, observationKeys);
    }

    public Hdf5Options withObservationKeys(List<String> keys) {
        return new Hdf5Options(layout, keys);
    }
}
