package io.il4j.dagger.internal;

import io.il4j.dagger.RetrainMode;

/**
 * The settings every interactive imitation loop shares, taken from its configuration record.
 *
 * @param algorithm name recorded in the run directory ({@code dagger}, {@code hg-dagger}, {@code dart})
 * @param config    the full configuration record (serialized to the run directory)
 * @param detailKeys the keys of the algorithm's {@link io.il4j.dagger.RoundSummary#details()} (metrics.csv columns)
 */
public record LoopSettings(String algorithm, Object config, int rounds, int horizon, long labelBudget,
                           RetrainMode retrainMode, long seed, int evalEpisodes, java.util.List<String> detailKeys) {
}
