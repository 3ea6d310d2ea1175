package io.il4j.core.metrics;

import io.il4j.core.env.EpisodeResult;
import io.il4j.core.report.Table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Evaluation episodes summarized: mean, sample std and a 95% confidence interval (Student's t; Wilson for
 * 0/1 metrics such as success or collision, see {@link Estimate}) of the
 * return, the length and every metric an environment reports ({@link io.il4j.core.env.Env#episodeMetrics}).
 * A metric missing from some episodes is summarized over the episodes that report it (its {@code n} says
 * how many). Immutable; thread-safe.
 *
 * @param episodes   number of episodes
 * @param terminated episodes that ended by termination
 * @param truncated  episodes that ended by the time limit
 * @param metrics    per metric key, in key order
 */
public record EvaluationSummary(int episodes, Estimate totalReturn, Estimate length, Map<String, Estimate> metrics,
                                int terminated, int truncated) {

    public EvaluationSummary {
        metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
    }

    public static EvaluationSummary of(List<EpisodeResult> results) {
        if (results == null || results.isEmpty()) throw new IllegalArgumentException("no episode results to summarize");
        int n = results.size();
        double[] returns = new double[n], lengths = new double[n];
        int term = 0, trunc = 0;
        Map<String, List<Double>> values = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            EpisodeResult r = results.get(i);
            returns[i] = r.totalReturn();
            lengths[i] = r.length();
            if (r.terminated()) term++;
            if (r.truncated()) trunc++;
            for (Map.Entry<String, Double> m : r.metrics().entrySet())
                values.computeIfAbsent(m.getKey(), k -> new ArrayList<>()).add(m.getValue());
        }
        Map<String, Estimate> metrics = new TreeMap<>();
        for (Map.Entry<String, List<Double>> m : values.entrySet())
            metrics.put(m.getKey(), Estimate.of(m.getValue().stream().mapToDouble(Double::doubleValue).toArray()));
        return new EvaluationSummary(n, Estimate.of(returns), Estimate.of(lengths), metrics, term, trunc);
    }

    /** The metric's estimate, or null when no episode reported it. */
    public Estimate metric(String key) {
        return metrics.get(key);
    }

    /** One row per quantity: n, mean, std, 95% CI, min, max. */
    public Table toTable() {
        Table t = new Table("quantity", "n", "mean", "std", "ci95 low", "ci95 high", "min", "max");
        addRow(t, "return", totalReturn);
        addRow(t, "length", length);
        for (Map.Entry<String, Estimate> m : metrics.entrySet()) addRow(t, m.getKey(), m.getValue());
        return t;
    }

    private static void addRow(Table t, String name, Estimate e) {
        t.addRow(name, e.n(), e.mean(), e.std(), e.ciLow(), e.ciHigh(), e.min(), e.max());
    }
}
