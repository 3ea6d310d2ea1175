package io.il4j.envs.driving;

import java.util.List;
import java.util.Objects;

/**
 * Everything that defines a {@link DrivingEnv}: road, traffic, ego vehicle, time step, horizon and reward
 * weights. Validated on construction (an {@link IllegalArgumentException} names the field, the value and
 * the allowed range). Start from {@link #defaults()} or {@link #builder()}. Immutable, thread-safe.
 *
 * <p>Road: {@code lanes} lanes of {@code laneWidth} m; lane 0 is the rightmost, indices grow to the left,
 * as does the lateral coordinate d. The curvature profile repeats every {@code roadLength} metres (the road
 * is an endless loop in Frenet coordinates, so any horizon fits). It is either fixed ({@code roadSegments},
 * laid end to end, summing to {@code roadLength}) or random: alternating straights (60-250 m) and arcs
 * (80-300 m, radius between {@code minCurveRadius} and 4x that, either direction), drawn from
 * {@code roadSeed} when set (same road every episode) or else from each episode's seed. Curvature changes
 * linearly over {@code curveTransitionLength} metres between pieces (clothoid-like transitions).
 *
 * @param lanes                   number of lanes, 1..6
 * @param laneWidth               lane width, 3.5..4.0 m
 * @param roadLength              length of the repeating road loop, m
 * @param roadSegments            fixed layout (empty for a random road)
 * @param roadSeed                seed of a random road shared by all episodes, or null for a new road per episode
 * @param minCurveRadius          smallest arc radius of random roads, m
 * @param curveTransitionLength   length over which curvature ramps between pieces, m (0: steps)
 * @param speedLimit              m/s; progress is normalised by it and exceeding it is penalised
 * @param egoInitialSpeed         ego speed at reset, m/s
 * @param initialLateralOffsetMax ego starts at lane centre + U(-x, x) m (0: exactly at the centre)
 * @param initialHeadingErrorMax  ego starts with heading error U(-x, x) rad (0: aligned with the road)
 * @param steeringNoiseStd        std (rad) of Gaussian actuator noise added to the ego's commanded steering at every step
 *                                before clipping (0: none). The observation and a recorder still see the commanded action,
 *                                so an expert recorded with it shows DART-style data (Laskey et al. 2017): states a
 *                                slightly wrong driver reaches, labelled with the expert's clean action
 * @param trafficVehicles         number of other vehicles
 * @param trafficSpeedMin         lowest traffic desired speed as a fraction of the speed limit
 * @param trafficSpeedMax         highest traffic desired speed as a fraction of the speed limit
 * @param trafficLaneChangeRate   lane-change attempts per traffic vehicle per second (carried out only when safe)
 * @param trafficIdm              car-following model of traffic
 * @param horizon                 steps after which an episode is truncated
 * @param dt                      time step, s
 * @param vehicle                 ego geometry and actuator bounds (traffic shares length and width)
 * @param sensorRange             gaps beyond this (or with no vehicle) read as this value, m
 * @param curvatureLookAhead      the 4 distances ahead (m, non-decreasing) at which curvature is observed
 * @param rewards                 reward weights
 */
