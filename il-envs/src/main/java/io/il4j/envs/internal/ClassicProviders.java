package io.il4j.envs.internal;

import io.il4j.core.env.Env;
import io.il4j.core.policy.ExpertOracle;
import io.il4j.core.policy.Policy;
import io.il4j.envs.EnvOption;
import io.il4j.envs.EnvOptions;
import io.il4j.envs.EnvProvider;
import io.il4j.envs.cartpole.CartPoleEnv;
import io.il4j.envs.cartpole.CartPoleExpert;
import io.il4j.envs.gridworld.GridWorldEnv;
import io.il4j.envs.gridworld.GridWorldExpert;
import io.il4j.envs.gridworld.GridWorldMdp;
import io.il4j.envs.pendulum.PendulumEnv;
import io.il4j.envs.pendulum.PendulumExpert;
import io.il4j.envs.pointmass.ObstacleExpert;
import io.il4j.envs.pointmass.PointMassEnv;
import io.il4j.envs.pointmass.PointMassExpert;
import io.il4j.envs.pointmass.PointMassObstacleEnv;

import java.util.List;
import java.util.Locale;

/**
 * Registry entries of the classic environments. The medium-tier epsilons were tuned so the medium
 * return lands roughly half-way between random and expert (measured figures in il-envs/README.md).
 */
public final class ClassicProviders {

    private ClassicProviders() {
    }

    public static List<EnvProvider> all() {
        return List.of(new CartPole(), new Pendulum(), new PointMass(), new PointMassObstacle(), new GridWorld());
    }

    static final class CartPole implements EnvProvider {
        @Override
        public String id() {
            return CartPoleEnv.ID;
        }

        @Override
        public String description() {
            return "Gymnasium CartPole-v1: balance a pole on a cart, Discrete(2), reward 1 per step, 500 steps";
        }

        @Override
        public List<EnvOption> options() {
            return List.of(EnvOption.maxSteps(CartPoleEnv.DEFAULT_MAX_STEPS));
        }

        @Override
        public Env make(EnvOptions o) {
            return new CartPoleEnv(o.maxSteps());
        }

        @Override
        public ExpertOracle expert(EnvOptions o) {
            return new CartPoleExpert();
        }

        @Override
        public double mediumEpsilon() {
            return 0.45;
        }
    }

    static final class Pendulum implements EnvProvider {
        @Override
        public String id() {
            return PendulumEnv.ID;
        }

        @Override
        public String description() {
            return "Gymnasium Pendulum-v1: swing up and hold, torque in [-2, 2], 200 steps";
        }

        @Override
        public List<EnvOption> options() {
            return List.of(EnvOption.maxSteps(PendulumEnv.DEFAULT_MAX_STEPS),
                    new EnvOption("g", "10", "gravity, > 0"));
        }

        @Override
        public Env make(EnvOptions o) {
            return new PendulumEnv(o.number("g"), o.maxSteps());
        }

        @Override
        public ExpertOracle expert(EnvOptions o) {
            return new PendulumExpert(o.number("g"));
        }

        @Override
        public double mediumEpsilon() {
            return 0.67;
        }
    }

    static final class PointMass implements EnvProvider {
        @Override
        public String id() {
            return PointMassEnv.ID;
        }

        @Override
        public String description() {
            return "goal-conditioned 2-D point, velocity control to a goal anywhere in [-1, 1]^2 (GoalEnv), 50 steps";
        }

        @Override
        public List<EnvOption> options() {
            return List.of(EnvOption.maxSteps(PointMassEnv.DEFAULT_MAX_STEPS));
        }

        @Override
        public Env make(EnvOptions o) {
            return new PointMassEnv(o.maxSteps());
        }

        /** Input {@code (x, y, goal_x, goal_y)}. */
        @Override
        public ExpertOracle expert(EnvOptions o) {
            return new PointMassExpert();
        }

        @Override
        public double mediumEpsilon() {
            return 0.8;
        }
    }

    static final class PointMassObstacle implements EnvProvider {
        @Override
        public String id() {
            return PointMassObstacleEnv.ID;
        }

        @Override
        public String description() {
            return "2-D point around a wall to a fixed goal; bimodal expert (left or right at random per episode), 100 steps";
        }

        @Override
        public List<EnvOption> options() {
            return List.of(EnvOption.maxSteps(PointMassObstacleEnv.DEFAULT_MAX_STEPS));
        }

        @Override
        public Env make(EnvOptions o) {
            return new PointMassObstacleEnv(o.maxSteps());
        }

        @Override
        public ExpertOracle expert(EnvOptions o) {
            return ObstacleExpert.oracle();
        }

        /** The bimodal expert: a seeded coin per episode picks the side. */
        @Override
        public Policy demonstrator(Env env, EnvOptions o, long seed) {
            return ObstacleExpert.demonstrator(seed);
        }

        @Override
        public double mediumEpsilon() {
            return 0.68;
        }
    }

    static final class GridWorld implements EnvProvider {
        @Override
        public String id() {
            return GridWorldEnv.ID;
        }

        @Override
        public String description() {
            return "5x5 grid with a known feature reward r(s) = w.phi(s) and its exact model, a test bed for tabular IRL (planned), Discrete(5), 30 steps";
        }

        @Override
        public List<EnvOption> options() {
            return List.of(EnvOption.maxSteps(GridWorldEnv.DEFAULT_MAX_STEPS),
                    new EnvOption("slip", "0", "probability that a uniformly random action is executed instead, in [0, 1)"),
                    new EnvOption("obs", "coords", "observation encoding: coords (row, col) or onehot (one number per cell)"));
        }

        @Override
        public Env make(EnvOptions o) {
            return new GridWorldEnv(new GridWorldMdp(GridWorldMdp.DEFAULT_MAP, o.number("slip")), encoding(o), o.maxSteps());
        }

        @Override
        public ExpertOracle expert(EnvOptions o) {
            return new GridWorldExpert(new GridWorldMdp(GridWorldMdp.DEFAULT_MAP, o.number("slip")), encoding(o),
                    GridWorldExpert.DEFAULT_GAMMA);
        }

        @Override
        public double mediumEpsilon() {
            return 0.47;
        }

        private static GridWorldEnv.Encoding encoding(EnvOptions o) {
            String v = o.string("obs").toLowerCase(Locale.ROOT);
            return switch (v) {
                case "coords" -> GridWorldEnv.Encoding.COORDS;
                case "onehot" -> GridWorldEnv.Encoding.ONEHOT;
                default -> throw new IllegalArgumentException("environment 'gridworld': option 'obs' must be coords or onehot, got '" + v + "'");
            };
        }
    }
}
