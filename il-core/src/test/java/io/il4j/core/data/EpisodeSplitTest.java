package io.il4j.core.data;

import io.il4j.core.space.Discrete;
import org.junit.jupiter.api.Test;

import java.util.BitSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class EpisodeSplitTest {

    /** {@code n} episodes of varying length; every observation of episode e holds e. */
    private static Dataset episodes(int n) {
        DatasetBuilder b = new DatasetBuilder(new DatasetSpec(List.of("id"), new Discrete(2), List.of("a"), List.of(), false));
        for (int e = 0; e < n; e++) {
            b.beginEpisode();
            for (int t = 0; t < 1 + e % 4; t++) b.addStep(new double[]{e}, new double[]{t % 2}, 0);
            b.endEpisode(e % 2 == 0 ? new double[]{e} : null, false, true);
        }
        return b.build();
    }

    private static BitSet ids(Dataset d) {
        BitSet ids = new BitSet();
        for (int e = 0; e < d.numEpisodes(); e++) {
            int id = (int) d.observation(d.episodeFirstObservationRow(e), 0);
            for (int r = 0; r < d.episodeObservationCount(e); r++)
                assertEquals(id, (int) d.observation(d.episodeFirstObservationRow(e) + r, 0), "episode rows were mixed");
            ids.set(id);
        }
        return ids;
    }

    @Test
    void neverPutsAnEpisodeOnBothSides() {
        Dataset data = episodes(13);
        for (long seed = 0; seed < 300; seed++) {
            for (double fraction : new double[]{0.01, 0.2, 0.5, 0.99}) {
                EpisodeSplit s = EpisodeSplit.of(data, fraction, seed);
                BitSet train = ids(s.train()), val = ids(s.validation());
                assertFalse(train.intersects(val), "seed " + seed);
                BitSet all = (BitSet) train.clone();
                all.or(val);
                assertEquals(13, all.cardinality(), "every episode lands somewhere");
                assertEquals(13, s.train().numEpisodes() + s.validation().numEpisodes());
                assertEquals(data.numSteps(), s.train().numSteps() + s.validation().numSteps());
                int expectedVal = Math.max(1, Math.min(12, (int) Math.round(fraction * 13)));
                assertEquals(expectedVal, s.validation().numEpisodes());
            }
        }
    }

    @Test
    void isDeterministicPerSeedAndVariesAcrossSeeds() {
        Dataset data = episodes(20);
        EpisodeSplit a = EpisodeSplit.of(data, 0.25, 42), b = EpisodeSplit.of(data, 0.25, 42);
        assertEquals(a.validation().contentHash(), b.validation().contentHash());
        assertEquals(a.train().contentHash(), b.train().contentHash());
        int distinct = 0;
        for (long seed = 0; seed < 20; seed++)
            if (!ids(EpisodeSplit.of(data, 0.25, seed).validation()).equals(ids(a.validation()))) distinct++;
        assertTrue(distinct >= 15, "splits should vary with the seed; only " + distinct + " of 20 differ");
    }

    @Test
    void twoEpisodesGiveOneEachSideAndFewerIsAnError() {
        EpisodeSplit s = EpisodeSplit.of(episodes(2), 0.01, 5);
        assertEquals(1, s.train().numEpisodes());
        assertEquals(1, s.validation().numEpisodes());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EpisodeSplit.of(episodes(1), 0.2, 0));
        assertTrue(e.getMessage().contains("at least 2 episodes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EpisodeSplit.of(episodes(5), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> EpisodeSplit.of(episodes(5), 1, 0));
        assertThrows(IllegalArgumentException.class, () -> EpisodeSplit.of(episodes(5), Double.NaN, 0));
    }
}
