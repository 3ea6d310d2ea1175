package io.il4j.core.data;

import io.il4j.core.space.Box;
import io.il4j.core.space.Discrete;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DatasetTest {

    private final Dataset d = TwoEpisodes.build();

    @Test
    void countsAndOffsetsFollowTheEpisodeConvention() {
        assertEquals(2, d.numEpisodes());
        assertEquals(5, d.numSteps());
        assertEquals(6, d.numObservations());
        assertEquals(3, d.episodeLength(0));
        assertEquals(2, d.episodeLength(1));
        assertEquals(4, d.episodeObservationCount(0));
        assertEquals(2, d.episodeObservationCount(1));
        assertTrue(d.hasFinalObservation(0));
        assertFalse(d.hasFinalObservation(1));
        assertEquals(0, d.episodeFirstStep(0));
        assertEquals(3, d.episodeFirstStep(1));
        assertEquals(4, d.episodeFirstObservationRow(1));
        assertTrue(d.terminated(0));
        assertFalse(d.truncated(0));
        assertFalse(d.terminated(1));
        assertTrue(d.truncated(1));
    }

    @Test
    void stepRowsAndNextRowsSkipTheFinalObservation() {
        assertArrayEquals(new int[]{0, 1, 2, 4, 5}, new int[]{d.observationRow(0), d.observationRow(1),
                d.observationRow(2), d.observationRow(3), d.observationRow(4)});
        assertArrayEquals(new int[]{1, 2, 3, 5, -1}, new int[]{d.nextObservationRow(0), d.nextObservationRow(1),
                d.nextObservationRow(2), d.nextObservationRow(3), d.nextObservationRow(4)});
        for (int s = 0; s < 5; s++) assertEquals(s < 3 ? 0 : 1, d.episodeOfStep(s), "episode of step " + s);
        // values land where the builder put them
        assertEquals(3f, d.observation(3, 0));
        assertEquals(-1f, d.observation(5, 1));
        assertEquals(11.5f, d.action(4, 0));
        assertEquals(12f, d.reward(4));
    }

    @Test
    void doneFlagsMarkOnlyTheLastStepOfATerminatedEpisode() {
        boolean[] terminal = new boolean[5], last = new boolean[5];
        for (int s = 0; s < 5; s++) {
            terminal[s] = d.isTerminal(s);
            last[s] = d.isLastStepOfEpisode(s);
        }
        assertArrayEquals(new boolean[]{false, false, true, false, false}, terminal);
        assertArrayEquals(new boolean[]{false, false, true, false, true}, last);
    }

    @Test
    void transitionsDropOnlyTheStepWithoutNextObservation() {
        Transitions tr = d.transitions();
        assertEquals(4, tr.size());
        int[] steps = new int[4], next = new int[4];
        boolean[] done = new boolean[4];
        for (int i = 0; i < 4; i++) {
            steps[i] = tr.step(i);
            next[i] = tr.nextObservationRow(i);
            done[i] = tr.done(i);
        }
        assertArrayEquals(new int[]{0, 1, 2, 3}, steps);
        assertArrayEquals(new int[]{1, 2, 3, 5}, next);
        assertArrayEquals(new boolean[]{false, false, true, false}, done);
        assertEquals(11f, tr.reward(3));
        assertEquals(4, tr.observationRow(3));
    }

    @Test
    void returnsAndReturnToGoAreComputedWithinEpisodes() {
        assertEquals(6.0, d.episodeReturn(0), 0);
        assertEquals(23.0, d.episodeReturn(1), 0);
        float[] g = d.returnToGo(0.5);
        // ep0: r=1,2,3 -> G2=3, G1=2+1.5=3.5, G0=1+1.75=2.75; ep1: r=11,12 -> G4=12, G3=11+6=17
        assertArrayEquals(new float[]{2.75f, 3.5f, 3f, 17f, 12f}, g);
    }

    @Test
    void episodeViewReadsLocalTime() {
        Episode e = d.episode(1);
        assertEquals(2, e.length());
        assertArrayEquals(new double[]{11, -1}, e.observation(1));
        assertThrows(IndexOutOfBoundsException.class, () -> e.observation(2));
        assertArrayEquals(new double[]{10.5}, e.action(0));
        assertEquals(4, e.step(1));
        assertEquals(23.0, e.totalReturn(), 0);
        assertThrows(IndexOutOfBoundsException.class, () -> d.episode(2));
    }

    @Test
    void selectEpisodesCopiesInTheGivenOrder() {
        Dataset s = d.selectEpisodes(new int[]{1, 0});
        assertEquals(2, s.numEpisodes());
        assertEquals(2, s.episodeLength(0));
        assertFalse(s.hasFinalObservation(0));
        assertTrue(s.truncated(0));
        assertEquals(10f, s.observation(0, 0));
        assertEquals(3, s.episodeLength(1));
        assertTrue(s.terminated(1));
        assertEquals(d.selectEpisodes(new int[]{0, 1}).contentHash(), d.contentHash());
        assertNotEquals(s.contentHash(), d.contentHash());
    }

    @Test
    void contentHashSeesEveryValueAndFlag() {
        DatasetBuilder b = new DatasetBuilder(TwoEpisodes.SPEC);
        b.appendEpisode(d, 0);
        b.beginEpisode();
        for (int t = 0; t < 2; t++) b.addStep(TwoEpisodes.obs(1, t), new double[]{10 + t + 0.5}, 10 + t + 1);
        b.endEpisode(null, true, false); // same numbers, different flag
        assertNotEquals(d.contentHash(), b.build().contentHash());
    }

    @Test
    void builderRejectsMisuseWithMessages() {
        DatasetBuilder b = new DatasetBuilder(TwoEpisodes.SPEC);
        IllegalStateException noEpisode = assertThrows(IllegalStateException.class,
                () -> b.addStep(new double[]{1, 2}, new double[]{0}, 0));
        assertTrue(noEpisode.getMessage().contains("beginEpisode"));
        b.beginEpisode();
        IllegalArgumentException wrongLength = assertThrows(IllegalArgumentException.class,
                () -> b.addStep(new double[]{1, 2, 3}, new double[]{0}, 0));
        assertTrue(wrongLength.getMessage().contains("observation has 3 numbers; the spec says 2"), wrongLength.getMessage());
        assertThrows(IllegalStateException.class, b::build);
        assertThrows(IllegalStateException.class, () -> b.endEpisode(null, false, false)); // no steps
    }

    @Test
    void aRejectedStepLeavesNoPartialRow() {
        DatasetBuilder b = new DatasetBuilder(TwoEpisodes.SPEC);
        b.beginEpisode();
        assertThrows(IllegalArgumentException.class, () -> b.addStep(new double[]{9, 9}, new double[]{1, 2}, 0)); // bad action
        b.addStep(new double[]{1, 2}, new double[]{3}, 4);
        b.endEpisode(new double[]{5, 6}, false, false);
        Dataset one = b.build();
        assertEquals(2, one.numObservations());
        assertEquals(1f, one.observation(0, 0));
        assertEquals(5f, one.observation(1, 0));
    }

    @Test
    void abortEpisodeRemovesEverythingOfTheOpenEpisode() {
        DatasetBuilder b = new DatasetBuilder(TwoEpisodes.SPEC);
        b.appendAll(d);
        b.beginEpisode();
        b.addStep(new double[]{7, 7}, new double[]{7}, 7);
        b.abortEpisode();
        assertEquals(d.contentHash(), b.build().contentHash());
    }

    @Test
    void goalsAreRequiredPerObservationWhenTheSpecHasThem() {
        DatasetSpec spec = new DatasetSpec(List.of("x"), new Discrete(3), List.of("a"), List.of("g"), false);
        DatasetBuilder b = new DatasetBuilder(spec);
        b.beginEpisode();
        assertThrows(IllegalArgumentException.class, () -> b.addStep(new double[]{1}, new double[]{0}, 0));
        b.addStep(new double[]{1}, new double[]{5}, new double[]{2}, 0);
        b.endEpisode(new double[]{2}, new double[]{6}, false, false);
        Dataset g = b.build();
        assertEquals(5f, g.goal(0, 0));
        assertEquals(6f, g.goal(1, 0));
        assertTrue(Double.isNaN(g.episodeReturn(0)));
        assertThrows(IllegalStateException.class, () -> g.reward(0));
    }

    @Test
    void appendEpisodeRejectsAnotherSpec() {
        DatasetSpec other = new DatasetSpec(List.of("x", "y"), Box.uniform(1, -1, 1), List.of("a"), List.of(), true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DatasetBuilder(other).appendEpisode(d, 0));
        assertTrue(e.getMessage().contains("cannot append"));
    }
}
