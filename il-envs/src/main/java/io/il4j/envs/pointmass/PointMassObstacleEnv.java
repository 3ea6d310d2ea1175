package io.il4j.envs.pointmass;

import io.il4j.core.env.Env;
import io.il4j.core.env.EnvSpec;
import io.il4j.core.env.StepResult;
import io.il4j.envs.internal.EpisodeClock;
import io.il4j.envs.internal.SplitMix64;

import java.util.Map;

/**
 * A point must get from a start region below a wall to a goal above it; the wall can be passed on the
 * left or on the right, two equally good routes (the geometry is mirror-symmetric). The expert
 * ({@link ObstacleExpert}) takes either side with probability 1/2 per episode, so demonstrations are
 * <b>bimodal</b>: a unimodal policy that averages the two modes heads straight up into the wall. Both
 * modes start from practically the same state (the start region is a tenth of a step wide), so the
 * averaged policy has nothing to break the tie with until it is too late to get round.
 *
 * <ul>
 *   <li><b>Observation</b> (2): the position {@code (x, y)} in [-1, 1]^2 (the goal is fixed).</li>
 *   <li><b>Geometry</b> ({@link ObstacleCourse}): wall {@code [-0.3, 0.3] x [-0.05, 0.05]}; start
 *   {@code x ~ U[-0.005, 0.005]}, {@code y ~ U[-0.85, -0.75]}; goal (0, 0.8) with success radius 0.05.
 *   The expert's routes pass the wall's corners 0.1 outside it.</li>
 *   <li><b>Action</b>: velocity {@code Box([-1,-1], [1,1])}, clipped to the box;
 *   {@code p' = clamp(p + 0.05 a, [-1, 1]^2)}.</li>
 *   <li><b>Reward</b>: {@code -||p' - goal||} per step. Touching the wall (the segment p -> p' meets it)
 *   <b>terminates</b> the episode with reward {@code -||p' - goal|| * (1 + steps left)}, i.e. as if
 *   the point had stayed stuck there until the time limit, so a collision never pays.</li>
 *   <li><b>Success</b>: within 0.05 of the goal without touching the wall; terminates.
 *   <b>Truncation</b> after 100 steps (configurable); the expert needs about 32.</li>
 *   <li><b>Metrics</b>: {@code success}, {@code collision}, {@code passed_left}, {@code passed_right}
 *   (the side of the wall the point was on when it first rose above the wall's top edge),
 *   {@code final_distance}.</li>
 * </ul>
 * Not thread-safe: one instance per thread.
 */
public final class PointMassObstacleEnv implements Env {

    public static final String ID = "pointmass-obstacle";
    public static final int DEFAULT_MAX_STEPS = 100;
    public static final double STEP_LENGTH = 0.05;
    public static final double SUCCESS_RADIUS = 0.05;

    private final EnvSpec spec;
    private final EpisodeClock clock;
    private final SplitMix64 rng = new SplitMix64(0);
    private double x, y;
    private boolean succeeded, collided;
    private int passedSide;

    public PointMassObstacleEnv() {
        this(DEFAULT_MAX_STEPS);
    }

    public PointMassObstacleEnv(int maxSteps) {
        this.clock = new EpisodeClock(ID, maxSteps);
        this.spec = PlanarMotion.spec(ID, maxSteps);
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public double[] reset(long seed) {
        rng.setSeed(seed);
        x = rng.uniform(-ObstacleCourse.START_HALF_WIDTH, ObstacleCourse.START_HALF_WIDTH);
        y = rng.uniform(ObstacleCourse.START_Y_LOW, ObstacleCourse.START_Y_HIGH);
        succeeded = false;
        collided = false;
        passedSide = 0;
        clock.start();
        return new double[]{x, y};
    }

    @Override
    public StepResult step(double[] action) {
        PlanarMotion.ACTIONS.validate(action);
        clock.checkRunning();
        double nx = PlanarMotion.move(x, action[0], STEP_LENGTH);
        double ny = PlanarMotion.move(y, action[1], STEP_LENGTH);
        collided = ObstacleCourse.hitsWall(x, y, nx, ny);
        if (passedSide == 0 && ny > ObstacleCourse.WALL_HALF_HEIGHT) passedSide = nx < 0 ? ObstacleCourse.LEFT : ObstacleCourse.RIGHT;
        x = nx;
        y = ny;
        double d = distanceToGoal();
        succeeded = !collided && d <= SUCCESS_RADIUS;
        boolean terminated = collided || succeeded;
        int stepsLeft = clock.maxSteps() - clock.steps() - 1;
        boolean truncated = clock.advance(terminated);
        double reward = collided ? -d * (1 + stepsLeft) : -d;
        return new StepResult(new double[]{x, y}, reward, terminated, truncated);
    }

    /** Moves the point (e.g. to label or test a chosen state); the episode clock is unchanged. */
    public void setPosition(double x, double y) {
        this.x = PlanarMotion.clampToArena(x);
        this.y = PlanarMotion.clampToArena(y);
    }

    @Override
    public Map<String, Double> episodeMetrics() {
        return Map.of("success", flag(succeeded), "collision", flag(collided),
                "passed_left", flag(passedSide == ObstacleCourse.LEFT), "passed_right", flag(passedSide == ObstacleCourse.RIGHT),
                "final_distance", distanceToGoal());
    }

    private static double flag(boolean b) {
        return b ? 1.0 : 0.0;
    }

    private double distanceToGoal() {
        return Math.hypot(x - ObstacleCourse.GOAL_X, y - ObstacleCourse.GOAL_Y);
    }
}
