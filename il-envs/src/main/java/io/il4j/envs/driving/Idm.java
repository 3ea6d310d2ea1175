package io.il4j.envs.driving;

/**
 * The Intelligent Driver Model (Treiber, Hennecke &amp; Helbing, 2000): longitudinal acceleration
 * <pre>
 *   a = a_max * [ 1 - (v / v0)^delta - (s* / s)^2 ],   s* = s0 + max(0, v T + v dv / (2 sqrt(a_max b)))
 * </pre>
 * with speed {@code v}, desired speed {@code v0}, bumper-to-bumper gap {@code s} and approach rate
 * {@code dv = v - v_leader}. Used by traffic and by the expert. Immutable, thread-safe.
 *
 * @param maxAccel     a_max, m/s^2
 * @param comfortDecel b, m/s^2 (positive)
 * @param timeHeadway  T, s
 * @param minGap       s0, m (jam distance)
 * @param exponent     delta (4 in the original model)
 */
public record Idm(double maxAccel, double comfortDecel, double timeHeadway, double minGap, double exponent) {

    /** Smallest gap used in the interaction term, so touching vehicles give a large finite braking demand. */
    private static final double MIN_EFFECTIVE_GAP = 0.01;

    /** The traffic default: a_max 1.5, b 2.0, T 1.5 s, s0 2 m, delta 4. */
    public static Idm trafficDefault() {
        return new Idm(1.5, 2.0, 1.5, 2.0, 4.0);
    }

    public Idm {
        requirePositive("maxAccel", maxAccel);
        requirePositive("comfortDecel", comfortDecel);
        requirePositive("timeHeadway", timeHeadway);
        if (!(minGap >= 0) || !Double.isFinite(minGap))
            throw new IllegalArgumentException("Idm.minGap must be a finite number >= 0 m, got " + minGap);
        requirePositive("exponent", exponent);
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value))
            throw new IllegalArgumentException("Idm." + name + " must be a finite number > 0, got " + value);
    }

    /** Acceleration behind a leader {@code gap} metres ahead, closing at {@code approachRate} m/s. */
    public double acceleration(double speed, double desiredSpeed, double gap, double approachRate) {
        double desiredGap = minGap + Math.max(0, speed * timeHeadway
                + speed * approachRate / (2 * Math.sqrt(maxAccel * comfortDecel)));
        double ratio = desiredGap / Math.max(gap, MIN_EFFECTIVE_GAP);
        return maxAccel * (1 - speedTerm(speed, desiredSpeed) - ratio * ratio);
    }

    /** Acceleration on a free road (no leader). */
    public double freeAcceleration(double speed, double desiredSpeed) {
        return maxAccel * (1 - speedTerm(speed, desiredSpeed));
    }

    /** (v / v0)^delta. */
    private double speedTerm(double speed, double desiredSpeed) {
        double x = speed / Math.max(desiredSpeed, 1e-3);
        if (exponent == 4.0) { // the common case without Math.pow (hot path of the traffic update)
            double x2 = x * x;
            return x2 * x2;
        }
        return Math.pow(x, exponent);
    }
}
