package io.il4j.irl.iq;

import io.il4j.core.data.Dataset;
import io.il4j.core.data.MinibatchSampler;
import io.il4j.core.data.Normalizer;
import io.il4j.core.env.Rollouts;
import io.il4j.envs.cartpole.CartPoleEnv;
import io.il4j.envs.internal.RandomPolicy;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class AbsorbingExpertTest {

    /** Random CartPole episodes: every one ends in a termination within a few dozen steps. */
    static Dataset terminatingEpisodes(int episodes) {
        CartPoleEnv env = new CartPoleEnv();
        return Rollouts.collect(env, new RandomPolicy(env.spec().actionSpace(), 5), episodes, 0, 500).dataset();
    }

    /**
     * Online, the expert half of a batch holds the absorbing self-transition with the replay buffer's weight per expert
     * termination (the expert's occupancy includes the absorbing state as the learner's does); with absorbing states off
     * it holds none. An implementation that samples only the expert's stored transitions fails the first check.
     */
    @Test
    void expertHalfSamplesTheAbsorbingStatePerExpertTermination() {
        Dataset data = terminatingEpisodes(10);
        ExpertTransitions expert = new ExpertTransitions(data, data.observationNormalizer(MinibatchSampler.allSteps(data), Normalizer.DEFAULT_STD_FLOOR));
        assertEquals(10, expert.terminations);
        double w = 0.99 / 0.01;
        for (double weight : new double[]{w, 0}) {
            ReplayBuffer replay = new ReplayBuffer(100, expert.obsDim, 1, weight);
            float[] row = new float[expert.obsDim], act = {0};
            for (int t = 0; t < 50; t++) replay.add(row, act, row, false);
            IqBatch batch = new IqBatch(expert.obsDim, 1);
            SplittableRandom rng = new SplittableRandom(9);
            int absorbingRows = 0, rows = 0;
            for (int draw = 0; draw < 200; draw++) {
                batch.fillMixed(expert, replay, rng, 64);
                for (int k = 0; k < 64; k++) {
                    assertTrue(batch.expert[k]);
                    if (batch.absorbing[k]) {
                        absorbingRows++;
                        assertFalse(batch.done[k]);
                    }
                    rows++;
                }
                for (int k = 64; k < 128; k++) assertFalse(batch.absorbing[k] || batch.expert[k]); // the learner never terminated
            }
            double expected = expert.terminations * weight / (expert.size + expert.terminations * weight);
            assertEquals(expected, absorbingRows / (double) rows, 0.01, "weight " + weight);
        }
    }
}
