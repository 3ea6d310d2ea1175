package io.il4j.envs;

import io.il4j.core.env.Env;
import io.il4j.core.env.StepResult;
import io.il4j.core.env.VectorEnv;
import io.il4j.core.policy.Policy;
import io.il4j.envs.cartpole.CartPoleEnv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class VectorEnvsTest {

    static List<String> ids() {
        return Envs.ids();
    }

    /** Copy i must behave exactly like an independent env reset with seeds seed+i, seed+i+n, seed+i+2n, ... */
    @ParameterizedTest
    @MethodSource("ids")
    void matchesIndependentEnvironmentsStepForStepAcrossAutoresets(String id) {
        int n = 4;
        long seed = 100;
        VectorEnv vec = VectorEnvs.of(id, Map.of("max_steps", "25"), n);
        Env[] solo = new Env[n];
        Policy[] policies = new Policy[n];
        double[][] soloObs = new double[n][];
        long[] episodes = new long[n];
        for (int i = 0; i < n; i++) {
            solo[i] = Envs.make(id, Map.of("max_steps", "25"));
            policies[i] = Behaviours.random(solo[i].spec().actionSpace(), i);
            soloObs[i] = solo[i].reset(seed + i);
        }
        int obsDim = vec.spec().observationDim();
        double[][] obs = new double[n][obsDim];
        vec.reset(seed, obs);
        for (int i = 0; i < n; i++) assertArrayEquals(soloObs[i], obs[i]);
        double[] rewards = new double[n];
        boolean[] term = new boolean[n], trunc = new boolean[n];
        int ended = 0;
        for (int t = 0; t < 120; t++) {
            double[][] actions = new double[n][];
            for (int i = 0; i < n; i++) actions[i] = policies[i].act(soloObs[i]);
            vec.step(actions, obs, rewards, term, trunc);
            for (int i = 0; i < n; i++) {
                StepResult r = solo[i].step(actions[i]);
                assertEquals(r.reward(), rewards[i], 0.0, "copy " + i + " step " + t);
                assertEquals(r.terminated(), term[i]);
                assertEquals(r.truncated(), trunc[i]);
                if (r.done()) {
                    ended++;
                    assertArrayEquals(r.observation(), vec.finalObservation(i), 0.0);
                    episodes[i]++;
                    soloObs[i] = solo[i].reset(seed + i + episodes[i] * n);
                } else {
                    soloObs[i] = r.observation();
                    int copy = i;
                    assertThrows(IllegalStateException.class, () -> vec.finalObservation(copy));
                }
                assertArrayEquals(soloObs[i], obs[i], 0.0, "copy " + i + " step " + t);
            }
        }
        assertTrue(ended >= n * 4, "episodes should end (and autoreset) several times, ended " + ended);
    }

    @Test
    void rejectsBadArgumentsClearly() {
        assertThrows(IllegalArgumentException.class, () -> VectorEnvs.of(CartPoleEnv::new, 0));
        CartPoleEnv shared = new CartPoleEnv();
        assertThrows(IllegalArgumentException.class, () -> VectorEnvs.of(() -> shared, 2));
        VectorEnv vec = VectorEnvs.of(CartPoleEnv::new, 2);
        double[][] obs = new double[2][4];
        boolean[] flags = new boolean[2];
        assertThrows(IllegalStateException.class, () -> vec.step(new double[][]{{0}, {1}}, obs, new double[2], flags, new boolean[2]));
        vec.reset(0, obs);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> vec.step(new double[][]{{0}}, obs, new double[2], flags, new boolean[2]));
        assertTrue(e.getMessage().contains("actions must have one entry per copy (2), got 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> vec.reset(0, new double[2][3]));
        assertThrows(io.il4j.core.space.InvalidActionException.class,
                () -> vec.step(new double[][]{{0}, {2}}, obs, new double[2], flags, new boolean[2]));
    }
}
