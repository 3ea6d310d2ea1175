package io.il4j.dagger;

import io.il4j.dagger.internal.Checks;

import java.util.List;

/**
 * When HG-DAgger's expert takes the wheel from the learner, and when it hands back. A takeover starts
 * when the deviation exceeds {@code threshold} and lasts until it falls to {@code releaseThreshold} or
 * below (hysteresis, so the expert demonstrates a recovery rather than a single step).
 *
 * <ul>
 *   <li>{@link Kind#ACTION_DEVIATION}: deviation = ‖π̂(s) − π*(s)‖ (clipped to the action box; 0/1 for a
 *       discrete action). The expert is consulted at every step to decide; only takeover states become labels.</li>
 *   <li>{@link Kind#STATE_DEVIATION}: deviation = Euclidean norm of the observation dims {@code stateDims}
 *       (error-like observations such as lateral offset and heading error). The expert is consulted
 *       only while it is in control.</li>
 * </ul>
 *
 * Immutable and thread-safe; serializes to JSON.
 */
public record TakeoverRule(Kind kind, double threshold, double releaseThreshold, List<Integer> stateDims) {

    public enum Kind { ACTION_DEVIATION, STATE_DEVIATION }

    public TakeoverRule {
        Checks.notNull("takeover kind", kind);
        Checks.positiveFinite("takeover threshold", threshold);
        Checks.nonNegativeFinite("takeover releaseThreshold", releaseThreshold);
        if (releaseThreshold > threshold)
            throw new IllegalArgumentException("takeover releaseThreshold must be <= threshold (" + threshold + "), got " + releaseThreshold);
        stateDims = stateDims == null ? List.of() : List.copyOf(stateDims);
        if (kind == Kind.STATE_DEVIATION && stateDims.isEmpty())
            throw new IllegalArgumentException("a STATE_DEVIATION takeover rule needs at least one observation dim in stateDims");
        if (kind == Kind.ACTION_DEVIATION && !stateDims.isEmpty())
            throw new IllegalArgumentException("an ACTION_DEVIATION takeover rule uses no stateDims, got " + stateDims);
        for (int d : stateDims) Checks.atLeast("takeover state dim", d, 0);
    }

    /** Takes over when the learner's action is farther than {@code threshold} from the expert's; releases below half of it. */
    public static TakeoverRule actionDeviation(double threshold) {
        return new TakeoverRule(Kind.ACTION_DEVIATION, threshold, threshold / 2, List.of());
    }

    /** Takes over when the norm of observation dims {@code dims} exceeds {@code threshold}; releases below half of it. */
    public static TakeoverRule stateDeviation(double threshold, Integer... dims) {
        return new TakeoverRule(Kind.STATE_DEVIATION, threshold, threshold / 2, List.of(dims));
    }

    /** Norm of the selected observation dims. */
    double stateDeviation(double[] observation) {
        double s = 0;
        for (int d : stateDims) {
            if (d >= observation.length)
                throw new IllegalArgumentException("takeover state dim " + d + " is out of range for a " + observation.length + "-dim observation");
            s += observation[d] * observation[d];
        }
        return Math.sqrt(s);
    }
}
