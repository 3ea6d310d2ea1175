package io.il4j.envs.pointmass;

import io.il4j.core.env.EpisodeResult;
import io.il4j.core.env.GoalConditionedPolicy;
import io.il4j.core.env.Rollouts;
import io.il4j.core.env.StepResult;
import io.il4j.core.space.InvalidActionException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PointMassEnvTest {

    @Test
    void expertSucceedsOnEverySeed() {
        PointMassEnv env = new PointMassEnv();
        List<EpisodeResult> results = Rollouts.evaluate(env, new GoalConditionedPolicy(new PointMassExpert(), env), 200, 0,
                Integer.MAX_VALUE);
        long successes = results.stream().filter(r -> r.metrics().get("success") == 1.0).count();
        assertTrue(successes >= 198, successes + " of 200");
        for (EpisodeResult r : results) assertTrue(r.terminated() && r.length() <= 29, "length " + r.length());
    }

    @Test
    void achievedGoalIsTheObservationAndRewardIsMinusDistance() {
        PointMassEnv env = new PointMassEnv();
        double[] obs = env.reset(3);
        assertArrayEquals(obs, env.achievedGoal());
        double[] g = env.desiredGoal();
        assertTrue(Math.hypot(obs[0] - g[0], obs[1] - g[1]) >= PointMassEnv.MIN_START_DISTANCE);
        StepResult r = env.step(new double[]{0.5, -1});
        assertEquals(obs[0] + 0.05, r.observation()[0], 1e-12);
        assertEquals(obs[1] - 0.1, r.observation()[1], 1e-12);
        assertArrayEquals(r.observation(), env.achievedGoal());
        assertEquals(-Math.hypot(r.observation()[0] - g[0], r.observation()[1] - g[1]), r.reward(), 1e-12);
    }

    @Test
    void actionsAreClippedAndThePointStaysInTheArena() {
        PointMassEnv env = new PointMassEnv();
        env.reset(0);
        env.setDesiredGoal(new double[]{-0.9, -0.9});
        env.setPosition(0.95, 0.0);
        StepResult r = env.step(new double[]{5, 0});
        assertEquals(1.0, r.observation()[0], 1e-12, "clipped to one step and to the arena edge");
        env.setPosition(0.0, 0.0);
        assertEquals(0.1, env.step(new double[]{3, 0}).observation()[0], 1e-12, "action clipped to 1");
    }

    @Test
    void setDesiredGoalChangesSuccessAndIsValidated() {
        PointMassEnv env = new PointMassEnv();
        double[] obs = env.reset(1);
        assertFalse(env.isSuccess());
        env.setDesiredGoal(new double[]{obs[0] + 0.1, obs[1]});
        StepResult r = env.step(new double[]{1, 0});
        assertTrue(r.terminated() && env.isSuccess());
        assertEquals(1.0, env.episodeMetrics().get("success"));
        assertThrows(IllegalArgumentException.class, () -> env.setDesiredGoal(new double[]{0, 2}));
        assertThrows(IllegalArgumentException.class, () -> env.setDesiredGoal(new double[]{Double.NaN, 0}));
        assertThrows(IllegalArgumentException.class, () -> env.setDesiredGoal(new double[]{0}));
    }

    @Test
    void expertLandsOnTheGoalAndRejectsAnObservationWithoutGoal() {
        PointMassExpert expert = new PointMassExpert();
        assertArrayEquals(new double[]{0.3, -0.2}, expert.act(new double[]{0, 0, 0.03, -0.02}), 1e-12);
        assertArrayEquals(new double[]{1, 0.5}, expert.act(new double[]{0, 0, 0.8, 0.4}), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> expert.act(new double[]{0, 0}));
        assertTrue(e.getMessage().contains("goal_x"), e.getMessage());
    }

    @Test
    void rejectsBadActions() {
        PointMassEnv env = new PointMassEnv();
        env.reset(0);
        assertThrows(InvalidActionException.class, () -> env.step(new double[]{0}));
        assertThrows(InvalidActionException.class, () -> env.step(new double[]{0, Double.NaN}));
        assertThrows(InvalidActionException.class, () -> env.step(new double[]{Double.NEGATIVE_INFINITY, 0}));
    }
}
