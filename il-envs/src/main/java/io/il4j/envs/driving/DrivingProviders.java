package io.il4j.envs.driving;

import io.il4j.core.env.Env;
import io.il4j.core.policy.ExpertOracle;
import io.il4j.core.policy.Policy;
import io.il4j.envs.BehaviourTier;
import io.il4j.envs.Behaviours;
import io.il4j.envs.EnvOption;
import io.il4j.envs.EnvOptions;
import io.il4j.envs.EnvProvider;

import java.util.List;

/**
 * Registry entries for {@code driving} and {@code driving-goal}. Options map onto {@link DrivingConfig};
 * the medium tier is {@link DrivingBehaviours#medium} (Gaussian action noise plus occasional random
 * actions), and {@code mixed} falls back to the generic per-episode expert/random blend.
 */
public final class DrivingProviders {

    private DrivingProviders() {
    }

    public static List<EnvProvider> all() {
        return List.of(new Driving(), new DrivingGoal());
    }

    /** The command-line options; their defaults are those of {@code d} (the goal variant has its own horizon). */
    static List<EnvOption> drivingOptions(DrivingConfig d) {
        return List.of(EnvOption.maxSteps(d.horizon()),
                new EnvOption("lanes", "" + d.lanes(), "number of lanes, >= 1"),
                new EnvOption("traffic", "" + d.trafficVehicles(), "number of IDM traffic vehicles, >= 0"),
                new EnvOption("road_seed", "random", "seed of the road's curvature profile, or 'random' (drawn per episode)"),
                new EnvOption("start_offset", "" + d.initialLateralOffsetMax(),
                        "the ego starts up to this far (m) off its lane centre, uniformly (recorded demonstrations then show recoveries)"),
                new EnvOption("start_heading", "" + d.initialHeadingErrorMax(),
                        "the ego starts with a heading error up to this (rad), uniformly"),
                new EnvOption("steer_noise", "" + d.steeringNoiseStd(),
                        "std (rad) of Gaussian noise added to the executed steering each step; the commanded action is what "
                                + "gets recorded (DART-style demonstrations: states off the expert's path, clean labels)"));
    }

    static DrivingConfig config(EnvOptions o) {
        return config(DrivingConfig.defaults(), o);
    }

    /** {@code base} with the command-line options applied (the goal variant has its own traffic defaults). */
    static DrivingConfig config(DrivingConfig base, EnvOptions o) {
        DrivingConfig.Builder b = base.toBuilder()
                .horizon(o.maxSteps())
                .lanes(o.integer("lanes"))
                .trafficVehicles(o.integer("traffic"))
                .initialLateralOffsetMax(o.number("start_offset"))
                .initialHeadingErrorMax(o.number("start_heading"))
                .steeringNoiseStd(o.number("steer_noise"));
        String roadSeed = o.string("road_seed");
        if (!"random".equals(roadSeed)) {
            try {
                b.roadSeed(Long.parseLong(roadSeed));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("driving option road_seed must be an integer or 'random', got '" + roadSeed + "'");
            }
        }
        return b.build();
    }

    static final class Driving implements EnvProvider {
        @Override
        public String id() {
            return "driving";
        }

        @Override
        public String description() {
            return "multi-lane road with curves and IDM traffic; kinematic bicycle ego (steer, accel); 22 sensor-style observations";
        }

        @Override
        public List<EnvOption> options() {
            return drivingOptions(DrivingConfig.defaults());
        }

        @Override
        public Env make(EnvOptions o) {
            return new DrivingEnv(config(o));
        }

        @Override
        public ExpertOracle expert(EnvOptions o) {
            return new DrivingExpert(config(o));
        }

        @Override
        public double mediumEpsilon() {
            return DrivingBehaviours.MEDIUM_EPSILON;
        }

        @Override
        public Policy behaviour(BehaviourTier tier, Env env, EnvOptions options, long seed) {
            if (tier == BehaviourTier.MIXED) return Behaviours.create(this, tier, env, options, seed);
            return DrivingBehaviours.forTier(tier.id(), config(options), seed);
        }
    }

    static final class DrivingGoal implements EnvProvider {
        @Override
        public String id() {
            return "driving-goal";
        }

        @Override
        public String description() {
            return "driving with a goal per episode: target lane and target speed (GoalEnv)";
        }

        @Override
        public List<EnvOption> options() {
            return drivingOptions(DrivingGoalConfig.defaults().driving());
        }

        private static DrivingGoalConfig goalConfig(EnvOptions o) {
            DrivingGoalConfig defaults = DrivingGoalConfig.defaults();
            return defaults.withDriving(config(defaults.driving(), o));
        }

        @Override
        public Env make(EnvOptions o) {
            return new DrivingGoalEnv(goalConfig(o));
        }

        /** Input: the observation followed by the goal (target lane, target speed). */
        @Override
        public ExpertOracle expert(EnvOptions o) {
            return new DrivingGoalExpert(goalConfig(o));
        }

        /**
         * The goal variant uses the generic epsilon-random medium tier. Measured normalized scores (60 episodes):
         * epsilon 0.2 → 87, 0.3 → 66, 0.4 → 38; 0.35 lands near half-way.
         */
        @Override
        public double mediumEpsilon() {
            return 0.35;
        }
    }
}
