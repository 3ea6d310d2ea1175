package io.il4j.dagger;

import io.il4j.core.env.Env;
import io.il4j.core.env.EnvSpec;
import io.il4j.core.env.StepResult;
import io.il4j.core.policy.ExpertOracle;
import io.il4j.core.policy.Policy;
import io.il4j.core.space.Box;
import io.il4j.core.metrics.LogLogFit;
import io.il4j.dagger.testing.NearestNeighbourLearner;
import io.il4j.dagger.testing.ScriptedEnv;
import io.il4j.dagger.testing.UnstableLane;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class CompoundingErrorTest {
    private static final ExpertOracle ZERO = ExpertOracle.of(o -> new double[]{0});

    @Test
    void theExpertItselfHasNoCostAndNoStateDistance() {
        CompoundingErrorReport r = new CompoundingError(new int[]{10, 100}, 5, 1).measure(new UnstableLane(),
                UnstableLane.EXPERT, UnstableLane.EXPERT);
        assertArrayEquals(new double[]{0, 0}, r.meanCost());
        for (int t = 0; t < 100; t++) {
            assertEquals(0.0, r.disagreementByStep()[t]);
            assertEquals(0.0, r.stateDistanceByStep()[t]);
        }
        assertTrue(Double.isNaN(r.slope()));
        assertArrayEquals(new double[]{0, 0}, r.failureRate());
    }

    @Test
    void aConstantMistakeCostsLinearlyWithSlopeOne() {
        Policy off = o -> new double[]{0.5};
        CompoundingErrorReport r = new CompoundingError(new int[]{50, 100, 200, 400}, 3, 7)
                .measure(new ScriptedEnv(100_000, 1), off, ZERO);
        assertArrayEquals(new double[]{25, 50, 100, 200}, r.meanCost(), 1e-9);
        assertArrayEquals(new double[]{0, 0, 0, 0}, r.stdCost(), 1e-9);
        assertEquals(1.0, r.slope(), 1e-12);
        assertEquals(1.0, r.rSquared(), 1e-12);
        assertEquals(Math.log(0.5), r.intercept(), 1e-12);
        assertEquals(0.5, r.disagreementByStep()[399], 1e-12);
    }

    @Test
    void afterATerminationEveryRemainingStepCostsTheFailureCost() {
        // ScriptedEnv(30, 1) terminates every episode after 30 steps; its action box [-5, 5] has diagonal 10.
        Policy off = o -> new double[]{0.5};
        CompoundingErrorReport r = new CompoundingError(new int[]{20, 30, 100}, 2, 0)
                .measure(new ScriptedEnv(30, 1), off, ZERO);
        assertEquals(10.0, r.failureStepCost());
        assertArrayEquals(new double[]{10, 15, 15 + 70 * 10}, r.meanCost(), 1e-9);
        assertArrayEquals(new double[]{0, 1, 1}, r.failureRate());
        assertTrue(Double.isNaN(r.disagreementByStep()[30]));

        CompoundingErrorReport custom = new CompoundingError(new int[]{100}, 1, 0).failureStepCost(1)
                .measure(new ScriptedEnv(30, 1), off, ZERO);
        assertEquals(15 + 70, custom.meanCost()[0], 1e-9);
    }

    @Test
    void stateDistanceIsMeasuredAgainstTheExpertTrajectoryFromTheSameSeed() {
        // x' = x + a: the expert holds x = 0; a policy pushing +0.1 is 0.1 t away at step t.
        Env line = new Env() {
            double x;

            @Override
            public EnvSpec spec() {
                return new EnvSpec("line", List.of("x"), Box.uniform(1, -1, 1), List.of("a"), 1_000);
            }

            @Override
            public double[] reset(long seed) {
                x = seed * 1e-3;
                return new double[]{x};
            }

            @Override
            public StepResult step(double[] a) {
                x += a[0];
                return new StepResult(new double[]{x}, -Math.abs(x), false, false);
            }

        };
        CompoundingErrorReport r = new CompoundingError(new int[]{10}, 4, 0).measure(line, o -> new double[]{0.1}, ZERO);
        for (int t = 0; t <= 10; t++) assertEquals(0.1 * t, r.stateDistanceByStep()[t], 1e-9);
        // Return: -sum_{t=1..10} |seed/1000 + 0.1 t| for the learner, -10 |seed/1000| for the expert; mean over seeds 0..3.
        assertEquals(-(5.5 + 10 * 1.5e-3), r.meanReturn(), 1e-9);
        assertEquals(-10 * 1.5e-3, r.expertReturn(), 1e-9);
    }

    @Test
    void anEpisodeLimitBelowTheLargestHorizonIsRejected() {
        Env short_ = mock(Env.class);
        when(short_.spec()).thenReturn(new EnvSpec("short", List.of("x"), Box.uniform(1, -1, 1), List.of("a"), 500));
        when(short_.reset(anyLong())).thenReturn(new double[]{0});
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> new CompoundingError(CompoundingError.DRIVING_HORIZONS, 1, 0).measure(short_, ZERO, ZERO));
        assertEquals("short truncates episodes at 500 steps (maxEpisodeSteps) but the largest horizon is 1600; "
                + "configure a longer episode limit", ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CompoundingError(new int[]{100, 50}, 1, 0));
    }

    @Test
    void theSlopeIsFittedOverTheHorizonsWithPositiveCost() {
        int[] t = {50, 100, 200, 400};
        LogLogFit quad = CompoundingError.fitPositive(t, new double[]{0, 3, 12, 48});
        assertEquals(2.0, quad.slope(), 1e-12);
        assertEquals(3, quad.n());
        assertNull(CompoundingError.fitPositive(t, new double[]{0, 0, 0, 5}));
    }

    @Test
    void behaviouralCloningCompoundsFasterThanDaggerOnTheUnstableLane() {
        int[] horizons = {25, 50, 100, 200, 400};
        double bcCost = 0, daggerCost = 0, bcSlope = 0, daggerSlope = 0;
        for (long seed = 0; seed < 3; seed++) {
            Policy bc = new Dagger(DaggerConfig.behavioralCloning(400, 100, seed, 0), new NearestNeighbourLearner())
                    .showProgress(false).run(new UnstableLane(), UnstableLane.EXPERT).policy();
            Policy dagger = new Dagger(DaggerConfig.builder().rounds(10).rolloutsPerRound(1).horizon(100).labelBudget(400)
                    .seed(seed).evalEpisodes(0).build(), new NearestNeighbourLearner())
                    .showProgress(false).run(new UnstableLane(), UnstableLane.EXPERT).policy();
            CompoundingError ce = new CompoundingError(horizons, 20, 1_000);
            CompoundingErrorReport b = ce.measure(new UnstableLane(), bc, UnstableLane.EXPERT);
            CompoundingErrorReport d = ce.measure(new UnstableLane(), dagger, UnstableLane.EXPERT);
            bcCost += b.meanCost()[4] / 3;
            daggerCost += d.meanCost()[4] / 3;
            bcSlope += b.slope() / 3;
            daggerSlope += d.slope() / 3;
        }
        System.out.printf("UnstableLane cost at T=400: BC %.1f (slope %.2f), DAgger %.1f (slope %.2f)%n",
                bcCost, bcSlope, daggerCost, daggerSlope);
        assertTrue(daggerCost <= 0.5 * bcCost, "DAgger " + daggerCost + " vs BC " + bcCost);
        assertTrue(bcSlope > daggerSlope + 0.2, "slopes: BC " + bcSlope + ", DAgger " + daggerSlope);
    }
}
