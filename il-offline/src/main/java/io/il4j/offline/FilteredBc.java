package io.il4j.offline;

import io.il4j.core.data.Dataset;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Filtered behavioral cloning's data step: keep the episodes with the highest returns, then run plain BC
 * on them (Chen et al. 2021 call it %BC; a standard offline-RL baseline, since it often matches
 * value-based methods on mixed-quality data). Stateless; thread-safe.
 */
public final class FilteredBc {
    private FilteredBc() {
    }

    /**
     * The top {@code fraction} of {@code data}'s episodes by undiscounted return (at least one episode;
     * ties broken by episode order), in their original order.
     *
     * @throws OfflineDatasetException when the dataset has no rewards
     * @throws IllegalArgumentException when {@code fraction} is not in (0, 1]
     */
    public static Dataset topEpisodes(Dataset data, double fraction) {
        if (!(fraction > 0 && fraction <= 1)) throw new IllegalArgumentException("topFraction must be in (0, 1], got " + fraction);
        if (!data.spec().hasRewards())
            throw new OfflineDatasetException("filtered BC ranks episodes by return, but the dataset has no reward column");
        int n = data.numEpisodes(), keep = Math.max(1, (int) Math.round(fraction * n));
        int[] kept = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingDouble((Integer e) -> -data.episodeReturn(e)).thenComparingInt(e -> e))
                .limit(keep).mapToInt(Integer::intValue).sorted().toArray();
        return keep == n ? data : data.selectEpisodes(kept);
    }

    /** The smallest return among the episodes {@link #topEpisodes} keeps. */
    public static double returnThreshold(Dataset data, double fraction) {
        Dataset top = topEpisodes(data, fraction);
        return IntStream.range(0, top.numEpisodes()).mapToDouble(top::episodeReturn).min().orElse(Double.NaN);
    }
}
