package io.il4j.envs.pointmass;

import io.il4j.core.env.EpisodeResult;
import io.il4j.core.env.Rollouts;
import io.il4j.core.env.StepResult;
import io.il4j.core.policy.ExpertOracle;
import io.il4j.core.policy.Policy;
import io.il4j.envs.internal.SplitMix64;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PointMassObstacleEnvTest {

    @Test
    void demonstratorAlwaysSucceedsAndUsesBothSidesAboutEqually() {
        List<EpisodeResult> results = Rollouts.evaluate(new PointMassObstacleEnv(), ObstacleExpert.demonstrator(11), 200, 0,
                Integer.MAX_VALUE);
        int left = 0, right = 0;
        for (EpisodeResult r : results) {
            assertEquals(1.0, r.metrics().get("success"), "seed " + r.seed());
            assertEquals(0.0, r.metrics().get("collision"));
            left += r.metrics().get("passed_left").intValue();
            right += r.metrics().get("passed_right").intValue();
        }
        assertEquals(200, left + right);
        assertTrue(left >= 80 && left <= 120, "left " + left + " of 200");
    }

    @Test
    void bothModesStartFromTheSameStatesWithMirroredActions() {
        // Bimodality: at a start state the two committed experts move sideways in opposite directions at
        // the same upward speed, so their average points straight up, at the wall. The starts lie within
        // a tenth of a step of the centreline, and the detour turns sideways steeply from the first step.
        ExpertOracle left = ObstacleExpert.committed(ObstacleCourse.LEFT), right = ObstacleExpert.committed(ObstacleCourse.RIGHT);
        PointMassObstacleEnv env = new PointMassObstacleEnv();
        double widest = 0;
        for (long seed = 0; seed < 50; seed++) {
            double[] obs = env.reset(seed);
            widest = Math.max(widest, Math.abs(obs[0]));
            double[] l = left.act(obs), r = right.act(obs);
            assertTrue(l[0] < -0.55 && r[0] > 0.55, "sideways components " + l[0] + ", " + r[0]);
            assertEquals(1.0, l[1], 1e-12);
            assertEquals(1.0, r[1], 1e-12);
            double meanX = (l[0] + r[0]) / 2;
            assertTrue(Math.abs(meanX) < 0.05, "averaged action is straight ahead, got x " + meanX);
            assertTrue(ObstacleCourse.hitsWall(obs[0], obs[1], obs[0] + 2 * meanX, obs[1] + 2), "straight ahead meets the wall");
        }
        assertTrue(widest <= PointMassObstacleEnv.STEP_LENGTH / 10 && widest > PointMassObstacleEnv.STEP_LENGTH / 20,
                "start x spread " + widest);
    }

    @Test
    void averagingTheTwoModesNeverReachesTheGoal() {
        ExpertOracle left = ObstacleExpert.committed(ObstacleCourse.LEFT), right = ObstacleExpert.committed(ObstacleCourse.RIGHT);
        Policy average = obs -> {
            double[] l = left.act(obs), r = right.act(obs);
            return new double[]{(l[0] + r[0]) / 2, (l[1] + r[1]) / 2};
        };
        for (EpisodeResult r : Rollouts.evaluate(new PointMassObstacleEnv(), average, 50, 0, Integer.MAX_VALUE))
            assertEquals(0.0, r.metrics().get("success"), "seed " + r.seed());
    }

    @Test
    void oracleReachesTheGoalFromArbitraryStates() {
        // DAgger queries the oracle where the learner goes: start it anywhere outside the wall.
        PointMassObstacleEnv env = new PointMassObstacleEnv(200);
        ExpertOracle oracle = ObstacleExpert.oracle();
        SplitMix64 rng = new SplitMix64(5);
        int tried = 0;
        while (tried < 300) {
            double x = rng.uniform(-1, 1), y = rng.uniform(-1, 1);
            if (Math.abs(x) <= ObstacleCourse.WALL_HALF_WIDTH + 0.001 && Math.abs(y) <= ObstacleCourse.WALL_HALF_HEIGHT + 0.001) continue;
            tried++;
            env.reset(tried);
            env.setPosition(x, y);
            double[] obs = {x, y};
            StepResult r;
            do {
                r = env.step(oracle.act(obs));
                obs = r.observation();
            } while (!r.done());
            assertEquals(1.0, env.episodeMetrics().get("success"), "from (" + x + ", " + y + "): " + env.episodeMetrics());
        }
    }

    @Test
    void oracleAgreesWithTheDemonstratorOffTheCentreBand() {
        ExpertOracle oracle = ObstacleExpert.oracle();
        Policy demo = ObstacleExpert.demonstrator(3);
        SplitMix64 rng = new SplitMix64(9);
        for (int i = 0; i < 500; i++) {
            double x = rng.uniform(-1, 1), y = rng.uniform(-1, 1);
            if (Math.abs(x) <= ObstacleExpert.CENTRE_BAND) continue;
            demo.reset();
            assertArrayEquals(oracle.act(new double[]{x, y}), demo.act(new double[]{x, y}), 0.0);
        }
        // on the centreline the oracle goes right
        assertTrue(oracle.act(new double[]{0, -0.8})[0] > 0);
    }

    @Test
    void touchingTheWallTerminatesWithACollisionPenalty() {
        PointMassObstacleEnv env = new PointMassObstacleEnv();
        env.reset(0);
        env.setPosition(0.0, -0.07);
        StepResult r = env.step(new double[]{0, 1});
        assertTrue(r.terminated());
        double d = Math.hypot(0, -0.02 - 0.8);
        assertEquals(-d * 100, r.reward(), 1e-9, "distance charged for the step and the 99 steps left");
        assertEquals(1.0, env.episodeMetrics().get("collision"));
        assertEquals(0.0, env.episodeMetrics().get("success"));
        assertThrows(IllegalStateException.class, () -> env.step(new double[]{0, 0}));
    }

    @Test
    void aStepThatClipsACornerIsACollision() {
        // Both ends outside the wall, the segment crosses its corner.
        assertTrue(ObstacleCourse.hitsWall(0.27, -0.06, 0.32, -0.02));
        assertFalse(ObstacleCourse.hitsWall(0.31, -0.07, 0.36, -0.02));
        assertTrue(ObstacleCourse.hitsWall(0.0, -0.06, 0.0, -0.05), "touching the edge counts");
        assertFalse(ObstacleCourse.hitsWall(-0.5, 0.2, 0.5, 0.2));
    }
}
