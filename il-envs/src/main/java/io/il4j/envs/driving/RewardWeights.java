package io.il4j.envs.driving;

/**
 * Weights of the driving reward (see {@link DrivingEnv} for the formula). Immutable, thread-safe.
 *
 * @param progress      weight of progress; driving at the speed limit along the centreline earns this per step
 * @param laneDeviation weight of |lateral offset from own lane centre| / (lane width / 2), per step
 * @param comfort       weight of (accel / 3)^2 + (excess lateral accel / 3)^2, per step (accelerations in m/s^2)
 * @param overspeed     weight of max(0, speed - limit) / limit, per step
 * @param collision     penalty subtracted once on a collision (which ends the episode)
 * @param offRoad       penalty subtracted once on leaving the road (which ends the episode)
 */
public record RewardWeights(double progress, double laneDeviation, double comfort, double overspeed,
                            double collision, double offRoad) {

    public static RewardWeights defaults() {
        return new RewardWeights(1.0, 0.3, 0.02, 2.0, 100.0, 100.0);
    }

    public RewardWeights {
        requireNonNegative("progress", progress);
        requireNonNegative("laneDeviation", laneDeviation);
        requireNonNegative("comfort", comfort);
        requireNonNegative("overspeed", overspeed);
        requireNonNegative("collision", collision);
        requireNonNegative("offRoad", offRoad);
    }

    private static void requireNonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value))
            throw new IllegalArgumentException("RewardWeights." + name + " must be a finite number >= 0, got " + value);
    }
}
