package io.il4j.envs.driving;

/**
 * Geometry and actuator limits of a vehicle (the ego; traffic shares length and width). Immutable,
 * thread-safe.
 *
 * @param wheelbase distance between the axles, m (kinematic bicycle model)
 * @param length    body length, m (collision box and gap measurement)
 * @param width     body width, m
 * @param maxSteer  steering-angle bound, rad: the action box is {@code [-maxSteer, maxSteer]}
 * @param maxAccel  largest acceleration, m/s^2 (upper action bound)
 * @param maxBrake  largest deceleration, m/s^2, positive (lower action bound is {@code -maxBrake})
 * @param maxSpeed  top speed of the ego, m/s (its speed is kept in [0, maxSpeed])
 */
public record VehicleParams(double wheelbase, double length, double width, double maxSteer, double maxAccel,
                            double maxBrake, double maxSpeed) {

    /**
     * A mid-size car: wheelbase 2.7 m, 4.5 x 1.8 m, steering within +-0.15 rad, acceleration in [-6, 3] m/s^2,
     * top speed 50 m/s.
     */
    public static VehicleParams defaults() {
        return new VehicleParams(2.7, 4.5, 1.8, 0.15, 3.0, 6.0, 50.0);
    }

    public VehicleParams {
        requireRange("wheelbase", wheelbase, 0.5, 10);
        requireRange("length", length, 1, 20);
        requireRange("width", width, 0.5, 3);
        requireRange("maxSteer", maxSteer, 0.01, 1.0);
        requireRange("maxAccel", maxAccel, 0.1, 20);
        requireRange("maxBrake", maxBrake, 0.1, 20);
        requireRange("maxSpeed", maxSpeed, 1, 150);
        if (wheelbase > length)
            throw new IllegalArgumentException("VehicleParams.wheelbase (" + wheelbase + " m) must not exceed length (" + length + " m)");
    }

    private static void requireRange(String name, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi))
            throw new IllegalArgumentException("VehicleParams." + name + " must be in [" + lo + ", " + hi + "], got " + value);
    }
}
