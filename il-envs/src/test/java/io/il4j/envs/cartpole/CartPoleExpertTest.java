package io.il4j.envs.cartpole;

import io.il4j.core.env.EpisodeResult;
import io.il4j.core.env.Rollouts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CartPoleExpertTest {

    @Test
    void reachesTheTimeLimitOnTwentySeeds() {
        List<EpisodeResult> results = Rollouts.evaluate(new CartPoleEnv(), new CartPoleExpert(), 20, 0, Integer.MAX_VALUE);
        for (EpisodeResult r : results) {
            assertEquals(500.0, r.totalReturn(), "seed " + r.seed());
            assertTrue(r.truncated() && !r.terminated());
        }
    }

    @Test
    void pushesTowardsTheFallingSide() {
        CartPoleExpert expert = new CartPoleExpert();
        assertEquals(1.0, expert.act(new double[]{0, 0, 0.1, 0})[0], "pole leaning right: push right");
        assertEquals(0.0, expert.act(new double[]{0, 0, -0.1, 0})[0], "pole leaning left: push left");
        // the gain stabilizes the linearized closed loop: positive feedback on the angle dominates
        double[] k = expert.gain();
        assertTrue(k[2] < 0 && Math.abs(k[2]) > Math.abs(k[0]), java.util.Arrays.toString(k));
    }

    @Test
    void recoversFromStatesTheExpertWouldNotVisit() {
        // DAgger labels learner states: from a tilted, moving start the oracle must still balance.
        CartPoleEnv env = new CartPoleEnv();
        CartPoleExpert expert = new CartPoleExpert();
        double[][] starts = {{1.0, 0.5, 0.1, -0.3}, {-1.2, -0.4, -0.12, 0.5}, {0.5, 1.0, 0.0, 0.8}};
        for (double[] s : starts) {
            env.reset(0);
            env.setState(s[0], s[1], s[2], s[3]);
            double[] obs = env.state();
            int steps = 0;
            while (true) {
                var r = env.step(expert.act(obs));
                steps++;
                obs = r.observation();
                if (r.done()) {
                    assertTrue(r.truncated(), "fell after " + steps + " steps from " + java.util.Arrays.toString(s));
                    break;
                }
            }
        }
    }

    @Test
    void rejectsAnObservationOfTheWrongSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CartPoleExpert().act(new double[3]));
        assertTrue(e.getMessage().contains("4-number observation"), e.getMessage());
    }
}
