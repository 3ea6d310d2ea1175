package io.il4j.envs.driving.internal;

import io.il4j.envs.driving.DrivingConfig;
import io.il4j.envs.driving.Idm;

import static io.il4j.envs.driving.DrivingObservation.*;

/**
 * Building blocks of the driving experts, each a function of one observation (plus configuration
 * constants), so an expert built from them can label any state: lane-keeping steering, IDM car following
 * per lane, lane-change safety. Immutable, thread-safe.
 */
public final class DrivingController {

    /** Heading-loop gain, 1/s: the heading error approaches its target with this rate. */
    static final double K_HEADING = 2.5;
    /** Lateral-loop gain, 1/s: the lateral error decays with this rate (with the heading loop: damping ~0.9). */
    static final double K_LATERAL = 0.8;
    /** Largest heading error the lateral loop asks for, rad (bounds the approach angle after big offsets). */
    static final double MAX_HEADING_TARGET = 0.25;
    /** Speed floor in the steering law, m/s (the gains scale with 1/v). */
    static final double MIN_STEER_SPEED = 3.0;
    /** Lateral acceleration the expert accepts in curves, m/s^2. */
    static final double CURVE_LATERAL_ACCEL = 2.5;
    /** The expert's own car-following model. */
    static final Idm EXPERT_IDM = new Idm(2.0, 2.5, 1.3, 3.0, 4.0);
    /** Largest deceleration a lane change may impose on the ego or its new follower, m/s^2. */
    static final double SAFE_DECEL = 2.5;
    static final double MIN_FRONT_GAP = 8.0, MIN_REAR_GAP = 6.0;
    /** Lateral offset (m) beyond which a vehicle heading the same way counts as changing lanes. */
    static final double CHANGING_OFFSET = 0.3;

    private final DrivingConfig config;
    private final double wheelbase, maxSteer, maxAccel, maxBrake, range;

    public DrivingController(DrivingConfig config) {
        this.config = config;
        this.wheelbase = config.vehicle().wheelbase();
        this.maxSteer = config.vehicle().maxSteer();
        this.maxAccel = config.vehicle().maxAccel();
        this.maxBrake = config.vehicle().maxBrake();
        this.range = config.sensorRange();
    }

    /** The speed limit, lowered where the sharpest curvature ahead would exceed the accepted lateral acceleration. */
    public double cruiseSpeed(double[] obs, double limit) {
        double k = 0;
        for (int i = 0; i < DrivingConfig.LOOK_AHEADS; i++) k = Math.max(k, Math.abs(obs[CURVATURE + i]));
        return k > 0 ? Math.min(limit, Math.sqrt(CURVE_LATERAL_ACCEL / k)) : limit;
    }

    /**
     * Steering that brings the lateral offset to {@code targetOffset} (m, relative to own lane centre): the
     * lateral error sets a target heading error (-atan(K_LATERAL e / v), bounded), the heading error is driven
     * to it at rate K_HEADING, on top of the curvature feed-forward of the current lane.
     */
    public double steering(double[] obs, double targetOffset) {
        double v = Math.max(obs[SPEED], MIN_STEER_SPEED);
        double heading = obs[HEADING_ERROR];
        double d = config.laneCentre((int) obs[LANE_INDEX]) + obs[LATERAL_OFFSET];
        double kappa = obs[CURVATURE];
        double lateralError = obs[LATERAL_OFFSET] - targetOffset;
        double headingTarget = clip(-Math.atan(K_LATERAL * lateralError / v), MAX_HEADING_TARGET);
        double tanDelta = wheelbase * (kappa * Math.cos(heading) / (1 - d * kappa) + K_HEADING * (headingTarget - heading) / v);
        return clip(Math.atan(tanDelta), maxSteer);
    }

    /** IDM acceleration behind the leader of lane {@code side} (free road when none is in range). */
    public double laneAcceleration(double[] obs, int side, double desiredSpeed) {
        double gap = obs[frontGap(side)];
        double v = obs[SPEED];
        if (gap >= range) return EXPERT_IDM.freeAcceleration(v, desiredSpeed);
        return EXPERT_IDM.acceleration(v, desiredSpeed, gap, -obs[frontRelSpeed(side)]);
    }

    public boolean laneExists(double[] obs, int side) {
        return side == OWN || obs[side == LEFT ? LEFT_LANE_EXISTS : RIGHT_LANE_EXISTS] > 0.5;
    }

    /**
     * Lane {@code side} exists, has room ahead and behind, and entering it would make neither the ego nor its
     * new follower (assumed to drive the traffic IDM towards the speed limit) brake harder than SAFE_DECEL.
     */
    public boolean safeToEnter(double[] obs, int side, double desiredSpeed) {
        if (!laneExists(obs, side)) return false;
        double frontGap = obs[frontGap(side)], rearGap = obs[rearGap(side)];
        if (frontGap < MIN_FRONT_GAP || rearGap < MIN_REAR_GAP) return false;
        if (laneAcceleration(obs, side, desiredSpeed) < -SAFE_DECEL) return false;
        if (rearGap >= range) return true;
        double v = obs[SPEED], follower = v + obs[rearRelSpeed(side)];
        double followerAccel = config.trafficIdm().acceleration(follower, Math.max(follower, config.speedLimit()),
                rearGap, follower - v);
        return followerAccel >= -SAFE_DECEL;
    }

    /**
     * The side the ego is visibly moving to ({@link io.il4j.envs.driving.DrivingObservation#LEFT} or
     * {@code RIGHT}): off-centre by more than CHANGING_OFFSET and heading further out; else {@code OWN}.
     */
    public int movingToward(double[] obs) {
        double offset = obs[LATERAL_OFFSET], heading = obs[HEADING_ERROR];
        if (Math.abs(offset) < CHANGING_OFFSET || offset * heading <= 0) return OWN;
        return offset > 0 ? LEFT : RIGHT;
    }

    /** Lateral target (m, relative to own lane centre) of lane {@code side}. */
    public double targetOffset(int side) {
        return side == LEFT ? config.laneWidth() : (side == RIGHT ? -config.laneWidth() : 0);
    }

    /** {@code accel} clipped to the action bounds. */
    public double clipAccel(double accel) {
        return accel < -maxBrake ? -maxBrake : Math.min(accel, maxAccel);
    }

    private static double clip(double x, double bound) {
        return x < -bound ? -bound : Math.min(x, bound);
    }
}
