package io.il4j.envs.driving;

import io.il4j.core.env.StepResult;
import io.il4j.core.space.Box;
import io.il4j.core.space.InvalidActionException;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static io.il4j.envs.driving.DrivingObservation.*;
import static org.junit.jupiter.api.Assertions.*;

class DrivingEnvTest {

    @Test
    void specDescribesObservationAndAction() {
        DrivingEnv env = new DrivingEnv();
        List<String> names = env.spec().observationNames();
        double[] obs = env.reset(0);
        assertEquals(DIM, obs.length);
        assertEquals(obs.length, names.size(), "one name per observation number");
        assertEquals(names.size(), new HashSet<>(names).size(), "names are unique");
        assertEquals("lateral_offset", names.get(LATERAL_OFFSET));
        assertEquals("curvature_25m", names.get(CURVATURE + 2));
        assertEquals("lane_index", names.get(LANE_INDEX));
        assertEquals("left_rear_rel_speed", names.get(rearRelSpeed(LEFT)));
        assertEquals(List.of("steering", "acceleration"), env.spec().actionNames());
        Box box = (Box) env.spec().actionSpace();
        assertArrayEquals(new double[]{-0.15, -6}, box.low());
        assertArrayEquals(new double[]{0.15, 3}, box.high());
        assertEquals(500, env.spec().maxEpisodeSteps());
        assertEquals(obs.length, env.step(new double[]{0, 0}).observation().length);
    }

    @Test
    void observationReadsTheRoadAndLanes() {
        DrivingConfig config = DrivingConfig.builder().trafficVehicles(0).build();
        DrivingEnv env = new DrivingEnv(config);
        for (long seed = 0; seed < 10; seed++) {
            double[] obs = env.reset(seed);
            int lane = (int) obs[LANE_INDEX];
            assertEquals(lane < 2 ? 1 : 0, obs[LEFT_LANE_EXISTS]);
            assertEquals(lane > 0 ? 1 : 0, obs[RIGHT_LANE_EXISTS]);
            for (int side = OWN; side <= RIGHT; side++) {
                assertEquals(config.sensorRange(), obs[frontGap(side)], "empty road reads the sensor range");
                assertEquals(0, obs[frontRelSpeed(side)]);
            }
            for (int k = 0; k < DrivingConfig.LOOK_AHEADS; k++)
                assertTrue(Math.abs(obs[CURVATURE + k]) <= 1 / config.minCurveRadius() + 1e-12);
        }
    }

    @Test
    void collisionTerminatesWithCollisionMetric() {
        // one lane, one slow vehicle somewhere ahead on the loop; the ego drives straight at full throttle
        DrivingConfig config = DrivingConfig.builder().lanes(1).trafficVehicles(1).trafficSpeedRange(0.5, 0.5)
                .fixedRoad(RoadSegment.straight(1000)).horizon(2000).build();
        DrivingEnv env = new DrivingEnv(config);
        double[] obs = env.reset(11);
        StepResult r;
        double lastGap;
        int steps = 0;
        do {
            lastGap = obs[frontGap(OWN)];
            r = env.step(new double[]{0, 3});
            obs = r.observation();
            steps++;
        } while (!r.done());
        assertTrue(r.terminated() && !r.truncated(), "collision terminates");
        assertTrue(steps < 2000);
        Map<String, Double> m = env.episodeMetrics();
        assertEquals(1.0, m.get("collision"));
        assertEquals(0.0, m.get("off_road"));
        assertTrue(lastGap < 6, "the leader was within a few metres before impact: " + lastGap);
        assertTrue(Math.min(obs[frontGap(OWN)], obs[rearGap(OWN)]) < 0, "the boxes overlap");
        assertTrue(r.reward() < -90, "collision penalty: " + r.reward());
        assertThrows(IllegalStateException.class, () -> env.step(new double[]{0, 0}), "no steps after the end");
    }

    @Test
    void leavingTheRoadTerminatesWithOffRoadMetric() {
        DrivingConfig config = DrivingConfig.builder().lanes(1).trafficVehicles(0).fixedRoad(RoadSegment.straight(1000)).build();
        DrivingEnv env = new DrivingEnv(config);
        env.reset(2);
        StepResult r;
        double previousOffset = 0;
        do {
            r = env.step(new double[]{0.02, 0});
            if (!r.done()) previousOffset = r.observation()[LATERAL_OFFSET];
        } while (!r.done());
        assertTrue(r.terminated() && !r.truncated());
        assertTrue(previousOffset <= config.halfRoadWidth() && r.observation()[LATERAL_OFFSET] > config.halfRoadWidth(),
                "ended on the step the centre crossed the edge: " + previousOffset + " -> " + r.observation()[LATERAL_OFFSET]);
        Map<String, Double> m = env.episodeMetrics();
        assertEquals(1.0, m.get("off_road"));
        assertEquals(0.0, m.get("collision"));
        assertTrue(r.reward() < -90, "off-road penalty: " + r.reward());
    }

