package io.il4j.envs.driving;

import io.il4j.core.env.Env;
import io.il4j.core.env.EnvSpec;
import io.il4j.core.env.StepResult;
import io.il4j.core.space.Box;
import io.il4j.envs.driving.internal.EgoVehicle;
import io.il4j.envs.driving.internal.Road;
import io.il4j.envs.driving.internal.Traffic;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static io.il4j.envs.driving.DrivingObservation.*;

/**
 * Multi-lane highway driving on a curved road: the il4j flagship environment.
 *
 * <p><b>Dynamics.</b> The road is described in Frenet coordinates (s along the centreline, d lateral,
 * left positive) with curvature kappa(s) precomputed from {@link DrivingConfig}. The ego is a kinematic
 * bicycle (rear-axle reference, explicit Euler, see {@code internal.EgoVehicle}); nothing but its own
 * steering keeps it in lane. {@link DrivingConfig#trafficVehicles()} other vehicles follow the Intelligent
 * Driver Model in their lane (reacting to the ego too) and change lanes occasionally, only when safe
 * (seeded). Collisions are checked between the ego's and each vehicle's box, aligned with the road.
 *
 * <p><b>Reset</b>: the ego starts at s = 0 at the centre of a random lane (plus the configured random
 * offset and heading error, 0 by default), at {@link DrivingConfig#egoInitialSpeed()}; traffic is spread
 * over the road loop, 50 m clear of the ego in its lane, each vehicle at its own desired speed.
 *
 * <p><b>Action</b> {@code [steering (rad), acceleration (m/s^2)]} in
 * {@code Box([-maxSteer, -maxBrake], [maxSteer, maxAccel])}. Values outside the box are <b>clipped</b>
 * to it; a wrong length or a NaN/Inf raises {@link io.il4j.core.space.InvalidActionException}. With
 * {@link DrivingConfig#steeringNoiseStd()} &gt; 0 Gaussian actuator noise is added to the steering before clipping
 * (drawn from its own stream, seeded by the episode seed).
 *
 * <p><b>Observation</b>: {@value DrivingObservation#DIM} named sensor values, see {@link DrivingObservation}.
 *
 * <p><b>Reward</b> per step, with weights {@link RewardWeights} w, lane width W, speed limit V, time step dt:
 * <pre>
 *   w.progress * ds / (V dt)                               ds: progress along the centreline this step
 * - w.laneDeviation * |lateral offset| / (W / 2)
 * - w.comfort * ((a / 3)^2 + (v^2 (tan(delta)/L - kappa_lane) / 3)^2)   longitudinal and excess lateral accel
 * - w.overspeed * max(0, v - V) / V
 * - w.collision [on collision] - w.offRoad [on leaving the road]
 * </pre>
 * <b>Episode end</b>: collision with any vehicle or the ego's centre leaving the paved road
 * (|d| &gt; lanes W / 2) terminates; reaching {@link DrivingConfig#horizon()} steps truncates.
 * <b>Metrics</b> ({@link #episodeMetrics()}): {@code collision} and {@code off_road} (0/1),
 * {@code mean_abs_lateral_offset} (m, over steps), {@code progress} (m along the centreline),
 * {@code mean_speed} (m/s), {@code lane_changes} (ego lane-index changes).
 *
 * <p>Deterministic given the seed of {@link #reset(long)}. The step allocates only the returned
 * observation and result. Not thread-safe: one instance per thread.
 */
public final class DrivingEnv implements Env {

    /** Reference acceleration of the comfort term, m/s^2. */
    static final double COMFORT_ACCEL = 3.0;
    /** Mixed into the episode seed for the steering-noise stream. */
    private static final long STEERING_NOISE_STREAM = 0x57EE12A0D15EL;

    private final DrivingConfig config;
    private final EnvSpec spec;
    private final Box actionSpace;
    private final Traffic traffic;
    private final EgoVehicle ego = new EgoVehicle();
    private final double[] lookAhead = new double[DrivingConfig.LOOK_AHEADS];
    private final double maxSteer, maxAccel, maxBrake, maxSpeed, wheelbase, dt, speedLimit, halfLane, halfRoad, range;
    private final RewardWeights w;
    /** Road shared by all episodes, or null when every episode draws its own. */
    private final Road fixedRoad;
    private Road road;
    private SplittableRandom rng;
    /** Actuator-noise stream, separate from {@link #rng} so that noise leaves traffic and road draws unchanged; null without noise. */
    private SplittableRandom steeringNoise;

