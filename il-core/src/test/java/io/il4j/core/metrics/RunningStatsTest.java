package io.il4j.core.metrics;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunningStatsTest {

    /** The bulk two-pass form gives the one-value form's statistics, column by column, also after a first batch. */
    @Test
    void addColumnsAgreesWithAddingOneValueAtATime() {
        Random rnd = new Random(5);
        int dim = 3, rows = 1_000;
        float[] a = new float[dim * rows], b = new float[dim * 17];
        for (int i = 0; i < a.length; i++) a[i] = (float) (rnd.nextGaussian() * (1 + i % dim) + 100 * (i % dim));
        for (int i = 0; i < b.length; i++) b[i] = (float) rnd.nextGaussian();
        RunningStats[] bulk = {new RunningStats(), new RunningStats(), new RunningStats()};
        RunningStats[] single = {new RunningStats(), new RunningStats(), new RunningStats()};
        RunningStats.addColumns(bulk, a, rows);
        RunningStats.addColumns(bulk, b, 17);
        for (int i = 0; i < a.length; i++) single[i % dim].add(a[i]);
        for (int i = 0; i < b.length; i++) single[i % dim].add(b[i]);
        for (int d = 0; d < dim; d++) {
            assertEquals(single[d].count(), bulk[d].count());
            assertEquals(single[d].mean(), bulk[d].mean(), 1e-9 * (1 + Math.abs(single[d].mean())));
            assertEquals(single[d].std(), bulk[d].std(), 1e-9 * (1 + single[d].std()));
            assertEquals(single[d].min(), bulk[d].min());
            assertEquals(single[d].max(), bulk[d].max());
        }
    }

    /** +Inf and -Inf in one column are no NaN: min and max stay the infinities, as with the one-value form. */
    @Test
    void infinitiesOfBothSignsAreNotTakenForNaN() {
        RunningStats[] bulk = {new RunningStats()};
        RunningStats single = new RunningStats();
        float[] v = {Float.POSITIVE_INFINITY, 1f, Float.NEGATIVE_INFINITY};
        RunningStats.addColumns(bulk, v, v.length);
        for (float x : v) single.add(x);
        assertEquals(Double.NEGATIVE_INFINITY, bulk[0].min());
        assertEquals(Double.POSITIVE_INFINITY, bulk[0].max());
        assertEquals(single.min(), bulk[0].min());
        assertEquals(single.max(), bulk[0].max());
        RunningStats[] withNaN = {new RunningStats()};
        RunningStats.addColumns(withNaN, new float[] {1f, Float.NaN}, 2);
        assertTrue(Double.isNaN(withNaN[0].min()) && Double.isNaN(withNaN[0].mean()));
    }
}
