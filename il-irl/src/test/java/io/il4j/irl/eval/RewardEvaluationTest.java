package io.il4j.irl.eval;

import io.il4j.core.data.Dataset;
import io.il4j.core.env.Rollouts;
import io.il4j.envs.cartpole.CartPoleEnv;
import io.il4j.envs.internal.RandomPolicy;
import io.il4j.irl.iq.RewardFunction;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class RewardEvaluationTest {

    /** A reward of 1 per step whose absorbing state earns {@code rho} per step. */
    private static RewardFunction unitReward(double rho) {
        return new RewardFunction() {
            @Override
            public double reward(double[] observation, double[] action, double[] nextObservation, boolean terminal) {
                return 1;
            }

            @Override
            public double absorbingReward() {
                return rho;
            }

            @Override
            public int observationDim() {
                return 4;
            }

            @Override
            public void save(Path path) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /**
     * Random CartPole episodes cut at 15 steps: some terminate before, the rest are truncated at 15. To the horizon
     * (here 100), only the terminated ones continue in the absorbing state, at {@code rho} per remaining step.
     */
    @Test
    void returnToHorizonAddsTheAbsorbingRewardAfterTerminationsOnly() {
        CartPoleEnv env = new CartPoleEnv();
        Dataset d = Rollouts.collect(env, new RandomPolicy(env.spec().actionSpace(), 3), 12, 0, 15).dataset();
        int horizon = 100, terminated = 0;
        double rho = -0.5, plain = 0, toHorizon = 0;
        for (int e = 0; e < d.numEpisodes(); e++) {
            int length = d.episodeLength(e);
            boolean end = d.isTerminal(d.episodeFirstStep(e) + length - 1);
            if (end) terminated++;
            plain += length / (double) d.numEpisodes();
            toHorizon += (length + (end ? (horizon - length) * rho : 0)) / d.numEpisodes();
        }
        assertTrue(terminated > 0 && terminated < d.numEpisodes(), "both kinds of episode end: " + terminated);
        RewardEvaluation ev = RewardEvaluation.of(unitReward(rho), d, horizon);
        assertEquals(plain, ev.meanRecoveredReturn(), 1e-9);
        assertEquals(toHorizon, ev.meanRecoveredReturnToHorizon(), 1e-9);
        assertEquals(plain, RewardEvaluation.of(unitReward(0), d, horizon).meanRecoveredReturnToHorizon(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> RewardEvaluation.of(unitReward(rho), d, 10)); // episodes of 15 steps
    }
}