public record DrivingConfig(int lanes, double laneWidth, double roadLength, List<RoadSegment> roadSegments,
                            Long roadSeed, double minCurveRadius, double curveTransitionLength, double speedLimit,
                            double egoInitialSpeed, double initialLateralOffsetMax, double initialHeadingErrorMax,
                            double steeringNoiseStd,
                            int trafficVehicles, double trafficSpeedMin, double trafficSpeedMax,
                            double trafficLaneChangeRate, Idm trafficIdm, int horizon, double dt,
                            VehicleParams vehicle, double sensorRange, List<Double> curvatureLookAhead,
                            RewardWeights rewards) {

    /** Number of curvature look-ahead distances in the observation (fixed so observation indices are constants). */
    public static final int LOOK_AHEADS = 4;
    /** Smallest distance between vehicles spawned in one lane, m; it also bounds the traffic density. */
    public static final double SPAWN_SPACING = 30;

    public DrivingConfig {
        Objects.requireNonNull(vehicle, "DrivingConfig.vehicle must not be null");
        requireInt("lanes", lanes, 1, 6);
        require("laneWidth", laneWidth, 3.5, 4.0);
        require("roadLength", roadLength, 200, 1e6);
        Objects.requireNonNull(roadSegments, "DrivingConfig.roadSegments must not be null (use an empty list for a random road)");
        roadSegments = List.copyOf(roadSegments);
        double halfRoad = lanes * laneWidth / 2;
        if (!roadSegments.isEmpty()) {
            double total = 0;
            for (int i = 0; i < roadSegments.size(); i++) {
                RoadSegment seg = roadSegments.get(i);
                total += seg.length();
                // keeps 1 - d*kappa (Frenet metric factor) well away from 0 anywhere a vehicle can be
                if (Math.abs(seg.curvature()) * (halfRoad + 5) > 0.2)
                    throw new IllegalArgumentException("DrivingConfig.roadSegments[" + i + "] has radius "
                            + (1 / Math.abs(seg.curvature())) + " m; need at least " + 5 * (halfRoad + 5)
                            + " m for a " + lanes + "-lane road");
            }
            if (Math.abs(total - roadLength) > 1e-6 * roadLength)
                throw new IllegalArgumentException("DrivingConfig.roadSegments add up to " + total + " m but roadLength is "
                        + roadLength + " m; Builder.fixedRoad(...) sets both");
        }
        require("minCurveRadius", minCurveRadius, 5 * (halfRoad + 5), 1e5);
        require("curveTransitionLength", curveTransitionLength, 0, Math.min(500, roadLength / 4));
        require("speedLimit", speedLimit, 5, 60);
        require("egoInitialSpeed", egoInitialSpeed, 0, Math.min(1.5 * speedLimit, vehicle.maxSpeed()));
        require("initialLateralOffsetMax", initialLateralOffsetMax, 0, laneWidth);
        require("initialHeadingErrorMax", initialHeadingErrorMax, 0, 0.5);
        require("steeringNoiseStd", steeringNoiseStd, 0, vehicle.maxSteer());
        requireInt("trafficVehicles", trafficVehicles, 0, 200);
        if ((trafficVehicles + 1) * SPAWN_SPACING > 0.5 * lanes * roadLength)
            throw new IllegalArgumentException("DrivingConfig.trafficVehicles = " + trafficVehicles + " is too dense for "
                    + lanes + " lanes x " + roadLength + " m; at most " + (int) (0.5 * lanes * roadLength / SPAWN_SPACING - 1)
                    + " fit");
        require("trafficSpeedMin", trafficSpeedMin, 0.05, 1.5);
        require("trafficSpeedMax", trafficSpeedMax, trafficSpeedMin, 1.5);
        require("trafficLaneChangeRate", trafficLaneChangeRate, 0, 1);
        Objects.requireNonNull(trafficIdm, "DrivingConfig.trafficIdm must not be null");
        requireInt("horizon", horizon, 1, 10_000_000);
        require("dt", dt, 0.01, 0.5);
        require("sensorRange", sensorRange, 20, 500);
        Objects.requireNonNull(curvatureLookAhead, "DrivingConfig.curvatureLookAhead must not be null");
        curvatureLookAhead = List.copyOf(curvatureLookAhead);
        if (curvatureLookAhead.size() != LOOK_AHEADS)
            throw new IllegalArgumentException("DrivingConfig.curvatureLookAhead needs exactly " + LOOK_AHEADS
                    + " distances, got " + curvatureLookAhead.size());
        for (int i = 0; i < LOOK_AHEADS; i++) {
            double x = curvatureLookAhead.get(i);
            require("curvatureLookAhead[" + i + "]", x, i == 0 ? 0 : curvatureLookAhead.get(i - 1), Math.min(500, roadLength / 2));
        }
        Objects.requireNonNull(rewards, "DrivingConfig.rewards must not be null");
    }

    private static void require(String name, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi))
            throw new IllegalArgumentException("DrivingConfig." + name + " must be in [" + lo + ", " + hi + "], got " + value);
    }

    private static void requireInt(String name, int value, int lo, int hi) {
        if (value < lo || value > hi)
            throw new IllegalArgumentException("DrivingConfig." + name + " must be in [" + lo + ", " + hi + "], got " + value);
    }

    /** The default configuration: 3 lanes of 3.75 m, random road, 25 m/s limit, 10 vehicles, horizon 500, dt 0.1 s. */
    public static DrivingConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Half the paved width, m: the ego is off-road once |d| exceeds it. */
    public double halfRoadWidth() {
        return lanes * laneWidth / 2;
    }

    /** Lateral coordinate d of the centre of lane {@code lane} (0 = rightmost). */
    public double laneCentre(int lane) {
        return (lane - (lanes - 1) / 2.0) * laneWidth;
    }

    /** Mutable builder of {@link DrivingConfig}; not thread-safe. */
    public static final class Builder {
        private int lanes = 3;
        private double laneWidth = 3.75;
        private double roadLength = 1000;
        private List<RoadSegment> roadSegments = List.of();
        private Long roadSeed = null;
        private double minCurveRadius = 250;
        private double curveTransitionLength = 30;
        private double speedLimit = 25;
        private double egoInitialSpeed = 20;
        private double initialLateralOffsetMax = 0;
        private double initialHeadingErrorMax = 0;
        private double steeringNoiseStd = 0;
        private int trafficVehicles = 10;
        private double trafficSpeedMin = 0.6;
        private double trafficSpeedMax = 1.0;
        private double trafficLaneChangeRate = 0.05;
        private Idm trafficIdm = Idm.trafficDefault();
        private int horizon = 500;
        private double dt = 0.1;
        private VehicleParams vehicle = VehicleParams.defaults();
        private double sensorRange = 100;
        private List<Double> curvatureLookAhead = List.of(0.0, 10.0, 25.0, 50.0);
        private RewardWeights rewards = RewardWeights.defaults();

        private Builder() {
        }

        private Builder(DrivingConfig c) {
            lanes = c.lanes;
            laneWidth = c.laneWidth;
            roadLength = c.roadLength;
            roadSegments = c.roadSegments;
            roadSeed = c.roadSeed;
            minCurveRadius = c.minCurveRadius;
            curveTransitionLength = c.curveTransitionLength;
            speedLimit = c.speedLimit;
            egoInitialSpeed = c.egoInitialSpeed;
            initialLateralOffsetMax = c.initialLateralOffsetMax;
            initialHeadingErrorMax = c.initialHeadingErrorMax;
            steeringNoiseStd = c.steeringNoiseStd;
            trafficVehicles = c.trafficVehicles;
            trafficSpeedMin = c.trafficSpeedMin;
            trafficSpeedMax = c.trafficSpeedMax;
            trafficLaneChangeRate = c.trafficLaneChangeRate;
            trafficIdm = c.trafficIdm;
            horizon = c.horizon;
            dt = c.dt;
            vehicle = c.vehicle;
            sensorRange = c.sensorRange;
            curvatureLookAhead = c.curvatureLookAhead;
            rewards = c.rewards;
        }

        public Builder lanes(int v) { lanes = v; return this; }
        public Builder laneWidth(double v) { laneWidth = v; return this; }
        public Builder roadLength(double v) { roadLength = v; return this; }
        /** A fixed layout; also sets {@code roadLength} to the segments' total length. */
        public Builder fixedRoad(List<RoadSegment> segments) {
            roadSegments = List.copyOf(segments);
            roadLength = segments.stream().mapToDouble(RoadSegment::length).sum();
            return this;
        }
        /** A fixed layout (see {@link #fixedRoad(List)}). */
        public Builder fixedRoad(RoadSegment... segments) { return fixedRoad(List.of(segments)); }
        /** A random road per episode (clears a fixed layout and a road seed). */
        public Builder randomRoad() { roadSegments = List.of(); roadSeed = null; return this; }
        /** One random road, drawn from {@code seed}, for every episode (clears a fixed layout). */
        public Builder roadSeed(long seed) { roadSegments = List.of(); roadSeed = seed; return this; }
        public Builder minCurveRadius(double v) { minCurveRadius = v; return this; }
        public Builder curveTransitionLength(double v) { curveTransitionLength = v; return this; }
        public Builder speedLimit(double v) { speedLimit = v; return this; }
        public Builder egoInitialSpeed(double v) { egoInitialSpeed = v; return this; }
        public Builder initialLateralOffsetMax(double v) { initialLateralOffsetMax = v; return this; }
        public Builder initialHeadingErrorMax(double v) { initialHeadingErrorMax = v; return this; }
        public Builder steeringNoiseStd(double v) { steeringNoiseStd = v; return this; }
        public Builder trafficVehicles(int v) { trafficVehicles = v; return this; }
        public Builder trafficSpeedRange(double minFraction, double maxFraction) {
            trafficSpeedMin = minFraction;
            trafficSpeedMax = maxFraction;
            return this;
        }
        public Builder trafficLaneChangeRate(double v) { trafficLaneChangeRate = v; return this; }
        public Builder trafficIdm(Idm v) { trafficIdm = v; return this; }
        public Builder horizon(int v) { horizon = v; return this; }
        public Builder dt(double v) { dt = v; return this; }
        public Builder vehicle(VehicleParams v) { vehicle = v; return this; }
        public Builder sensorRange(double v) { sensorRange = v; return this; }
        public Builder curvatureLookAhead(double d0, double d1, double d2, double d3) {
            curvatureLookAhead = List.of(d0, d1, d2, d3);
            return this;
        }
        public Builder rewards(RewardWeights v) { rewards = v; return this; }

        public DrivingConfig build() {
            return new DrivingConfig(lanes, laneWidth, roadLength, roadSegments, roadSeed, minCurveRadius,
                    curveTransitionLength, speedLimit, egoInitialSpeed, initialLateralOffsetMax, initialHeadingErrorMax,
                    steeringNoiseStd,
                    trafficVehicles, trafficSpeedMin, trafficSpeedMax, trafficLaneChangeRate, trafficIdm, horizon, dt,
                    vehicle, sensorRange, curvatureLookAhead, rewards);
        }
    }
}