    private boolean running, everReset, collided, offRoad;
    private int steps, laneChanges, lastLane;
    private double sumAbsOffset, sumSpeed;

    public DrivingEnv() {
        this(DrivingConfig.defaults());
    }

    public DrivingEnv(DrivingConfig config) {
        if (config == null) throw new IllegalArgumentException("DrivingEnv needs a DrivingConfig, got null");
        this.config = config;
        VehicleParams p = config.vehicle();
        this.maxSteer = p.maxSteer();
        this.maxAccel = p.maxAccel();
        this.maxBrake = p.maxBrake();
        this.maxSpeed = p.maxSpeed();
        this.wheelbase = p.wheelbase();
        this.dt = config.dt();
        this.speedLimit = config.speedLimit();
        this.halfLane = config.laneWidth() / 2;
        this.halfRoad = config.halfRoadWidth();
        this.range = config.sensorRange();
        this.w = config.rewards();
        for (int i = 0; i < lookAhead.length; i++) lookAhead[i] = config.curvatureLookAhead().get(i);
        this.actionSpace = actionSpace(config);
        this.spec = new EnvSpec("driving", DrivingObservation.names(config), actionSpace,
                List.of("steering", "acceleration"), config.horizon());
        this.traffic = new Traffic(config);
        boolean shared = !config.roadSegments().isEmpty() || config.roadSeed() != null;
        this.fixedRoad = shared ? Road.build(config, config.roadSeed() == null ? 0 : config.roadSeed()) : null;
    }

    public DrivingConfig config() {
        return config;
    }

