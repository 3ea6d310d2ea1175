package io.il4j.envs.driving;

import io.il4j.core.env.EpisodeResult;
import io.il4j.core.env.Rollouts;
import io.il4j.core.policy.Policy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DrivingBehavioursTest {

    private static double meanReturn(Policy policy) {
        List<EpisodeResult> rs = Rollouts.evaluate(new DrivingEnv(), policy, 20, 1000, Integer.MAX_VALUE);
        return rs.stream().mapToDouble(EpisodeResult::totalReturn).average().orElseThrow();
    }

    @Test
    void mediumLiesRoughlyHalfWayBetweenRandomAndExpert() {
        double expert = meanReturn(DrivingBehaviours.expert());
        double medium = meanReturn(DrivingBehaviours.medium(7));
        double random = meanReturn(DrivingBehaviours.random(7));
        assertTrue(expert > 400, "expert " + expert);
        assertTrue(random < 0, "random " + random);
        double normalized = 100 * (medium - random) / (expert - random);
        assertTrue(normalized > 25 && normalized < 75,
                "medium normalized score " + normalized + " (expert " + expert + ", medium " + medium + ", random " + random + ")");
    }

    @Test
    void seededBehavioursAreReproducible() {
        EpisodeResult a = Rollouts.evaluate(new DrivingEnv(), DrivingBehaviours.medium(3), 1, 5, 500).get(0);
        EpisodeResult b = Rollouts.evaluate(new DrivingEnv(), DrivingBehaviours.medium(3), 1, 5, 500).get(0);
        EpisodeResult c = Rollouts.evaluate(new DrivingEnv(), DrivingBehaviours.medium(4), 1, 5, 500).get(0);
        assertEquals(a, b);
        assertNotEquals(a.totalReturn(), c.totalReturn());
    }

    @Test
    void randomCoversTheActionBox() {
        Policy random = DrivingBehaviours.random(1);
        double[] obs = new double[DrivingObservation.DIM];
        double minSteer = 1, maxSteer = -1, minAccel = 10, maxAccel = -10;
        for (int i = 0; i < 2000; i++) {
            double[] a = random.act(obs);
            minSteer = Math.min(minSteer, a[0]);
            maxSteer = Math.max(maxSteer, a[0]);
            minAccel = Math.min(minAccel, a[1]);
            maxAccel = Math.max(maxAccel, a[1]);
        }
        assertTrue(minSteer >= -0.15 && minSteer < -0.14 && maxSteer <= 0.15 && maxSteer > 0.14);
        assertTrue(minAccel >= -6 && minAccel < -5.9 && maxAccel <= 3 && maxAccel > 2.9);
    }

    @Test
    void tiersByName() {
        DrivingConfig config = DrivingConfig.defaults();
        assertInstanceOf(DrivingExpert.class, DrivingBehaviours.forTier("expert", config, 0));
        assertNotNull(DrivingBehaviours.forTier("medium", config, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DrivingBehaviours.forTier("mixed", config, 0));
        assertTrue(e.getMessage().contains("mixed") && e.getMessage().contains("expert"), e.getMessage());
    }
}
