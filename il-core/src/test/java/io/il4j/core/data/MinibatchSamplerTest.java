package io.il4j.core.data;

import io.il4j.core.runtime.Il4j;
import io.il4j.core.space.Box;
import io.il4j.core.space.Discrete;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class MinibatchSamplerTest {

    @BeforeAll
    static void configure() {
        Il4j.configure();
    }

    /** Two episodes; observation of row r is (10r, 10r+1); action of step s is (s, -s); reward s; goal (r, 0). */
    static Dataset twoEpisodes(boolean finalObs) {
        DatasetSpec spec = new DatasetSpec(List.of("x", "y"), Box.uniform(2, -100, 100), List.of("a0", "a1"), List.of("g0", "g1"), true);
        DatasetBuilder b = new DatasetBuilder(spec);
        int row = 0, step = 0;
        int[] lengths = {3, 4};
        for (int e = 0; e < 2; e++) {
            b.beginEpisode();
            for (int t = 0; t < lengths[e]; t++, row++, step++)
                b.addStep(new double[]{10 * row, 10 * row + 1}, new double[]{row, 0}, new double[]{step, -step}, step);
            if (finalObs) {
                b.endEpisode(new double[]{10 * row, 10 * row + 1}, new double[]{row, 0}, e == 0, e == 1);
                row++;
            } else b.endEpisode((double[]) null, null, e == 0, false);
        }
        return b.build();
    }

    @Test
    void eachEpochVisitsEveryStepOnceAndRowsStayAligned() {
        Dataset d = twoEpisodes(true);
        MinibatchSampler s = MinibatchSampler.builder(d, MinibatchSampler.allSteps(d), 7).seed(5)
                .nextObservations().rewards().dones().build();
        MinibatchSampler.Batch b = s.next();
        Map<Integer, Integer> seen = new HashMap<>();
        for (int r = 0; r < 7; r++) {
            int step = (int) b.actions().getFloat(r, 0);
            seen.merge(step, 1, Integer::sum);
            assertEquals(-step, b.actions().getFloat(r, 1));
            assertEquals(step, b.rewards().getFloat(r, 0));
            int row = d.observationRow(step);
            assertEquals(10 * row, b.observations().getFloat(r, 0));
            assertEquals(10 * row + 1, b.observations().getFloat(r, 1));
            assertEquals(10 * (row + 1), b.nextObservations().getFloat(r, 0));
            assertEquals(step == 2 ? 1f : 0f, b.dones().getFloat(r, 0), "only the terminated episode's last step is done");
        }
        assertEquals(7, seen.size(), "one epoch of 7 steps in a batch of 7 visits each step once");
        // the batch arrays are reused, not reallocated
        INDArray obs = b.observations();
        assertSame(obs, s.next().observations());
    }

    @Test
    void drawingBatchesAllocatesNothingOnTheJavaHeap() {
        Dataset d = twoEpisodes(true);
        MinibatchSampler s = MinibatchSampler.builder(d, MinibatchSampler.allSteps(d), 64).seed(1).history(2)
                .observationNormalizer(new Normalizer(new float[]{1, 2}, new float[]{3, 4})).datasetGoals(true)
                .nextObservations().rewards().dones().build();
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 2_000; i++) s.next();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1_000; i++) s.next();
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 20_000, "1,000 batches allocated " + allocated + " bytes");
    }

    @Test
    void sameSeedSameBatchesAndResetReplays() {
        Dataset d = twoEpisodes(true);
        int[] all = MinibatchSampler.allSteps(d);
        MinibatchSampler a = MinibatchSampler.builder(d, all, 3).seed(11).build();
        MinibatchSampler b = MinibatchSampler.builder(d, all, 3).seed(11).build();
        MinibatchSampler c = MinibatchSampler.builder(d, all, 3).seed(12).build();
        StringBuilder sa = new StringBuilder(), sb = new StringBuilder(), sc = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            sa.append(a.next().actions().getColumn(0)).append(';');
            sb.append(b.next().actions().getColumn(0)).append(';');
            sc.append(c.next().actions().getColumn(0)).append(';');
        }
        assertEquals(sa.toString(), sb.toString());
        assertNotEquals(sa.toString(), sc.toString());
        a.reset();
        StringBuilder again = new StringBuilder();
        for (int i = 0; i < 10; i++) again.append(a.next().actions().getColumn(0)).append(';');
        assertEquals(sa.toString(), again.toString());
    }

    @Test
    void historyStacksFramesOldestFirstAndRepeatsTheEpisodeStart() {
        Dataset d = twoEpisodes(true);
        // step 4 is episode 1's second step: rows 4 (ep0 has 4 rows: 0..3) -> episode 1 rows start at 4
        int step = 4;
        int row = d.observationRow(step);
        int first = d.episodeFirstObservationRow(1);
        assertEquals(first + 1, row);
        MinibatchSampler s = MinibatchSampler.builder(d, new int[]{step}, 1).shuffle(false).history(3).build();
        INDArray o = s.next().observations();
        assertEquals(6, o.size(1));
        float[] expected = {10 * first, 10 * first + 1, 10 * first, 10 * first + 1, 10 * row, 10 * row + 1};
        assertArrayEquals(expected, o.toFloatVector());
    }

    @Test
    void normalizersAndGoalsAppendedToObservations() {
        Dataset d = twoEpisodes(true);
        Normalizer on = new Normalizer(new float[]{10, 1}, new float[]{2, 4});
        Normalizer an = new Normalizer(new float[]{1, 0}, new float[]{2, 1});
        Normalizer gn = new Normalizer(new float[]{0, 0}, new float[]{4, 1});
        MinibatchSampler s = MinibatchSampler.builder(d, new int[]{5}, 1).shuffle(false)
                .observationNormalizer(on).actionNormalizer(an).datasetGoals(true).goalNormalizer(gn).build();
        MinibatchSampler.Batch b = s.next();
        int row = d.observationRow(5);
        assertArrayEquals(new float[]{(10 * row - 10) / 2f, (10 * row + 1 - 1) / 4f, row / 4f, 0f}, b.observations().toFloatVector(), 1e-6f);
        assertArrayEquals(new float[]{(5 - 1) / 2f, -5f}, b.actions().toFloatVector(), 1e-6f);
        assertNull(b.goals());
    }

    @Test
    void discreteActionsOneHot() {
        DatasetSpec spec = new DatasetSpec(List.of("x"), new Discrete(3), List.of("a"), List.of(), false);
        DatasetBuilder b = new DatasetBuilder(spec);
        b.beginEpisode();
        for (int t = 0; t < 3; t++) b.addStep(new double[]{t}, new double[]{2 - t}, 0);
        b.endEpisode(null, false, true);
        Dataset d = b.build();
        MinibatchSampler s = MinibatchSampler.builder(d, MinibatchSampler.allSteps(d), 3).shuffle(false).oneHotActions().build();
        assertArrayEquals(new float[]{0, 0, 1, 0, 1, 0, 1, 0, 0}, s.next().actions().data().asFloat());
    }

    @Test
    void stepsWithoutNextObservationAreRejectedWhenNextObservationsAreAsked() {
        Dataset d = twoEpisodes(false);
        var e = assertThrows(IllegalArgumentException.class,
                () -> MinibatchSampler.builder(d, MinibatchSampler.allSteps(d), 2).nextObservations().build());
        assertTrue(e.getMessage().contains("step 2") && e.getMessage().contains("transitions()"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MinibatchSampler.builder(d, new int[]{0, 99}, 2).build());
        assertTrue(e.getMessage().contains("99"), e.getMessage());
    }
}
