package io.il4j.dagger;

import io.il4j.core.env.Env;
import io.il4j.core.env.EnvSpec;
import io.il4j.core.policy.ExpertOracle;
import io.il4j.core.policy.Policy;
import io.il4j.core.policy.PolicyLearner;
import io.il4j.core.space.Discrete;
import io.il4j.dagger.testing.ScriptedEnv;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.*;

class DartTest {
    private static final double LABEL = 0.3;

    private static double[] meanAndStd(List<double[]> executed) {
        double m = executed.stream().mapToDouble(a -> a[0] - LABEL).average().orElseThrow();
        double v = executed.stream().mapToDouble(a -> (a[0] - LABEL - m) * (a[0] - LABEL - m)).sum() / (executed.size() - 1);
        return new double[]{m, Math.sqrt(v)};
    }

    @Test
    void fixedNoiseIsAddedToTheExecutedActionWhileTheCleanExpertActionIsTheLabel() {
        ScriptedEnv s = new ScriptedEnv(1_000, 1);
        ExpertOracle oracle = mock(ExpertOracle.class);
        when(oracle.act(any(double[].class))).thenReturn(new double[]{LABEL});
        PolicyLearner learner = (d, seed, w) -> obs -> new double[]{LABEL};
        DartConfig c = new DartConfig(2, 10, 1_000, 0, DartConfig.NoiseMode.FIXED, 0.5, 1, RetrainMode.FROM_SCRATCH, 4, 0);

        DaggerResult r = new Dart(c, learner).showProgress(false).run(s, oracle);

        assertEquals(20_000, s.executed.size());
        verify(oracle, times(20_000)).act(any(double[].class));
        double[] ms = meanAndStd(s.executed);
        assertEquals(0.0, ms[0], 0.015); // standard error 0.0035
        assertEquals(0.5, ms[1], 0.01);
        for (int step = 0; step < r.aggregated().numSteps(); step++) assertEquals((float) LABEL, r.aggregated().action(step, 0));
        assertEquals(0.5, r.rounds().get(1).details().get("noise_std"), 0);
    }

    @Test
    void estimatedNoiseFollowsTheLearnersError() {
        ScriptedEnv s = new ScriptedEnv(1_000, 1);
        ExpertOracle oracle = ExpertOracle.of(o -> new double[]{LABEL});
        PolicyLearner learner = mock(PolicyLearner.class); // always 0.2 off the expert: mean squared error 0.04
        when(learner.fit(any(), anyLong(), any())).thenReturn((Policy) obs -> new double[]{LABEL + 0.2});
        DartConfig c = new DartConfig(2, 10, 1_000, 0, DartConfig.NoiseMode.ESTIMATED, 0.0, 2.0, RetrainMode.FROM_SCRATCH, 5, 0);

        DaggerResult r = new Dart(c, learner).showProgress(false).run(s, oracle);

        // Round 1: no learner, noise std 0 as configured; round 2: sqrt(2 x 0.04).
        assertEquals(0.0, r.rounds().get(0).details().get("noise_std"));
        for (double[] a : s.executed.subList(0, 10_000)) assertEquals(LABEL, a[0]);
        double expected = Math.sqrt(2 * 0.04);
        assertEquals(expected, r.rounds().get(1).details().get("noise_std"), 1e-6);
        assertEquals(expected, meanAndStd(s.executed.subList(10_000, 20_000))[1], 0.01);
        assertEquals(0.2, r.rounds().get(1).actionDisagreement(), 1e-6);
    }

    @Test
    void discreteActionsAreRejected() {
        Env env = mock(Env.class);
        when(env.spec()).thenReturn(new EnvSpec("cart", List.of("x"), new Discrete(2), List.of("push"), 10));
        DartConfig c = new DartConfig(2, 1, 10, 0, DartConfig.NoiseMode.FIXED, 0.1, 1, RetrainMode.FROM_SCRATCH, 0, 0);
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> new Dart(c, (d, seed, w) -> o -> new double[]{0}).run(env, ExpertOracle.of(o -> new double[]{0})));
        assertTrue(ex.getMessage().contains("needs a Box action space; cart has Discrete[n=2]"), ex.getMessage());
    }
}