    @Test
    void truncatesExactlyAtTheHorizon() {
        DrivingConfig config = DrivingConfig.builder().horizon(100).build();
        DrivingEnv env = new DrivingEnv(config);
        DrivingExpert expert = new DrivingExpert(config);
        double[] obs = env.reset(5);
        for (int t = 1; t <= 100; t++) {
            StepResult r = env.step(expert.act(obs));
            obs = r.observation();
            assertFalse(r.terminated(), "step " + t);
            assertEquals(t == 100, r.truncated(), "step " + t);
        }
        Map<String, Double> m = env.episodeMetrics();
        assertEquals(0.0, m.get("collision"));
        assertEquals(0.0, m.get("off_road"));
        assertTrue(m.get("progress") > 100 * 0.1 * 19, "progress in metres: " + m.get("progress"));
        assertTrue(m.get("mean_speed") > 19 && m.get("mean_speed") < 25.5);
        assertTrue(m.get("mean_abs_lateral_offset") < 0.2);
    }

    @Test
    void deterministicGivenSeed() {
        double[][] a = rollout(42), b = rollout(42), c = rollout(43);
        for (int t = 0; t < a.length; t++) assertArrayEquals(a[t], b[t], 0, "step " + t);
        boolean differs = false;
        for (int t = 0; t < a.length && !differs; t++) differs = !java.util.Arrays.equals(a[t], c[t]);
        assertTrue(differs, "another seed gives another episode");
    }

    @Test
    void steeringNoiseMovesTheEgoOffTheExpertsPathReproducibly() {
        DrivingConfig noisy = DrivingConfig.builder().steeringNoiseStd(0.02).build();
        double[][] clean = rollout(42), a = rollout(noisy, 42), b = rollout(noisy, 42);
        for (int t = 0; t < a.length; t++) assertArrayEquals(a[t], b[t], 0, "step " + t);
        // same road and traffic draws: the episode starts identically; only the ego's path differs
        assertArrayEquals(new DrivingEnv().reset(42), new DrivingEnv(noisy).reset(42), 0);
        double cleanOffset = 0, noisyOffset = 0;
        for (int t = 0; t < a.length; t++) {
            cleanOffset += Math.abs(clean[t][LATERAL_OFFSET]) + Math.abs(clean[t][HEADING_ERROR]);
            noisyOffset += Math.abs(a[t][LATERAL_OFFSET]) + Math.abs(a[t][HEADING_ERROR]);
        }
        assertTrue(noisyOffset > 3 * cleanOffset + 1, "noise spreads the ego around the lane centre: "
                + noisyOffset + " vs " + cleanOffset + " (sum of |offset| + |heading error|)");
        assertThrows(IllegalArgumentException.class, () -> DrivingConfig.builder().steeringNoiseStd(-0.01).build());
    }

    /** Observations (with the reward appended) of 300 expert steps on a fresh env. */
    private static double[][] rollout(long seed) {
        return rollout(DrivingConfig.defaults(), seed);
    }

    private static double[][] rollout(DrivingConfig config, long seed) {
        DrivingEnv env = new DrivingEnv(config);
        DrivingExpert expert = new DrivingExpert(config);
        double[][] out = new double[300][];
        double[] obs = env.reset(seed);
        for (int t = 0; t < out.length; t++) {
            StepResult r = env.step(expert.act(obs));
            obs = r.observation();
            out[t] = java.util.Arrays.copyOf(obs, obs.length + 1);
            out[t][obs.length] = r.reward();
        }
        return out;
    }

    @Test
    void resetRestartsTheSameEpisode() {
        DrivingEnv env = new DrivingEnv();
        double[] first = env.reset(9);
        for (int t = 0; t < 20; t++) env.step(new double[]{0.01, 1});
        assertArrayEquals(first, env.reset(9), 0);
    }

    @Test
    void badActionsAreRejected() {
        DrivingEnv env = new DrivingEnv();
        env.reset(0);
        InvalidActionException e = assertThrows(InvalidActionException.class, () -> env.step(new double[]{0.1}));
        assertTrue(e.getMessage().contains("expected 2"), e.getMessage());
        assertThrows(InvalidActionException.class, () -> env.step(new double[]{0, 0, 0}));
        e = assertThrows(InvalidActionException.class, () -> env.step(new double[]{Double.NaN, 0}));
        assertTrue(e.getMessage().contains("action[0]"), e.getMessage());
        assertThrows(InvalidActionException.class, () -> env.step(new double[]{0, Double.POSITIVE_INFINITY}));
        assertThrows(InvalidActionException.class, () -> env.step(null));
        env.step(new double[]{0, 0}); // the env is still usable after rejected actions
    }

    @Test
    void stepBeforeResetIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new DrivingEnv().step(new double[]{0, 0}));
        assertTrue(e.getMessage().contains("reset"), e.getMessage());
    }

    @Test
    void perturbationRejectsNonFiniteDeltas() {
        DrivingEnv env = new DrivingEnv();
        env.reset(0);
        assertThrows(IllegalArgumentException.class, () -> env.perturbEgo(Double.NaN, 0));
    }

    @Test
    void trafficChangesLanes() {
        DrivingEnv env = new DrivingEnv();
        DrivingExpert expert = new DrivingExpert();
        int changes = 0;
        for (long seed = 0; seed < 5; seed++) {
            double[] obs = env.reset(seed);
            StepResult r;
            do {
                r = env.step(expert.act(obs));
                obs = r.observation();
            } while (!r.done());
            changes += env.trafficLaneChanges();
        }
        assertTrue(changes >= 5, "traffic lane changes in 5 episodes: " + changes);
    }
}
