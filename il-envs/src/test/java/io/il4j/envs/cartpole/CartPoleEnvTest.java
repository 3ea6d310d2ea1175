package io.il4j.envs.cartpole;

import io.il4j.core.env.StepResult;
import io.il4j.core.space.InvalidActionException;
import io.il4j.envs.ReferenceCsv;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class CartPoleEnvTest {

    @Test
    void reproducesEveryGymnasiumReferenceTransition() throws Exception {
        ReferenceCsv ref = ReferenceCsv.load("/reference/gymnasium-cartpole-v1-transitions.csv");
        assertEquals(200, ref.rows().size());
        String[] next = {"next_x", "next_x_dot", "next_theta", "next_theta_dot"};
        CartPoleEnv env = new CartPoleEnv();
        int terminations = 0;
        for (int r = 0; r < ref.rows().size(); r++) {
            double[] row = ref.rows().get(r);
            env.reset(r);
            env.setState(row[ref.column("x")], row[ref.column("x_dot")], row[ref.column("theta")], row[ref.column("theta_dot")]);
            StepResult out = env.step(new double[]{row[ref.column("action")]});
            double[] state = env.state();
            for (int i = 0; i < 4; i++) {
                double expected = row[ref.column(next[i])];
                assertEquals(expected, state[i], 1e-9, "row " + r + " " + next[i]);
                assertEquals((float) expected, (float) out.observation()[i], "row " + r + " float32 observation " + next[i]);
            }
            assertEquals(row[ref.column("reward")], out.reward(), 1e-12, "row " + r + " reward");
            boolean terminated = row[ref.column("terminated")] != 0;
            assertEquals(terminated, out.terminated(), "row " + r + " terminated");
            assertFalse(out.truncated());
            if (terminated) terminations++;
        }
        assertTrue(terminations > 0 && terminations < 200, "reference rows should cover both outcomes, got " + terminations);
    }

    @Test
    void startStateIsSmallAndSeeded() {
        CartPoleEnv env = new CartPoleEnv();
        double[] a = env.reset(42), b = env.reset(42), c = env.reset(43);
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, c));
        for (long seed = 0; seed < 100; seed++)
            for (double v : env.reset(seed)) assertTrue(Math.abs(v) <= 0.05, "start value " + v);
    }

    @Test
    void truncatesAtTheTimeLimitAndRefusesStepsAfterTheEnd() {
        CartPoleEnv env = new CartPoleEnv(3);
        env.reset(0);
        env.setState(0, 0, 0, 0);
        assertFalse(env.step(new double[]{1}).done());
        assertFalse(env.step(new double[]{0}).done());
        StepResult last = env.step(new double[]{1});
        assertTrue(last.truncated());
        assertFalse(last.terminated());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.step(new double[]{1}));
        assertTrue(e.getMessage().contains("after the episode ended"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> new CartPoleEnv().step(new double[]{0}));
    }

    @Test
    void rejectsBadActionsWithAClearMessage() {
        CartPoleEnv env = new CartPoleEnv();
        env.reset(0);
        InvalidActionException e = assertThrows(InvalidActionException.class, () -> env.step(new double[]{2}));
        assertTrue(e.getMessage().contains("[0, 1]"), e.getMessage());
        assertThrows(InvalidActionException.class, () -> env.step(new double[]{0.5}));
        assertThrows(InvalidActionException.class, () -> env.step(new double[]{Double.NaN}));
        assertThrows(InvalidActionException.class, () -> env.step(new double[]{0, 1}));
        assertThrows(InvalidActionException.class, () -> env.step(null));
        // a rejected action leaves the episode running
        assertFalse(env.step(new double[]{1}).done());
    }
}
