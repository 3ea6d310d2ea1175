package io.il4j.envs.driving;

/**
 * One piece of a fixed road layout: {@code length} metres of constant curvature (0 for a straight,
 * {@code 1/radius} for an arc, positive curving left). Immutable, thread-safe.
 *
 * @param length    metres along the centreline, &gt; 0
 * @param curvature 1/m, positive to the left
 */
public record RoadSegment(double length, double curvature) {

    public RoadSegment {
        if (!(length > 0) || !Double.isFinite(length))
            throw new IllegalArgumentException("RoadSegment.length must be a finite number > 0 metres, got " + length);
        if (!Double.isFinite(curvature))
            throw new IllegalArgumentException("RoadSegment.curvature must be finite (1/m), got " + curvature);
    }

    /** A straight of {@code length} metres. */
    public static RoadSegment straight(double length) {
        return new RoadSegment(length, 0);
    }

    /** An arc of {@code length} metres and {@code radius} metres, turning left when {@code left}. */
    public static RoadSegment arc(double length, double radius, boolean left) {
        if (!(radius > 0)) throw new IllegalArgumentException("RoadSegment arc radius must be > 0 metres, got " + radius);
        return new RoadSegment(length, (left ? 1 : -1) / radius);
    }
}
