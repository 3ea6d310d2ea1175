package io.il4j.core.nn;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The kernel used the way value-based learners use it: fitted Q-iteration with an Adam-trained online
 * network and a Polyak target network, on a two-state MDP whose Q* is known exactly.
 */
class FittedQIterationTest {

    // action 0 stays, action 1 switches state; r(s, a) below; discount 0.8
    private static final double[][] R = {{0.0, 0.5}, {1.0, -0.2}};
    private static final int[][] NEXT = {{0, 1}, {1, 0}};
    private static final double GAMMA = 0.8;

    /** Q* by value iteration to machine precision. */
    static double[][] optimalQ() {
        double[][] q = new double[2][2];
        for (int it = 0; it < 2000; it++) {
            double[][] n = new double[2][2];
            for (int s = 0; s < 2; s++)
                for (int a = 0; a < 2; a++) {
                    int s2 = NEXT[s][a];
                    n[s][a] = R[s][a] + GAMMA * Math.max(q[s2][0], q[s2][1]);
                }
            q = n;
        }
        return q;
    }

    @Test
    void fittedQIterationConvergesToTheKnownOptimalQ() {
        double[][] qStar = optimalQ();
        // Q*(1,0) = 1 / (1 - 0.8) = 5: staying in state 1 forever is optimal there
        assertEquals(5.0, qStar[1][0], 1e-9);
        MlpSpec trunk = new MlpSpec(List.of(32), Activation.TANH, false);
        try (Mlp online = Mlp.initialize(2, trunk, 2, 7); Mlp target = Mlp.initialize(2, trunk, 2, 7)) {
            target.copyFrom(online);
            Adam adam = new Adam(online, 3e-3);
            // the four transitions (s, a) in one batch; one-hot states
            int n = 4;
            int[] s = {0, 0, 1, 1}, a = {0, 1, 0, 1};
            float[] states = new float[n * 2], next = new float[n * 2], grad = new float[n * 2];
            for (int i = 0; i < n; i++) {
                states[i * 2 + s[i]] = 1f;
                next[i * 2 + NEXT[s[i]][a[i]]] = 1f;
            }
            Mlp.Pass pass = online.newPass();
            for (int step = 0; step < 4000; step++) {
                float[] qNext = target.forward(next, n);
                double[] y = new double[n];
                for (int i = 0; i < n; i++) y[i] = R[s[i]][a[i]] + GAMMA * Math.max(qNext[i * 2], qNext[i * 2 + 1]);
                float[] q = online.forward(pass, states, n);
                java.util.Arrays.fill(grad, 0f);
                for (int i = 0; i < n; i++) grad[i * 2 + a[i]] = (float) (2 * (q[i * 2 + a[i]] - y[i]) / n); // d/dQ of the mean squared TD error
                online.backward(pass, grad, false, true, null);
                adam.step();
                target.blendFrom(online, 0.05);
            }
            float[] q = online.forward(new float[]{1, 0, 0, 1}, 2);
            for (int st = 0; st < 2; st++)
                for (int ac = 0; ac < 2; ac++)
                    assertEquals(qStar[st][ac], q[st * 2 + ac], 0.05, "Q(" + st + "," + ac + ")");
        }
    }
}
