package io.il4j.core.metrics;

import io.il4j.core.env.EpisodeResult;
import io.il4j.core.metrics.internal.NormalQuantile;
import io.il4j.core.metrics.internal.StudentT;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class EstimateTest {

    @Test
    void studentCriticalValuesMatchPublishedTables() {
        // two-sided 95%: 12.706 (1), 4.303 (2), 2.776 (4), 2.228 (10), 2.045 (29), 1.984 (100)
        assertEquals(12.7062, StudentT.twoSidedCritical(1, 0.95), 1e-4);
        assertEquals(4.3027, StudentT.twoSidedCritical(2, 0.95), 1e-4);
        assertEquals(2.7764, StudentT.twoSidedCritical(4, 0.95), 1e-4);
        assertEquals(2.2281, StudentT.twoSidedCritical(10, 0.95), 1e-4);
        assertEquals(2.0452, StudentT.twoSidedCritical(29, 0.95), 1e-4);
        assertEquals(1.9840, StudentT.twoSidedCritical(100, 0.95), 1e-4);
        assertEquals(1.9600, StudentT.twoSidedCritical(100_000, 0.95), 1e-4);
        assertEquals(3.1693, StudentT.twoSidedCritical(10, 0.99), 1e-4);
    }

    @Test
    void confidenceIntervalMatchesHandComputation() {
        // 1..5: mean 3, sample std sqrt(2.5), t(0.975, 4) = 2.776445, half = 2.776445 * sqrt(2.5) / sqrt(5) = 1.963243
        Estimate e = Estimate.of(new double[]{1, 2, 3, 4, 5});
        assertEquals(5, e.n());
        assertEquals(3, e.mean(), 1e-12);
        assertEquals(Math.sqrt(2.5), e.std(), 1e-12);
        assertEquals(3 - 1.963243, e.ciLow(), 1e-5);
        assertEquals(3 + 1.963243, e.ciHigh(), 1e-5);
        assertEquals(1.963243, e.halfWidth(), 1e-5);
        assertEquals(1, e.min());
        assertEquals(5, e.max());
        Estimate single = Estimate.of(new double[]{7});
        assertEquals(7, single.mean());
        assertTrue(Double.isNaN(single.std()) && Double.isNaN(single.ciLow()));
        assertThrows(IllegalArgumentException.class, () -> Estimate.of(new double[0]));
    }

    @Test
    void normalCriticalValuesMatchPublishedTables() {
        assertEquals(1.959964, NormalQuantile.twoSidedCritical(0.95), 1e-6);
        assertEquals(2.575829, NormalQuantile.twoSidedCritical(0.99), 1e-6);
        assertEquals(1.644854, NormalQuantile.twoSidedCritical(0.90), 1e-6);
        assertEquals(0.682689, NormalQuantile.centralProbability(1), 1e-6);
    }

    @Test
    void zeroOneValuesGetTheWilsonIntervalInsideZeroOne() {
        // Newcombe (1998), Stat. Med. 17:857, Table I, method 3 (Wilson score without continuity correction)
        assertWilson(81, 263, 0.2553, 0.3662);
        assertWilson(15, 148, 0.0624, 0.1605);
        assertWilson(0, 20, 0, 0.1611);
        assertWilson(1, 29, 0.0061, 0.1718);
        // the t-interval gave [-5.853, 6.853] for {0, 1} and a zero-width [1, 1] for 100 successes
        assertWilson(1, 2, 0.0945, 0.9055);
        assertWilson(100, 100, 0.9630, 1);
        for (int n = 1; n <= 300; n++) {
            assertEquals(0, Estimate.of(new double[n]).ciLow(), "0 of " + n + " has lower end exactly 0");
            double[] ones = new double[n];
            java.util.Arrays.fill(ones, 1);
            assertEquals(1, Estimate.of(ones).ciHigh(), n + " of " + n + " has upper end exactly 1");
        }
        Estimate single = Estimate.of(new double[]{1});
        assertEquals(0.2065, single.ciLow(), 1e-4, "a single 0/1 value still bounds the proportion");
        assertEquals(1, single.ciHigh());
        assertTrue(Double.isNaN(single.std()));
        // one value outside {0, 1} and the sample is continuous again: the t-interval
        Estimate mixed = Estimate.of(new double[]{0, 1, 0.5});
        assertEquals(0.5 - 4.302653 * 0.5 / Math.sqrt(3), mixed.ciLow(), 1e-5);
    }

    private static void assertWilson(int successes, int n, double low, double high) {
        double[] values = new double[n];
        for (int i = 0; i < successes; i++) values[i] = 1;
        Estimate e = Estimate.of(values);
        assertEquals((double) successes / n, e.mean(), 1e-12);
        assertEquals(low, e.ciLow(), 5e-5, successes + "/" + n + " low");
        assertEquals(high, e.ciHigh(), 5e-5, successes + "/" + n + " high");
    }

    @Test
    void evaluationSummaryCoversReturnLengthAndEveryMetric() {
        List<EpisodeResult> results = List.of(
                new EpisodeResult(0, 1, 10, true, false, Map.of("success", 1.0, "collision", 0.0)),
                new EpisodeResult(1, 2, 20, false, true, Map.of("success", 0.0, "collision", 1.0)),
                new EpisodeResult(2, 3, 30, false, true, Map.of("success", 1.0)),
                new EpisodeResult(3, 4, 40, false, true, Map.of("success", 1.0)),
                new EpisodeResult(4, 5, 50, true, false, Map.of("success", 0.0)));
        EvaluationSummary s = EvaluationSummary.of(results);
        assertEquals(5, s.episodes());
        assertEquals(2, s.terminated());
        assertEquals(3, s.truncated());
        assertEquals(3 + 1.963243, s.totalReturn().ciHigh(), 1e-5);
        assertEquals(30, s.length().mean(), 1e-12);
        assertEquals(19.63243, s.length().halfWidth(), 1e-4);
        assertEquals(0.6, s.metric("success").mean(), 1e-12);
        assertEquals(0.2307, s.metric("success").ciLow(), 1e-4, "a 0/1 metric gets the Wilson interval");
        assertEquals(5, s.metric("success").n());
        assertEquals(2, s.metric("collision").n(), "a metric missing from some episodes is summarized over those reporting it");
        assertEquals(List.of("collision", "success"), List.copyOf(s.metrics().keySet()));
        assertNull(s.metric("nope"));
        String table = s.toTable().render();
        assertTrue(table.contains("success"), table);
        assertThrows(IllegalArgumentException.class, () -> EvaluationSummary.of(List.of()));
    }

    @Test
    void runningStatsMergeEqualsOnePass() {
        RunningStats all = new RunningStats(), a = new RunningStats(), b = new RunningStats();
        double[] xs = {3, -1, 4, 1, -5, 9, 2, 6};
        for (int i = 0; i < xs.length; i++) {
            all.add(xs[i]);
            (i < 3 ? a : b).add(xs[i]);
        }
        a.merge(b);
        assertEquals(all.mean(), a.mean(), 1e-12);
        assertEquals(all.variance(), a.variance(), 1e-12);
        assertEquals(all.sampleVariance(), a.sampleVariance(), 1e-12);
        assertEquals(-5, a.min());
        assertEquals(9, a.max());
        RunningStats nan = new RunningStats();
        nan.add(1);
        nan.add(Double.NaN);
        assertTrue(Double.isNaN(nan.mean()) && Double.isNaN(nan.min()) && Double.isNaN(nan.max()));
    }
}
