package io.il4j.offline;

import io.il4j.core.data.Dataset;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

class FilteredBcTest {

    @Test
    void keepsTheHighestReturnEpisodesInTheirOrder() {
        Dataset data = OfflineTestData.discrete(10, 20, 3);
        double[] returns = IntStream.range(0, 10).mapToDouble(data::episodeReturn).toArray();
        Dataset top = FilteredBc.topEpisodes(data, 0.3);
        assertEquals(3, top.numEpisodes());
        double[] sorted = returns.clone();
        Arrays.sort(sorted);
        double threshold = sorted[7];
        for (int e = 0; e < 3; e++) assertTrue(top.episodeReturn(e) >= threshold);
        assertEquals(threshold, FilteredBc.returnThreshold(data, 0.3));
        assertSame(data, FilteredBc.topEpisodes(data, 1.0));
        assertEquals(1, FilteredBc.topEpisodes(data, 0.01).numEpisodes());
        assertThrows(IllegalArgumentException.class, () -> FilteredBc.topEpisodes(data, 0));
    }
}
