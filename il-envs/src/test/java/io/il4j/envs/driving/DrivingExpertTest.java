package io.il4j.envs.driving;

import io.il4j.core.env.EpisodeResult;
import io.il4j.core.env.Rollouts;
import io.il4j.core.env.StepResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.il4j.envs.driving.DrivingObservation.*;
import static org.junit.jupiter.api.Assertions.*;

class DrivingExpertTest {

    private static boolean clean(EpisodeResult r) {
        return r.metrics().get("collision") == 0 && r.metrics().get("off_road") == 0;
    }

    @Test
    void expertDrivesCleanlyAndBrisklyOver200Seeds() {
        DrivingEnv env = new DrivingEnv();
        List<EpisodeResult> results = Rollouts.evaluate(env, new DrivingExpert(), 200, 0, Integer.MAX_VALUE);
        long clean = results.stream().filter(DrivingExpertTest::clean).count();
        assertTrue(clean >= 198, "clean episodes: " + clean + "/200 (need >= 99%)");
        double meanSpeed = results.stream().mapToDouble(r -> r.metrics().get("mean_speed")).average().orElseThrow();
        double laneChanges = results.stream().mapToDouble(r -> r.metrics().get("lane_changes")).sum();
        double offset = results.stream().mapToDouble(r -> r.metrics().get("mean_abs_lateral_offset")).average().orElseThrow();
        // a safe expert that crawls or never overtakes would pass the first check; this one must not
        assertTrue(meanSpeed > 0.9 * 25, "mean speed " + meanSpeed);
        assertTrue(laneChanges >= 100, "the expert overtakes slower traffic: " + laneChanges + " lane changes in 200 episodes");
        assertTrue(offset < 0.1, "it drives at the lane centre: mean |offset| " + offset);
        assertTrue(results.stream().allMatch(r -> r.length() == 500 && r.truncated()));
    }

    @Test
    void expertStaysCleanOverLongHorizons() {
        DrivingEnv env = new DrivingEnv(DrivingConfig.builder().horizon(1000).build());
        List<EpisodeResult> results = Rollouts.evaluate(env, new DrivingExpert(), 5, 500, Integer.MAX_VALUE);
        assertTrue(results.stream().allMatch(DrivingExpertTest::clean), results.toString());
        assertTrue(results.stream().allMatch(r -> r.length() == 1000));
        DrivingEnv longer = new DrivingEnv(DrivingConfig.builder().horizon(2500).build());
        EpisodeResult r = Rollouts.evaluate(longer, new DrivingExpert(), 1, 77, Integer.MAX_VALUE).get(0);
        assertTrue(clean(r) && r.length() == 2500, r.toString());
    }

    @Test
    void expertReturnsToTheLaneCentreFromOffsetStarts() {
        // no traffic: nothing to overtake, so the expert must come back to the lane it started in
        DrivingConfig config = DrivingConfig.builder().trafficVehicles(0).initialLateralOffsetMax(1.5)
                .initialHeadingErrorMax(0.1).horizon(150).build();
        DrivingEnv env = new DrivingEnv(config);
        DrivingExpert expert = new DrivingExpert(config);
        int farOff = 0;
        for (long seed = 0; seed < 40; seed++) {
            double[] obs = env.reset(seed);
            double startLane = obs[LANE_INDEX];
            if (Math.abs(obs[LATERAL_OFFSET]) > 0.75) farOff++;
            double worst = 0;
            StepResult r;
            int t = 0;
            do {
                r = env.step(expert.act(obs));
                obs = r.observation();
                if (++t > 50) worst = Math.max(worst, Math.abs(obs[LATERAL_OFFSET]));
            } while (!r.done());
            assertFalse(r.terminated(), "seed " + seed + " " + env.episodeMetrics());
            assertEquals(startLane, obs[LANE_INDEX], "seed " + seed);
            assertTrue(worst < 0.15, "seed " + seed + ": |offset| after 5 s up to " + worst);
            assertTrue(Math.abs(obs[LATERAL_OFFSET]) < 0.02 && Math.abs(obs[HEADING_ERROR]) < 0.005,
                    "seed " + seed + " settled at offset " + obs[LATERAL_OFFSET] + ", heading " + obs[HEADING_ERROR]);
        }
        assertTrue(farOff >= 10, "the test covers large offsets: " + farOff);
    }

    @Test
    void expertRecoversFromDisturbancesInTraffic() {
        DrivingEnv env = new DrivingEnv(DrivingConfig.builder().horizon(300).build());
        DrivingExpert expert = new DrivingExpert();
        int clean = 0;
        double settledOffset = 0;
        for (long seed = 0; seed < 40; seed++) {
            double[] obs = env.reset(seed);
            StepResult r = null;
            for (int t = 0; t < 300; t++) {
                if (t == 100) obs = env.perturbEgo(seed % 2 == 0 ? 1.2 : -1.2, seed % 3 == 0 ? 0.08 : -0.05);
                r = env.step(expert.act(obs));
                obs = r.observation();
                if (r.done()) break;
            }
            if (r.truncated()) {
                clean++;
                settledOffset += Math.abs(obs[LATERAL_OFFSET]);
            }
        }
        assertTrue(clean >= 39, "clean after a push in traffic: " + clean + "/40");
        assertTrue(settledOffset / clean < 0.1, "back at a lane centre 20 s after the push: " + settledOffset / clean);
    }

    @Test
    void expertLabelsAnyState() {
        DrivingExpert expert = new DrivingExpert();
        double[] obs = new DrivingEnv().reset(3);
        obs[LATERAL_OFFSET] = 1.5;
        assertTrue(expert.act(obs)[0] < 0, "steers right when left of centre");
        obs[LATERAL_OFFSET] = -1.5;
        assertTrue(expert.act(obs)[0] > 0, "steers left when right of centre");
        obs[LATERAL_OFFSET] = 0;
        obs[frontGap(OWN)] = 10;
        obs[frontRelSpeed(OWN)] = -10;
        assertEquals(-6, expert.act(obs)[1], 1e-12, "brakes hard for a close, much slower leader");
        double[] out = new double[2];
        expert.act(obs, out);
        assertArrayEquals(expert.act(obs), out, 0);
        assertThrows(IllegalArgumentException.class, () -> expert.act(new double[5]));
    }
}
