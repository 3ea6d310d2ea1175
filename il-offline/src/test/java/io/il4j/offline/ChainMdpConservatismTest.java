package io.il4j.offline;

import io.il4j.core.train.TrainingListener;
import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.data.DatasetSpec;
import io.il4j.core.nn.Mlp;
import io.il4j.core.space.Discrete;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The conservative property on a chain MDP with known Q*: states 0..4 (one-hot), actions left/right,
 * reward 1 on reaching state 4 (terminal). The data only ever moves right, so Q(s, left) is never observed.
 * Plain fitted Q-iteration (the same learner with alpha = 0) leaves those values wherever the network's
 * generalization puts them; CQL must push them below both FQI's values and Q*.
 */
class ChainMdpConservatismTest {
    private static final int STATES = 5, LEFT = 0, RIGHT = 1;
    private static final double GAMMA = 0.9;

    private static double[] oneHot(int s) {
        double[] o = new double[STATES];
        o[s] = 1;
        return o;
    }

    /** Episodes from random starts in 0..3, always moving right until the terminal state 4. */
    private static Dataset rightOnly() {
        DatasetBuilder b = new DatasetBuilder(new DatasetSpec(List.of("s0", "s1", "s2", "s3", "s4"), new Discrete(2), List.of("a"), List.of(), true));
        Random r = new Random(1);
        for (int e = 0; e < 200; e++) {
            int s = r.nextInt(STATES - 1);
            b.beginEpisode();
            while (s < STATES - 1) {
                b.addStep(oneHot(s), new double[]{RIGHT}, s + 1 == STATES - 1 ? 1 : 0);
                s++;
            }
            b.endEpisode(oneHot(s), true, false);
        }
        return b.build();
    }

    /** Q* by value iteration: right moves up (reward 1 into the terminal), left moves down (clamped at 0). */
    private static double[][] qStar() {
        double[] v = new double[STATES];
        double[][] q = new double[STATES - 1][2];
        for (int it = 0; it < 200; it++) {
            for (int s = 0; s < STATES - 1; s++) {
                q[s][RIGHT] = s + 1 == STATES - 1 ? 1 : GAMMA * v[s + 1];
                q[s][LEFT] = GAMMA * v[Math.max(0, s - 1)];
            }
            for (int s = 0; s < STATES - 1; s++) v[s] = Math.max(q[s][LEFT], q[s][RIGHT]);
        }
        return q;
    }

    private static double[][] learnedQ(Dataset data, double alpha) {
        DiscreteCqlConfig c = DiscreteCqlConfig.builder().hiddenSizes(List.of(32)).batchSize(64).steps(3000).evalInterval(3000).gamma(GAMMA)
                .learningRate(3e-3).targetUpdateInterval(100).alpha(alpha).normalizeObservations(false).seed(4).build();
        TrainedCql t = DiscreteCql.train(data, c, TrainingListener.NONE, null);
        double[][] q = new double[STATES - 1][2];
        try (Mlp net = new Mlp(t.critics().get(0))) {
            for (int s = 0; s < STATES - 1; s++) {
                float[] in = new float[STATES];
                in[s] = 1;
                float[] out = net.forward(in, 1);
                q[s][LEFT] = out[LEFT];
                q[s][RIGHT] = out[RIGHT];
            }
        }
        return q;
    }

    @Test
    void cqlValuesOfUnseenActionsSitBelowFittedQIterationAndBelowQStar() {
        Dataset data = rightOnly();
        double[][] star = qStar(), fqi = learnedQ(data, 0), cql = learnedQ(data, 1);
        for (int s = 0; s < STATES - 1; s++) {
            System.out.printf("s=%d  Q*=(%.3f, %.3f)  FQI=(%.3f, %.3f)  CQL=(%.3f, %.3f)%n", s, star[s][LEFT], star[s][RIGHT], fqi[s][LEFT],
                    fqi[s][RIGHT], cql[s][LEFT], cql[s][RIGHT]);
            // CQL still fits the value of the action the data shows (its greedy action here)
            assertEquals(star[s][RIGHT], cql[s][RIGHT], 0.05, "CQL's Q(s, right) at s=" + s);
            assertTrue(cql[s][LEFT] < fqi[s][LEFT] - 0.2, "CQL's Q(" + s + ", left) " + cql[s][LEFT] + " vs FQI's " + fqi[s][LEFT]);
            assertTrue(cql[s][LEFT] < star[s][LEFT] - 0.2, "CQL's Q(" + s + ", left) " + cql[s][LEFT] + " vs Q* " + star[s][LEFT]);
        }
    }
}
