package io.il4j.envs;

import io.il4j.core.env.EpisodeResult;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Summary statistics of a set of episodes: return mean, standard deviation (population), min and max,
 * mean length, and the mean of every environment metric (for 0/1 flags, a rate). Immutable; thread-safe.
 */
public record RolloutSummary(String envId, String policy, int episodes, long steps, double returnMean, double returnStd,
                             double returnMin, double returnMax, double lengthMean, Map<String, Double> metricMeans) {

    public RolloutSummary {
        metricMeans = Map.copyOf(metricMeans);
    }

    public static RolloutSummary of(String envId, String policy, List<EpisodeResult> results) {
        if (results.isEmpty()) throw new IllegalArgumentException("cannot summarize zero episodes");
        int n = results.size();
        double sum = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        long steps = 0;
        Map<String, Double> metricSums = new TreeMap<>();
        for (EpisodeResult r : results) {
            sum += r.totalReturn();
            min = Math.min(min, r.totalReturn());
            max = Math.max(max, r.totalReturn());
            steps += r.length();
            r.metrics().forEach((k, v) -> metricSums.merge(k, v, Double::sum));
        }
        double mean = sum / n, sq = 0;
        for (EpisodeResult r : results) sq += (r.totalReturn() - mean) * (r.totalReturn() - mean);
        Map<String, Double> metricMeans = new TreeMap<>();
        metricSums.forEach((k, v) -> metricMeans.put(k, v / n));
        return new RolloutSummary(envId, policy, n, steps, mean, Math.sqrt(sq / n), min, max, (double) steps / n, metricMeans);
    }

    /** A small aligned text table (one metric per line), for the end of a command's output. */
    public String toTable() {
        StringBuilder sb = new StringBuilder();
        row(sb, "environment", envId);
        row(sb, "policy", policy);
        row(sb, "episodes", Integer.toString(episodes));
        row(sb, "steps", Long.toString(steps));
        row(sb, "return", String.format(Locale.ROOT, "%.2f ± %.2f  [min %.2f, max %.2f]", returnMean, returnStd, returnMin, returnMax));
        row(sb, "length", String.format(Locale.ROOT, "%.1f", lengthMean));
        new TreeMap<>(metricMeans).forEach((k, v) -> row(sb, k, String.format(Locale.ROOT, "%.4f", v)));
        return sb.toString();
    }

    private static void row(StringBuilder sb, String key, String value) {
        sb.append(String.format(Locale.ROOT, "%-24s %s%n", key, value));
    }
}
