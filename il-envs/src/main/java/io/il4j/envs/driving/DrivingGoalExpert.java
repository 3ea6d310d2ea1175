package io.il4j.envs.driving;

import io.il4j.core.policy.ExpertOracle;
import io.il4j.envs.driving.internal.DrivingController;

import static io.il4j.envs.driving.DrivingObservation.*;

/**
 * Expert of {@link DrivingGoalEnv}. Input: {@code concat(observation, goal)}, that is
 * {@value DrivingObservation#DIM} observation numbers followed by the goal {@code [target lane, target speed]}
 * ({@link #INPUT_DIM} numbers in all). It steers to the target lane one lane at a time, changing only when
 * that lane is safe by the same test as {@link DrivingExpert} (and slowing by 3 m/s while blocked, to let
 * the blocking vehicle by), and tracks the target speed (never faster than the curve speed) with a
 * proportional controller (gain 1/s), limited by the IDM gap term behind its leader(s): an IDM with unbounded
 * desired speed, so following a leader does not settle below the target as plain IDM does. Stateless and thread-safe.
 */
public final class DrivingGoalExpert implements ExpertOracle {

    public static final int INPUT_DIM = DIM + DrivingGoalEnv.GOAL_DIM;
    /** Speed reduction while the lane change towards the goal is blocked, m/s. */
    static final double BLOCKED_SLOWDOWN = 3.0;
    /** Proportional gain of speed tracking, 1/s. */
    static final double SPEED_GAIN = 1.0;

    private final DrivingConfig config;
    private final DrivingController controller;

    public DrivingGoalExpert() {
        this(DrivingGoalConfig.defaults());
    }

    public DrivingGoalExpert(DrivingGoalConfig config) {
        if (config == null) throw new IllegalArgumentException("DrivingGoalExpert needs a DrivingGoalConfig, got null");
        this.config = config.driving();
        this.controller = new DrivingController(this.config);
    }

    @Override
    public double[] act(double[] observationAndGoal) {
        double[] out = new double[2];
        act(observationAndGoal, out);
        return out;
    }

    @Override
    public void act(double[] x, double[] actionOut) {
        if (x == null || x.length != INPUT_DIM)
            throw new IllegalArgumentException("DrivingGoalExpert expects concat(observation, goal) of " + INPUT_DIM
                    + " numbers (" + DIM + " + [lane, speed]), got " + (x == null ? "null" : x.length));
        double lane = x[LANE_INDEX], targetLane = Math.rint(x[DIM + DrivingGoalEnv.GOAL_LANE]);
        double v0 = Math.min(x[DIM + DrivingGoalEnv.GOAL_SPEED], controller.cruiseSpeed(x, config.speedLimit()));
        int wanted = targetLane > lane ? LEFT : (targetLane < lane ? RIGHT : OWN);
        int side = OWN;
        if (wanted != OWN) {
            if (controller.safeToEnter(x, wanted, v0)) side = wanted;
            else v0 = Math.max(0, v0 - BLOCKED_SLOWDOWN);
        }
        // speed tracking, limited by the IDM gap term (desired speed unbounded) behind the leader(s)
        double accel = Math.min(SPEED_GAIN * (v0 - x[SPEED]), controller.laneAcceleration(x, OWN, Double.POSITIVE_INFINITY));
        if (side != OWN) accel = Math.min(accel, controller.laneAcceleration(x, side, Double.POSITIVE_INFINITY));
        actionOut[0] = controller.steering(x, controller.targetOffset(side));
        actionOut[1] = controller.clipAccel(accel);
    }
}
