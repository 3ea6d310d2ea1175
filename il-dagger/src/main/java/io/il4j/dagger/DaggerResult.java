package io.il4j.dagger;

import io.il4j.core.data.Dataset;
import io.il4j.core.policy.Policy;

import java.util.List;
import java.util.Map;

/**
 * Outcome of a {@link Dagger}, {@link HgDagger} or {@link Dart} run.
 *
 * @param policy           the policy trained on the whole aggregated dataset after the last round
 * @param aggregated       the aggregated dataset: visited observations with expert actions (initial demonstrations first)
 * @param rounds           one summary per completed round, resumed rounds included
 * @param labelsUsed       expert labels in {@code aggregated} (the x-axis for comparing with BC)
 * @param budgetExhausted  whether the run stopped because the label budget ran out
 * @param finalReturn      mean evaluation return of {@code policy} (NaN when evaluation is off)
 * @param finalMetrics     mean evaluation metrics of {@code policy}
 *
 * Immutable; the policy's thread-safety is the learner's.
 */
public record DaggerResult(Policy policy, Dataset aggregated, List<RoundSummary> rounds, long labelsUsed,
                           boolean budgetExhausted, double finalReturn, Map<String, Double> finalMetrics) {
    public DaggerResult {
        rounds = List.copyOf(rounds);
        finalMetrics = Map.copyOf(finalMetrics);
    }
}