    /** The action box of {@code config}: {@code [steering, acceleration]} in {@code [-maxSteer, -maxBrake]..[maxSteer, maxAccel]}. */
    public static Box actionSpace(DrivingConfig config) {
        VehicleParams p = config.vehicle();
        return new Box(new double[]{-p.maxSteer(), -p.maxBrake()}, new double[]{p.maxSteer(), p.maxAccel()});
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public double[] reset(long seed) {
        rng = new SplittableRandom(seed);
        steeringNoise = config.steeringNoiseStd() > 0 ? new SplittableRandom(seed ^ STEERING_NOISE_STREAM) : null;
        long roadSeed = rng.nextLong(); // drawn even for a shared road so the rest of the stream is the same
        road = fixedRoad != null ? fixedRoad : Road.build(config, roadSeed);
        int lane = rng.nextInt(config.lanes());
        double offset = (2 * rng.nextDouble() - 1) * config.initialLateralOffsetMax();
        double heading = (2 * rng.nextDouble() - 1) * config.initialHeadingErrorMax();
        ego.set(0, config.laneCentre(lane) + offset, heading, config.egoInitialSpeed());
        traffic.spawn(road, rng, ego.s, ego.d, ego.speed,
                config.trafficSpeedMin() * speedLimit, config.trafficSpeedMax() * speedLimit);
        running = true;
        everReset = true;
        collided = false;
        offRoad = false;
        steps = 0;
        laneChanges = 0;
        lastLane = traffic.laneOf(ego.d);
        sumAbsOffset = 0;
        sumSpeed = 0;
        return observe();
    }

    @Override
    public StepResult step(double[] action) {
        if (!running) throw new IllegalStateException(everReset
                ? "DrivingEnv.step: the episode has ended (terminated or truncated); call reset(seed) first"
                : "DrivingEnv.step: call reset(seed) before the first step");
        actionSpace.validate(action);
        double commanded = steeringNoise == null ? action[0] : action[0] + config.steeringNoiseStd() * steeringNoise.nextGaussian();
        double steer = clip(commanded, -maxSteer, maxSteer);
        double accel = clip(action[1], -maxBrake, maxAccel);

        double kappa = road.curvature(ego.s);
        double speed0 = ego.speed, d0 = ego.d, progress0 = ego.progress;
        traffic.computeAccelerations();
        traffic.considerLaneChanges(rng);
        ego.step(steer, accel, kappa, wheelbase, maxSpeed, dt, road);
        traffic.advanceTraffic();
        traffic.setEgo(ego.s, ego.d, ego.speed);
        traffic.rebuild();
        collided = traffic.egoCollides();
        offRoad = Math.abs(ego.d) > halfRoad;
        double[] obs = observe();

        double offset = obs[LATERAL_OFFSET];
        double excessLateral = speed0 * speed0 * (Math.tan(steer) / wheelbase - kappa / (1 - d0 * kappa));
        double ca = accel / COMFORT_ACCEL, cl = excessLateral / COMFORT_ACCEL;
        double reward = w.progress() * (ego.progress - progress0) / (speedLimit * dt)
                - w.laneDeviation() * Math.abs(offset) / halfLane
                - w.comfort() * (ca * ca + cl * cl)
                - w.overspeed() * Math.max(0, ego.speed - speedLimit) / speedLimit;
        if (collided) reward -= w.collision();
        if (offRoad) reward -= w.offRoad();

        steps++;
        sumAbsOffset += Math.abs(offset);
        sumSpeed += ego.speed;
        int lane = (int) obs[LANE_INDEX];
        if (lane != lastLane && !offRoad) laneChanges++;
        lastLane = lane;
        boolean terminated = collided || offRoad;
        boolean truncated = !terminated && steps >= config.horizon();
        running = !(terminated || truncated);
        return new StepResult(obs, reward, terminated, truncated);
    }

    /**
     * Pushes the ego sideways by {@code lateralDelta} m and turns it by {@code headingDelta} rad without
     * advancing time (a disturbance, as in DART-style data collection or a recovery test), and returns the
     * new observation. The next {@link #step} checks the new state for collision and leaving the road.
     */
    public double[] perturbEgo(double lateralDelta, double headingDelta) {
        if (!running) throw new IllegalStateException("DrivingEnv.perturbEgo: no episode is running; call reset(seed) first");
        if (!Double.isFinite(lateralDelta) || !Double.isFinite(headingDelta))
            throw new IllegalArgumentException("DrivingEnv.perturbEgo: deltas must be finite, got lateral "
                    + lateralDelta + " m, heading " + headingDelta + " rad");
        ego.d += lateralDelta;
        ego.headingError = EgoVehicle.wrapAngle(ego.headingError + headingDelta);
        traffic.setEgo(ego.s, ego.d, ego.speed);
        traffic.rebuild();
        return observe();
    }

    @Override
    public Map<String, Double> episodeMetrics() {
        return Map.of("collision", collided ? 1.0 : 0.0,
                "off_road", offRoad ? 1.0 : 0.0,
                "mean_abs_lateral_offset", steps == 0 ? 0.0 : sumAbsOffset / steps,
                "progress", ego.progress,
                "mean_speed", steps == 0 ? 0.0 : sumSpeed / steps,
                "lane_changes", (double) laneChanges);
    }

    /** Whether the last step ended in a collision (package use: the goal-conditioned variant). */
    boolean collided() {
        return collided;
    }

    /** Whether the last step left the road. */
    boolean offRoad() {
        return offRoad;
    }

    /** The ego's state (tests). */
    EgoVehicle ego() {
        return ego;
    }

    /** Number of traffic lane changes this episode (tests). */
    int trafficLaneChanges() {
        return traffic.laneChanges();
    }

    private double[] observe() {
        double[] obs = new double[DIM];
        int lane = traffic.laneOf(ego.d);
        obs[LATERAL_OFFSET] = ego.d - config.laneCentre(lane);
        obs[HEADING_ERROR] = ego.headingError;
        obs[SPEED] = ego.speed;
        for (int k = 0; k < lookAhead.length; k++) obs[CURVATURE + k] = road.curvature(ego.s + lookAhead[k]);
        obs[LANE_INDEX] = lane;
        obs[LEFT_LANE_EXISTS] = lane < config.lanes() - 1 ? 1 : 0;
        obs[RIGHT_LANE_EXISTS] = lane > 0 ? 1 : 0;
        traffic.observeLane(lane, range, obs, frontGap(OWN));
        traffic.observeLane(lane + 1, range, obs, frontGap(LEFT));
        traffic.observeLane(lane - 1, range, obs, frontGap(RIGHT));
        return obs;
    }

    private static double clip(double x, double lo, double hi) {
        return x < lo ? lo : (x > hi ? hi : x);
    }
}
