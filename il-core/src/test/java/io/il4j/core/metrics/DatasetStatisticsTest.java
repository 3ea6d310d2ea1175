package io.il4j.core.metrics;

import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.data.DatasetSpec;
import io.il4j.core.data.TwoEpisodes;
import io.il4j.core.space.Discrete;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class DatasetStatisticsTest {

    @Test
    void matchesHandComputationOnTheTwoEpisodeDataset() {
        DatasetStatistics s = DatasetStatistics.of(TwoEpisodes.build());
        assertEquals(2, s.episodes());
        assertEquals(5, s.steps());
        assertEquals(6, s.observations());
        assertEquals(1, s.finalObservations());
        assertEquals(1, s.terminatedEpisodes());
        assertEquals(1, s.truncatedEpisodes());
        // returns 6 and 23: mean 14.5, population std 8.5
        assertEquals(14.5, s.returns().mean(), 1e-12);
        assertEquals(8.5, s.returns().std(), 1e-12);
        assertEquals(6, s.returns().min());
        assertEquals(23, s.returns().max());
        // lengths 3 and 2
        assertEquals(2.5, s.episodeLength().mean(), 1e-12);
        assertEquals(0.5, s.episodeLength().std(), 1e-12);
        assertEquals(2, s.episodeLength().min());
        assertEquals(3, s.episodeLength().max());
        // x over rows: 0,1,2,3,10,11 -> mean 4.5, var = (20.25+12.25+6.25+2.25+30.25+42.25)/6 = 113.5/6
        DatasetStatistics.Column x = s.observation().get(0);
        assertEquals("x", x.name());
        assertEquals(6, x.count());
        assertEquals(4.5, x.mean(), 1e-12);
        assertEquals(Math.sqrt(113.5 / 6), x.std(), 1e-12);
        assertEquals(0, x.min());
        assertEquals(11, x.max());
        // y over rows: 0,-1,-2,-3,0,-1 -> mean -7/6
        assertEquals(-7.0 / 6, s.observation().get(1).mean(), 1e-12);
        // actions: 0.5,1.5,2.5,10.5,11.5 -> mean 5.3
        DatasetStatistics.Column a = s.action().get(0);
        assertEquals(5, a.count());
        assertEquals(5.3, a.mean(), 1e-12);
        assertEquals(0.5, a.min());
        assertEquals(11.5, a.max());
        assertTrue(s.goal().isEmpty());
        assertTrue(s.actionCounts().isEmpty());
    }

    @Test
    void withoutRewardsReturnsAreNaNAndDiscreteActionsAreCounted() {
        DatasetBuilder b = new DatasetBuilder(new DatasetSpec(List.of("x"), new Discrete(3), List.of("a"), List.of(), false));
        b.beginEpisode();
        for (int a : new int[]{0, 2, 2, 2}) b.addStep(new double[]{a}, new double[]{a}, 0);
        b.endEpisode(null, false, false);
        DatasetStatistics s = DatasetStatistics.of(b.build());
        assertTrue(Double.isNaN(s.returns().mean()));
        assertTrue(Double.isNaN(s.returns().std()));
        assertTrue(Double.isNaN(s.returns().max()));
        assertEquals(List.of(1L, 0L, 3L), s.actionCounts());
        assertTrue(s.action().isEmpty());
        String text = s.format();
        assertTrue(text.contains("n/a"), text);
        assertTrue(text.matches("(?s).*\\n\\s*2\\s+3\\s+0\\.750\\n.*"), text);
    }

    @Test
    void perDimensionStatisticsStayAccurateWithALargeOffset() {
        // float32 values around 1e4 with spread ~0.01: a naive sum-of-squares in float would cancel
        Random rnd = new Random(3);
        DatasetBuilder b = new DatasetBuilder(TwoEpisodes.SPEC);
        float[] xs = new float[20_001];
        b.beginEpisode();
        for (int i = 0; i < 20_000; i++) {
            xs[i] = (float) (1e4 + 0.01 * rnd.nextGaussian());
            b.addStep(new double[]{xs[i], 0}, new double[]{0}, 0);
        }
        xs[20_000] = 1e4f;
        b.endEpisode(new double[]{xs[20_000], 0}, false, true);
        double mean = 0;
        for (float v : xs) mean += v;
        mean /= xs.length;
        double ss = 0;
        for (float v : xs) ss += (v - mean) * (v - mean);
        DatasetStatistics.Column c = DatasetStatistics.of(b.build()).observation().get(0);
        assertEquals(mean, c.mean(), 1e-9);
        assertEquals(Math.sqrt(ss / xs.length), c.std(), 1e-9);
    }

    @Test
    void formatShowsEveryDimension() {
        String text = DatasetStatistics.of(TwoEpisodes.build()).format();
        assertTrue(text.contains("observation  x"), text);
        assertTrue(text.contains("observation  y"), text);
        assertTrue(text.contains("action       a"), text);
        assertTrue(text.contains("terminated / truncated  1 / 1"), text);
        assertTrue(text.contains("return"), text);
    }
}
