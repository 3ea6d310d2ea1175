package io.il4j.core.env;

import java.io.Serializable;
import java.util.Map;

/**
 * Outcome of one evaluation episode.
 *
 * @param seed    the seed the environment was reset with
 * @param metrics the environment's {@link Env#episodeMetrics()} at the end of the episode
 *
 * Serializable so that episodes rolled out on other machines (il-spark's executors) come back as they are.
 */
public record EpisodeResult(long seed, double totalReturn, int length, boolean terminated, boolean truncated,
                            Map<String, Double> metrics) implements Serializable {
    public EpisodeResult {
        metrics = Map.copyOf(metrics);
    }
}
