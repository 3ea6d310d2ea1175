package io.il4j.envs.pointmass;

import io.il4j.core.policy.ExpertOracle;
import io.il4j.core.policy.Policy;
import io.il4j.envs.internal.SplitMix64;

/**
 * Experts for {@link PointMassObstacleEnv}. Both steer with the same rule ({@link ObstacleCourse}):
 * straight to the goal when the line is clear, otherwise via the corners of the wall on a chosen side.
 * They differ only in how the side is chosen:
 *
 * <ul>
 *   <li>{@link #demonstrator(long)} — the <b>demonstration expert</b> (a stateful {@link Policy}): at
 *   every {@link Policy#reset()} it flips a seeded coin. While the point is on the centreline
 *   ({@code |x| <= }{@value #CENTRE_BAND}, which contains the whole start region) the coin decides the
 *   side; off it, the side the point is on. Since the coin's side moves the point off the centreline
 *   at once, the side is fixed for the whole episode and demonstrations are 50/50 bimodal, with both
 *   modes starting from the same states.</li>
 *   <li>{@link #oracle()} — the <b>queryable oracle</b> (stateless, as DAgger needs): the side the point
 *   is on, {@code x < 0 ? LEFT : RIGHT}, so ties on the centreline go right. It agrees with the
 *   demonstrator everywhere off the centre band; inside the band it answers with one deterministic mode.</li>
 * </ul>
 * Averaging the two modes on the centreline gives an action straight up (both modes move up at the
 * same speed and sideways in opposite directions), which runs into the wall.
 * This class is stateless and thread-safe; the demonstrator it returns is not.
 */
public final class ObstacleExpert {

    /** Half-width of the centreline band where the demonstrator's coin decides the side. */
    public static final double CENTRE_BAND = 0.05;

    private ObstacleExpert() {
    }

    /** The stateless oracle: passes the wall on the side the point is on (right when exactly centred). Thread-safe. */
    public static ExpertOracle oracle() {
        return new SideFollower(x -> x < 0 ? ObstacleCourse.LEFT : ObstacleCourse.RIGHT);
    }

    /** The bimodal demonstration expert; the coin sequence is fixed by {@code seed}. Not thread-safe. */
    public static Policy demonstrator(long seed) {
        return new Demonstrator(seed);
    }

    /** The expert committed to one side ({@link ObstacleCourse#LEFT} or {@link ObstacleCourse#RIGHT}) everywhere. Thread-safe. */
    public static ExpertOracle committed(int side) {
        if (side != ObstacleCourse.LEFT && side != ObstacleCourse.RIGHT)
            throw new IllegalArgumentException("side must be LEFT (-1) or RIGHT (1), got " + side);
        return new SideFollower(x -> side);
    }

    /** Chooses the side to pass from the point's x coordinate. */
    @FunctionalInterface
    private interface SideRule {
        int side(double x);
    }

    private static final class SideFollower implements ExpertOracle {
        private final SideRule rule;

        SideFollower(SideRule rule) {
            this.rule = rule;
        }

        @Override
        public double[] act(double[] observation) {
            double[] out = new double[2];
            act(observation, out);
            return out;
        }

        @Override
        public void act(double[] observation, double[] out) {
            PlanarMotion.checkObservation("obstacle expert", observation, 2, "(x, y)");
            ObstacleCourse.steer(observation[0], observation[1], rule.side(observation[0]), PointMassObstacleEnv.STEP_LENGTH, out);
        }
    }

    private static final class Demonstrator implements Policy {
        private final SplitMix64 coins;
        private final SideFollower follower;
        private int coinSide;

        Demonstrator(long seed) {
            coins = new SplitMix64(seed);
            follower = new SideFollower(x -> Math.abs(x) <= CENTRE_BAND ? coinSide : (x < 0 ? ObstacleCourse.LEFT : ObstacleCourse.RIGHT));
            reset();
        }

        /** Flips the coin for the next episode. */
        @Override
        public void reset() {
            coinSide = coins.nextBoolean() ? ObstacleCourse.RIGHT : ObstacleCourse.LEFT;
        }

        @Override
        public double[] act(double[] observation) {
            return follower.act(observation);
        }

        @Override
        public void act(double[] observation, double[] out) {
            follower.act(observation, out);
        }
    }
}
