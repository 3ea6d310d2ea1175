package io.il4j.envs.driving;

import java.util.Objects;

/**
 * Configuration of {@link DrivingGoalEnv}: the driving configuration plus how goals are drawn and judged.
 * Validated on construction. Immutable, thread-safe.
 *
 * @param driving        the underlying road, traffic and vehicle (its horizon is the episode length)
 * @param minTargetSpeed lowest target speed drawn at reset, m/s
 * @param maxTargetSpeed highest target speed drawn at reset, m/s
 * @param speedTolerance |speed - target speed| within which the speed part of the goal counts as met, m/s
 * @param holdSteps      k: an episode succeeds when the goal was met on each of its last k steps
 */
public record DrivingGoalConfig(DrivingConfig driving, double minTargetSpeed, double maxTargetSpeed,
                                double speedTolerance, int holdSteps) {

    /**
     * Default driving with horizon 200 and traffic wanting 20-25 m/s; target speed 14-20 m/s (at or below the
     * traffic's, so a slow leader rarely makes a goal unreachable); tolerance 1 m/s; held for the last 10 steps.
     */
    public static DrivingGoalConfig defaults() {
        return new DrivingGoalConfig(DrivingConfig.builder().horizon(200).trafficSpeedRange(0.8, 1.0).build(),
                14, 20, 1.0, 10);
    }

    public DrivingGoalConfig {
        Objects.requireNonNull(driving, "DrivingGoalConfig.driving must not be null");
        double top = 1.5 * driving.speedLimit();
        if (!(minTargetSpeed > 0 && minTargetSpeed <= top))
            throw new IllegalArgumentException("DrivingGoalConfig.minTargetSpeed must be in (0, " + top + "] m/s, got " + minTargetSpeed);
        if (!(maxTargetSpeed >= minTargetSpeed && maxTargetSpeed <= top))
            throw new IllegalArgumentException("DrivingGoalConfig.maxTargetSpeed must be in [" + minTargetSpeed + ", " + top
                    + "] m/s, got " + maxTargetSpeed);
        if (!(speedTolerance > 0 && speedTolerance <= 10))
            throw new IllegalArgumentException("DrivingGoalConfig.speedTolerance must be in (0, 10] m/s, got " + speedTolerance);
        if (holdSteps < 1 || holdSteps > driving.horizon())
            throw new IllegalArgumentException("DrivingGoalConfig.holdSteps must be in [1, horizon = " + driving.horizon()
                    + "], got " + holdSteps);
    }

    /** This configuration with another driving configuration (same goal settings). */
    public DrivingGoalConfig withDriving(DrivingConfig newDriving) {
        return new DrivingGoalConfig(newDriving, minTargetSpeed, maxTargetSpeed, speedTolerance, holdSteps);
    }
}
