package io.il4j.irl.iq;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class ReplayBufferTest {

    private static double absorbingShare(ReplayBuffer buffer) {
        SplittableRandom rng = new SplittableRandom(3);
        float[] o = new float[2], n = new float[2], a = new float[1];
        boolean[] done = new boolean[1], abs = new boolean[1];
        int hits = 0, draws = 40_000;
        for (int k = 0; k < draws; k++) {
            buffer.sample(rng, 0, o, n, a, done, abs);
            if (abs[0]) {
                hits++;
                assertFalse(done[0]);
                assertEquals(0f, o[0]);
            } else assertEquals(7f, o[1]); // a stored row
        }
        return hits / (double) draws;
    }

    @Test
    void samplesTheAbsorbingStateWithItsDiscountedWeightAndForgetsEvictedTerminations() {
        double gamma = 0.99, w = gamma / (1 - gamma);
        ReplayBuffer buffer = new ReplayBuffer(100, 2, 1, w);
        float[] row = {1, 7}, act = {0};
        for (int t = 0; t < 90; t++) buffer.add(row, act, row, t % 10 == 9); // 9 episodes of 10 steps, each terminated
        assertEquals(9 * w / (90 + 9 * w), absorbingShare(buffer), 0.01);
        for (int t = 0; t < 100; t++) buffer.add(row, act, row, false); // every termination evicted
        assertEquals(0.0, absorbingShare(buffer));
        ReplayBuffer off = new ReplayBuffer(100, 2, 1, 0);
        for (int t = 0; t < 20; t++) off.add(row, act, row, true);
        assertEquals(0.0, absorbingShare(off));
    }

    /** The option reaches the buffer: {@code ONCE} samples each termination's absorbing transition as one stored step. */
    @Test
    void absorbingWeightOptionSetsTheAbsorbingShare() {
        double gamma = 0.99;
        OnlineConfig once = OnlineConfig.DEFAULT.withAbsorbingWeight(OnlineConfig.AbsorbingWeight.ONCE);
        OnlineConfig discounted = OnlineConfig.DEFAULT.withAbsorbingWeight(OnlineConfig.AbsorbingWeight.DISCOUNTED);
        assertEquals(1.0, AbsorbingState.weight(once, gamma));
        assertEquals(99.0, AbsorbingState.weight(discounted, gamma), 1e-9);
        assertEquals(0.0, AbsorbingState.weight(once.withAbsorbingStates(false), gamma));
        ReplayBuffer buffer = new ReplayBuffer(100, 2, 1, AbsorbingState.weight(once, gamma));
        float[] row = {1, 7}, act = {0};
        for (int t = 0; t < 90; t++) buffer.add(row, act, row, t % 10 == 9); // 9 terminations in 90 steps
        assertEquals(9.0 / 99, absorbingShare(buffer), 0.01);
    }
}
