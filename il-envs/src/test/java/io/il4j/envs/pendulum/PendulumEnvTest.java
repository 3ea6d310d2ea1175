package io.il4j.envs.pendulum;

import io.il4j.core.env.StepResult;
import io.il4j.core.space.InvalidActionException;
import io.il4j.envs.ReferenceCsv;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class PendulumEnvTest {

    @Test
    void reproducesEveryGymnasiumReferenceTransition() throws Exception {
        ReferenceCsv ref = ReferenceCsv.load("/reference/gymnasium-pendulum-v1-transitions.csv");
        assertEquals(200, ref.rows().size());
        PendulumEnv env = new PendulumEnv();
        int clipped = 0;
        for (int r = 0; r < ref.rows().size(); r++) {
            double[] row = ref.rows().get(r);
            env.reset(r);
            env.setState(row[ref.column("theta")], row[ref.column("theta_dot")]);
            double torque = row[ref.column("torque")];
            if (Math.abs(torque) > 2) clipped++;
            StepResult out = env.step(new double[]{torque});
            assertEquals(row[ref.column("next_theta")], env.state()[0], 1e-9, "row " + r + " next_theta");
            assertEquals(row[ref.column("next_theta_dot")], env.state()[1], 1e-9, "row " + r + " next_theta_dot");
            String[] obs = {"obs_cos", "obs_sin", "obs_theta_dot"};
            for (int i = 0; i < 3; i++)
                assertEquals((float) row[ref.column(obs[i])], (float) out.observation()[i], "row " + r + " float32 " + obs[i]);
            assertEquals(row[ref.column("reward")], out.reward(), 1e-9, "row " + r + " reward");
            assertFalse(out.terminated());
            assertFalse(out.truncated());
        }
        assertTrue(clipped > 0, "the reference includes torques beyond the bound");
    }

    @Test
    void angleNormalizeIsAFloorModulo() {
        assertEquals(0.5, PendulumEnv.angleNormalize(0.5), 1e-15);
        assertEquals(-Math.PI + 0.5, PendulumEnv.angleNormalize(Math.PI + 0.5), 1e-12);
        assertEquals(Math.PI - 0.5, PendulumEnv.angleNormalize(-Math.PI - 0.5), 1e-12);
        assertEquals(-0.25, PendulumEnv.angleNormalize(-0.25 - 4 * Math.PI), 1e-12);
    }

    @Test
    void startsInTheDocumentedRangeAndTruncatesAt200() {
        PendulumEnv env = new PendulumEnv();
        for (long seed = 0; seed < 50; seed++) {
            env.reset(seed);
            double[] s = env.state();
            assertTrue(Math.abs(s[0]) <= Math.PI && Math.abs(s[1]) <= 1, java.util.Arrays.toString(s));
        }
        env.reset(1);
        int steps = 0;
        StepResult r;
        do {
            r = env.step(new double[]{0});
            steps++;
        } while (!r.done());
        assertEquals(200, steps);
        assertTrue(r.truncated());
        assertFalse(r.terminated());
    }

    @Test
    void gravityOptionChangesTheDynamics() {
        PendulumEnv g10 = new PendulumEnv(), g5 = new PendulumEnv(5, 200);
        g10.reset(0);
        g5.reset(0);
        g10.setState(1, 0);
        g5.setState(1, 0);
        g10.step(new double[]{0});
        g5.step(new double[]{0});
        assertEquals(15 * Math.sin(1) * 0.05, g10.state()[1], 1e-12);
        assertEquals(7.5 * Math.sin(1) * 0.05, g5.state()[1], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new PendulumEnv(0, 200));
    }

    @Test
    void rejectsBadActionsButClipsLargeTorques() {
        PendulumEnv env = new PendulumEnv();
        env.reset(0);
        assertThrows(InvalidActionException.class, () -> env.step(new double[]{Double.NaN}));
        assertThrows(InvalidActionException.class, () -> env.step(new double[]{Double.POSITIVE_INFINITY}));
        InvalidActionException e = assertThrows(InvalidActionException.class, () -> env.step(new double[]{1, 2}));
        assertTrue(e.getMessage().contains("expected 1"), e.getMessage());
        env.setState(0, 0);
        StepResult big = env.step(new double[]{100});
        assertEquals(-0.001 * 4, big.reward(), 1e-12, "the cost uses the clipped torque");
        assertEquals(3 * 2 * 0.05, env.state()[1], 1e-12);
    }
}
