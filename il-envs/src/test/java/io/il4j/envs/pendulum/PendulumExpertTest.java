package io.il4j.envs.pendulum;

import io.il4j.core.env.EpisodeResult;
import io.il4j.core.env.Rollouts;
import io.il4j.core.env.StepResult;
import io.il4j.envs.Behaviours;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PendulumExpertTest {

    @Test
    void meanReturnOverTwentySeedsBeatsMinus200() {
        List<EpisodeResult> results = Rollouts.evaluate(new PendulumEnv(), new PendulumExpert(), 20, 0, Integer.MAX_VALUE);
        double mean = results.stream().mapToDouble(EpisodeResult::totalReturn).average().orElseThrow();
        assertTrue(mean >= -200, "expert mean return " + mean);
        // and it is far above a random policy (about -1200), so the threshold is not trivially met
        double random = Rollouts.evaluate(new PendulumEnv(), Behaviours.random(new PendulumEnv().spec().actionSpace(), 1), 20, 0,
                Integer.MAX_VALUE).stream().mapToDouble(EpisodeResult::totalReturn).average().orElseThrow();
        assertTrue(random < -800, "random mean return " + random);
    }

    @Test
    void swingsUpFromHangingAndHoldsTheTop() {
        PendulumEnv env = new PendulumEnv();
        PendulumExpert expert = new PendulumExpert();
        env.reset(0);
        env.setState(Math.PI, 0);
        double[] obs = {-1, 0, 0};
        double lastCost = Double.NaN;
        for (int t = 0; t < 200; t++) {
            StepResult r = env.step(expert.act(obs));
            obs = r.observation();
            lastCost = -r.reward();
        }
        assertTrue(Math.abs(PendulumEnv.angleNormalize(env.state()[0])) < 0.05, "final angle " + env.state()[0]);
        assertTrue(lastCost < 0.01, "cost per step at the top " + lastCost);
    }

    @Test
    void torqueIsWithinBoundsEverywhere() {
        PendulumExpert expert = new PendulumExpert();
        for (double th = -Math.PI; th <= Math.PI; th += 0.1)
            for (double td = -8; td <= 8; td += 0.5) {
                double u = expert.act(new double[]{Math.cos(th), Math.sin(th), td})[0];
                assertTrue(Math.abs(u) <= 2 && Double.isFinite(u), "torque " + u + " at " + th + ", " + td);
            }
    }
}
