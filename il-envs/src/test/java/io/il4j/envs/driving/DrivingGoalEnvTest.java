package io.il4j.envs.driving;

import io.il4j.core.env.EpisodeResult;
import io.il4j.core.env.GoalConditionedPolicy;
import io.il4j.core.env.Rollouts;
import io.il4j.core.env.StepResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DrivingGoalEnvTest {

    @Test
    void achievedGoalIsLaneAndSpeedFromTheObservation() {
        DrivingGoalEnv env = new DrivingGoalEnv();
        assertEquals(List.of(DrivingObservation.LANE_INDEX, DrivingObservation.SPEED), DrivingGoalEnv.ACHIEVED_GOAL_DIMS);
        assertEquals(2, env.goalDim());
        double[] obs = env.reset(1);
        for (int t = 0; t < 30; t++) {
            obs = env.step(new double[]{0.001, 1}).observation();
            double[] achieved = env.achievedGoal();
            assertEquals(obs[DrivingGoalEnv.ACHIEVED_GOAL_DIMS.get(0)], achieved[0]);
            assertEquals(obs[DrivingGoalEnv.ACHIEVED_GOAL_DIMS.get(1)], achieved[1]);
        }
    }

    @Test
    void goalsAreDrawnFromTheConfiguredRangesAndSeed() {
        DrivingGoalEnv env = new DrivingGoalEnv();
        boolean[] lanes = new boolean[3];
        for (long seed = 0; seed < 30; seed++) {
            env.reset(seed);
            double[] g = env.desiredGoal();
            lanes[(int) g[0]] = true;
            assertTrue(g[1] >= 14 && g[1] <= 20, "target speed " + g[1]);
            env.reset(seed);
            assertArrayEquals(g, env.desiredGoal(), 0);
        }
        assertArrayEquals(new boolean[]{true, true, true}, lanes);
    }

    @Test
    void setDesiredGoalValidates() {
        DrivingGoalEnv env = new DrivingGoalEnv();
        env.reset(0);
        assertThrows(IllegalArgumentException.class, () -> env.setDesiredGoal(new double[]{1}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.setDesiredGoal(new double[]{3, 20}));
        assertTrue(e.getMessage().contains("lane"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> env.setDesiredGoal(new double[]{0.5, 20}));
        assertThrows(IllegalArgumentException.class, () -> env.setDesiredGoal(new double[]{1, Double.NaN}));
        env.setDesiredGoal(new double[]{2, 18});
        assertArrayEquals(new double[]{2, 18}, env.desiredGoal());
    }

    @Test
    void successNeedsTargetLaneAndSpeedOverTheLastSteps() {
        // no traffic: the plain driving expert keeps its lane and cruises at about the limit
        DrivingGoalConfig config = DrivingGoalConfig.defaults().withDriving(
                DrivingConfig.builder().trafficVehicles(0).horizon(100).build());
        DrivingGoalEnv env = new DrivingGoalEnv(config);
        DrivingExpert cruise = new DrivingExpert(config.driving());
        double[] obs = env.reset(4);
        int lane = (int) obs[DrivingObservation.LANE_INDEX];
        env.setDesiredGoal(new double[]{lane, 25});
        StepResult r;
        double total = 0;
        do {
            r = env.step(cruise.act(obs));
            obs = r.observation();
            total += r.reward();
        } while (!r.done());
        assertTrue(env.isSuccess());
        assertEquals(1.0, env.episodeMetrics().get("success"));
        assertTrue(total > 20 && total <= 100, "reward counts the steps at the goal: " + total);

        obs = env.reset(4);
        env.setDesiredGoal(new double[]{(lane + 1) % 3, 25}); // a lane the cruising expert never moves to
        do {
            r = env.step(cruise.act(obs));
            obs = r.observation();
        } while (!r.done());
        assertFalse(env.isSuccess());
        assertEquals(0.0, env.episodeMetrics().get("success"));
    }

    @Test
    void goalExpertReachesAndHoldsItsGoals() {
        DrivingGoalEnv env = new DrivingGoalEnv();
        List<EpisodeResult> results = Rollouts.evaluate(env, new GoalConditionedPolicy(new DrivingGoalExpert(), env),
                40, 0, Integer.MAX_VALUE);
        double success = results.stream().mapToDouble(r -> r.metrics().get("success")).average().orElseThrow();
        assertTrue(success >= 0.95, "goal expert success " + success);
        assertTrue(results.stream().allMatch(r -> r.metrics().get("collision") == 0 && r.metrics().get("off_road") == 0));
        long changedLane = results.stream().filter(r -> r.metrics().get("lane_changes") > 0).count();
        assertTrue(changedLane >= 15, "goals in other lanes make it change lanes: " + changedLane + "/40");
    }

    @Test
    void goalExpertNeedsObservationAndGoal() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DrivingGoalExpert().act(new double[DrivingObservation.DIM]));
        assertTrue(e.getMessage().contains(String.valueOf(DrivingGoalExpert.INPUT_DIM)), e.getMessage());
    }

    @Test
    void goalEnvRequiresReset() {
        assertThrows(IllegalStateException.class, () -> new DrivingGoalEnv().isSuccess());
    }
}
