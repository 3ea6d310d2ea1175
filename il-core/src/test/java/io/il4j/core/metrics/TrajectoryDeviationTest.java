package io.il4j.core.metrics;

import io.il4j.core.policy.ExpertOracle;
import io.il4j.core.policy.Policy;
import io.il4j.core.testenv.LineEnv;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class TrajectoryDeviationTest {

    /** Halves the distance to 0 each step. */
    private static final ExpertOracle EXPERT = ExpertOracle.of(obs -> new double[]{-0.5 * obs[0]});

    @Test
    void biasedLearnerDeviationFollowsItsRecurrence() {
        // learner adds 0.1: x_{t+1} = x_t/2 + 0.1 versus x*_{t+1} = x*_t/2, so d_{t+1} = d_t/2 + 0.1, d_0 = 0;
        // on its own states the action error is exactly 0.1 every step
        Policy learner = obs -> new double[]{-0.5 * obs[0] + 0.1};
        int horizon = 8;
        TrajectoryDeviation.Result r = TrajectoryDeviation.measure(new LineEnv(false, 100), learner, EXPERT, 4, horizon);
        assertEquals(horizon, r.learnerLength());
        assertEquals(horizon, r.expertLength());
        assertFalse(r.learnerTerminated() || r.expertTerminated());
        double[] d = r.stateDistance();
        assertEquals(horizon + 1, d.length);
        double expected = 0, cumulative = 0;
        for (int t = 0; t <= horizon; t++) {
            assertEquals(expected, d[t], 1e-12, "d_" + t);
            cumulative += expected;
            assertEquals(cumulative, r.cumulativeStateDistance()[t], 1e-12);
            expected = expected / 2 + 0.1;
        }
        double[] e = r.actionDisagreement();
        assertEquals(horizon, e.length);
        for (int t = 0; t < horizon; t++) {
            assertEquals(0.1, e[t], 1e-12);
            assertEquals(0.1 * (t + 1), r.cumulativeActionDisagreement()[t], 1e-12);
        }
        assertEquals(0.1, r.meanActionDisagreement(), 1e-12);
    }

    @Test
    void aLearnerThatCrashesIsHeldAtItsLastState() {
        // from seed 5 (x0 = 1) the learner moves +2 per step: x = 3, 5 -> terminated after 2 steps;
        // the expert goes 1, 0.5, 0.25, 0.125, 0.0625 over the 4-step horizon
        Policy reckless = obs -> new double[]{2};
        TrajectoryDeviation.Result r = TrajectoryDeviation.measure(new LineEnv(false, 100), reckless, EXPERT, 5, 4);
        assertEquals(2, r.learnerLength());
        assertTrue(r.learnerTerminated());
        assertEquals(4, r.expertLength());
        assertArrayEquals(new double[]{0, 2.5, 4.75, 4.875, 4.9375}, r.stateDistance(), 1e-12);
        // action errors on the learner's states x=1 (expert -0.5) and x=3 (expert -1.5)
        assertArrayEquals(new double[]{2.5, 3.5}, r.actionDisagreement(), 1e-12);
        assertEquals(-8, r.learnerReturn(), 1e-12);
    }

    @Test
    void discreteDisagreementCountsDifferentActions() {
        ExpertOracle stay = ExpertOracle.of(obs -> new double[]{1});
        Policy sometimes = obs -> new double[]{obs[0] >= 1 ? 1 : 2}; // moves right until x >= 1
        TrajectoryDeviation.Result r = TrajectoryDeviation.measure(new LineEnv(true, 100), sometimes, stay, 0, 5, new int[]{0});
        // seed 0: x0 = -1 -> right to 0 -> right to 1 -> stays: disagreements 1, 1, 0, 0, 0
        assertArrayEquals(new double[]{1, 1, 0, 0, 0}, r.actionDisagreement(), 0);
        assertArrayEquals(new double[]{1, 2, 2, 2, 2}, r.cumulativeActionDisagreement(), 0);
        assertArrayEquals(new double[]{0, 1, 2, 2, 2, 2}, r.stateDistance(), 0);
    }

    @Test
    void horizonIsCappedByTheEnvironmentAndArgumentsAreChecked() {
        TrajectoryDeviation.Result r = TrajectoryDeviation.measure(new LineEnv(false, 3), EXPERT, EXPERT, 1, 50);
        assertEquals(3, r.learnerLength());
        assertArrayEquals(new double[4], r.stateDistance(), 0);
        assertThrows(IllegalArgumentException.class, () -> TrajectoryDeviation.measure(new LineEnv(false, 3), EXPERT, EXPERT, 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> TrajectoryDeviation.measure(new LineEnv(false, 3), EXPERT, EXPERT, 1, 5, new int[]{1}));
    }
}
