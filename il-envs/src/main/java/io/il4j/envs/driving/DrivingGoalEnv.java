package io.il4j.envs.driving;

import io.il4j.core.data.DatasetSpec;
import io.il4j.core.env.EnvSpec;
import io.il4j.core.env.GoalEnv;
import io.il4j.core.env.StepResult;
import io.il4j.core.io.CsvOptions;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Goal-conditioned driving: the {@link DrivingEnv} road, traffic, dynamics, observation and action, with a
 * goal per episode: <b>goal = (target lane index, target speed m/s)</b>, drawn at reset (lane uniform over
 * the lanes, speed uniform in {@link DrivingGoalConfig#minTargetSpeed()}..{@code maxTargetSpeed()}).
 *
 * <p>The <b>achieved goal</b> is (lane index, speed) = observation dims {@link #ACHIEVED_GOAL_DIMS}
 * ({@code [7, 2]}: {@link DrivingObservation#LANE_INDEX}, {@link DrivingObservation#SPEED}), so hindsight
 * relabeling can read it from stored observations; the goal is named after them ({@link #goalNames()}:
 * {@code goal_lane_index, goal_speed}), so goal-conditioned BC finds those dims in recorded data by itself.
 * {@link #isSuccess()} holds when the ego is in the target
 * lane with |speed - target| &le; {@code speedTolerance}. An episode <b>succeeds</b> (metric {@code success})
 * when that held on each of its last {@code holdSteps} steps (all of them if it is shorter) and it did not
 * end in a collision or off the road; reaching the goal does not end the episode.
 *
 * <p><b>Reward</b>: 1 per step on which {@link #isSuccess()} holds, minus the driving collision / off-road
 * penalties. Episode ends as in {@link DrivingEnv}. Goal-conditioned policies take
 * {@code concat(observation, goal)} ({@value DrivingObservation#DIM} + 2 numbers), as {@link DrivingGoalExpert}.
 *
 * <p>Deterministic given the seed. Not thread-safe: one instance per thread.
 */
public final class DrivingGoalEnv implements GoalEnv {

    /** Observation indices holding the achieved goal, in goal order: lane index, speed. */
    public static final List<Integer> ACHIEVED_GOAL_DIMS = List.of(DrivingObservation.LANE_INDEX, DrivingObservation.SPEED);
    /** Goal vector layout. */
    public static final int GOAL_LANE = 0, GOAL_SPEED = 1, GOAL_DIM = 2;
    /** Mixed into the reset seed to draw the goal from a stream independent of the traffic's. */
    private static final long GOAL_STREAM = 0x6A09E667F3BCC909L;

    private final DrivingGoalConfig config;
    private final DrivingEnv env;
    private final EnvSpec spec;
    private final double[] goal = new double[GOAL_DIM];
    private double[] lastObs;
    private int steps, metInARow;

    public DrivingGoalEnv() {
        this(DrivingGoalConfig.defaults());
    }

    public DrivingGoalEnv(DrivingGoalConfig config) {
        if (config == null) throw new IllegalArgumentException("DrivingGoalEnv needs a DrivingGoalConfig, got null");
        this.config = config;
        this.env = new DrivingEnv(config.driving());
        EnvSpec s = env.spec();
        this.spec = new EnvSpec("driving-goal", s.observationNames(), s.actionSpace(), s.actionNames(), s.maxEpisodeSteps());
    }

    public DrivingGoalConfig config() {
        return config;
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public double[] reset(long seed) {
        lastObs = env.reset(seed);
        SplittableRandom rng = new SplittableRandom(seed ^ GOAL_STREAM);
        goal[GOAL_LANE] = rng.nextInt(config.driving().lanes());
        goal[GOAL_SPEED] = config.minTargetSpeed() + rng.nextDouble() * (config.maxTargetSpeed() - config.minTargetSpeed());
        steps = 0;
        metInARow = 0;
        return lastObs.clone();
    }

    @Override
    public StepResult step(double[] action) {
        StepResult r = env.step(action);
        lastObs = r.observation();
        steps++;
        boolean crashed = env.collided() || env.offRoad();
        boolean met = !crashed && isSuccess();
        metInARow = met ? metInARow + 1 : 0;
        RewardWeights w = config.driving().rewards();
        double reward = (met ? 1 : 0) - (env.collided() ? w.collision() : 0) - (env.offRoad() ? w.offRoad() : 0);
        return new StepResult(lastObs.clone(), reward, r.terminated(), r.truncated());
    }

    @Override
    public int goalDim() {
        return GOAL_DIM;
    }

    /** {@code goal_<name of the achieved-goal observation dim>}: {@code goal_lane_index, goal_speed}. */
    @Override
    public List<String> goalNames() {
        return ACHIEVED_GOAL_DIMS.stream().map(d -> DatasetSpec.GOAL_PREFIX + spec.observationNames().get(d)).toList();
    }

    @Override
    public double[] desiredGoal() {
        return goal.clone();
    }

    @Override
    public double[] achievedGoal() {
        requireEpisode("achievedGoal");
        return new double[]{lastObs[ACHIEVED_GOAL_DIMS.get(0)], lastObs[ACHIEVED_GOAL_DIMS.get(1)]};
    }

    /**
     * Overrides this episode's goal: {@code [lane index (integer in 0..lanes-1), speed (m/s, 0..1.5 x limit)]}.
     */
    @Override
    public void setDesiredGoal(double[] newGoal) {
        requireEpisode("setDesiredGoal");
        if (newGoal == null || newGoal.length != GOAL_DIM)
            throw new IllegalArgumentException("DrivingGoalEnv goal must be [lane, speed] (2 numbers), got "
                    + (newGoal == null ? "null" : newGoal.length + " numbers"));
        double lane = newGoal[GOAL_LANE], speed = newGoal[GOAL_SPEED];
        int lanes = config.driving().lanes();
        if (!(lane >= 0 && lane <= lanes - 1) || lane != Math.rint(lane))
            throw new IllegalArgumentException("DrivingGoalEnv goal lane must be an integer in [0, " + (lanes - 1) + "], got " + lane);
        double top = 1.5 * config.driving().speedLimit();
        if (!(speed >= 0 && speed <= top))
            throw new IllegalArgumentException("DrivingGoalEnv goal speed must be in [0, " + top + "] m/s, got " + speed);
        goal[GOAL_LANE] = lane;
        goal[GOAL_SPEED] = speed;
        metInARow = 0;
    }

    @Override
    public boolean isSuccess() {
        requireEpisode("isSuccess");
        return lastObs[DrivingObservation.LANE_INDEX] == goal[GOAL_LANE]
                && Math.abs(lastObs[DrivingObservation.SPEED] - goal[GOAL_SPEED]) <= config.speedTolerance();
    }

    /** The driving metrics plus {@code success} (0/1, see the class comment). */
    @Override
    public Map<String, Double> episodeMetrics() {
        Map<String, Double> m = new HashMap<>(env.episodeMetrics());
        boolean success = steps > 0 && metInARow >= Math.min(config.holdSteps(), steps);
        m.put("success", success ? 1.0 : 0.0);
        return Map.copyOf(m);
    }

    private void requireEpisode(String method) {
        if (lastObs == null) throw new IllegalStateException("DrivingGoalEnv." + method + ": call reset(seed) first");
    }
}
