package io.il4j.envs.pointmass;

import io.il4j.core.env.EnvSpec;
import io.il4j.core.env.GoalEnv;
import io.il4j.core.env.StepResult;
import io.il4j.envs.internal.EpisodeClock;
import io.il4j.envs.internal.SplitMix64;

import java.util.Map;

/**
 * Goal-conditioned reaching: a point in the square [-1, 1]^2 driven by a velocity command towards a
 * goal sampled anywhere in the square.
 *
 * <ul>
 *   <li><b>Observation</b> (2): the position {@code (x, y)}. The goal is <em>not</em> part of the
 *   observation ({@link GoalEnv} convention): goal-conditioned policies get
 *   {@code concat(observation, desiredGoal())} = {@code (x, y, goal_x, goal_y)}.</li>
 *   <li><b>Achieved goal</b> = the position = observation dims {0, 1}; hindsight relabeling takes
 *   goals from those dims.</li>
 *   <li><b>Action</b>: velocity {@code Box([-1,-1], [1,1])}, clipped to the box (documented clipping),
 *   NaN/Inf or a wrong length rejected. First-order dynamics:
 *   {@code p' = clamp(p + 0.1 a, [-1, 1]^2)} (at most 0.1 per axis per step).</li>
 *   <li><b>Reward</b>: {@code -||p' - goal||} after each step (dense).</li>
 *   <li><b>Success</b>: {@code ||p - goal|| <= 0.05}; reaching it <b>terminates</b> the episode.
 *   <b>Truncation</b> after 50 steps (configurable); the farthest start needs 29 steps.</li>
 *   <li><b>Start</b>: position and goal uniform in [-0.9, 0.9]^2 from the reset seed, at least 0.2 apart.</li>
 *   <li><b>Metrics</b>: {@code success} (0/1), {@code final_distance}.</li>
 * </ul>
 * The expert is {@link PointMassExpert}. Not thread-safe: one instance per thread.
 */
public final class PointMassEnv implements GoalEnv {

    public static final String ID = "pointmass";
    public static final int DEFAULT_MAX_STEPS = 50;
    public static final double STEP_LENGTH = 0.1;
    public static final double SUCCESS_RADIUS = 0.05;
    public static final double SAMPLE_RANGE = 0.9;
    public static final double MIN_START_DISTANCE = 0.2;

    private final EnvSpec spec;
    private final EpisodeClock clock;
    private final SplitMix64 rng = new SplitMix64(0);
    private double x, y, goalX, goalY;
    private boolean succeeded;

    public PointMassEnv() {
        this(DEFAULT_MAX_STEPS);
    }

    public PointMassEnv(int maxSteps) {
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
        x = rng.uniform(-SAMPLE_RANGE, SAMPLE_RANGE);
        y = rng.uniform(-SAMPLE_RANGE, SAMPLE_RANGE);
        do {
            goalX = rng.uniform(-SAMPLE_RANGE, SAMPLE_RANGE);
            goalY = rng.uniform(-SAMPLE_RANGE, SAMPLE_RANGE);
        } while (distance() < MIN_START_DISTANCE);
        succeeded = false;
        clock.start();
        return new double[]{x, y};
    }

    @Override
    public StepResult step(double[] action) {
        PlanarMotion.ACTIONS.validate(action);
        clock.checkRunning();
        x = PlanarMotion.move(x, action[0], STEP_LENGTH);
        y = PlanarMotion.move(y, action[1], STEP_LENGTH);
        double d = distance();
        succeeded = d <= SUCCESS_RADIUS;
        boolean truncated = clock.advance(succeeded);
        return new StepResult(new double[]{x, y}, -d, succeeded, truncated);
    }

    @Override
    public int goalDim() {
        return 2;
    }

    @Override
    public double[] desiredGoal() {
        return new double[]{goalX, goalY};
    }

    /** The position, i.e. observation dims {0, 1}. */
    @Override
    public double[] achievedGoal() {
        return new double[]{x, y};
    }

    /** Replaces the goal of the current episode; it must lie in the arena [-1, 1]^2. */
    @Override
    public void setDesiredGoal(double[] goal) {
        if (goal == null || goal.length != 2)
            throw new IllegalArgumentException("pointmass goal must be 2 numbers (x, y), got "
                    + (goal == null ? "null" : goal.length + " numbers"));
        for (int i = 0; i < 2; i++)
            if (!(Math.abs(goal[i]) <= PlanarMotion.ARENA))
                throw new IllegalArgumentException("pointmass goal[" + i + "] = " + goal[i] + " is outside the arena [-1, 1]");
        goalX = goal[0];
        goalY = goal[1];
    }

    @Override
    public boolean isSuccess() {
        return distance() <= SUCCESS_RADIUS;
    }

    /** Moves the point (e.g. to label or test a chosen state); the episode clock is unchanged. */
    public void setPosition(double x, double y) {
        this.x = PlanarMotion.clampToArena(x);
        this.y = PlanarMotion.clampToArena(y);
    }

    @Override
    public Map<String, Double> episodeMetrics() {
        return Map.of("success", succeeded ? 1.0 : 0.0, "final_distance", distance());
    }

    private double distance() {
        return Math.hypot(x - goalX, y - goalY);
    }
}
