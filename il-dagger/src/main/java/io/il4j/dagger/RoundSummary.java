package io.il4j.dagger;

import java.util.Map;

/**
 * What one round of an interactive imitation run did and measured. Saved as
 * {@code round-NNN.json} in the run directory; a row of {@code metrics.csv}.
 *
 * @param round                 1-based round number
 * @param episodes              rollouts in this round (the last one may be cut by the label budget)
 * @param steps                 environment steps taken in this round
 * @param labels                expert labels added to the dataset in this round
 * @param labelsTotal           expert labels in the aggregated dataset after this round, initial demonstrations included
 * @param oracleQueries         expert oracle calls in this round (equal to {@code labels} except for HG-DAgger
 *                              with an action-deviation gate, which asks the expert at every step to decide)
 * @param expertActionFraction  fraction of steps on which the expert's action was executed
 * @param actionDisagreement    mean ‖π̂_k(s) − π*(s)‖ over the states of this round on which both were
 *                              computed (NaN when there was no learner yet)
 * @param evalReturn            mean return of π̂_k (the policy trained at the start of this round) over the
 *                              evaluation episodes; NaN when not evaluated or when there was no learner yet
 * @param evalMetrics           mean environment metrics of those evaluation episodes (e.g. {@code collision})
 * @param details               algorithm-specific numbers: {@code beta} (DAgger), {@code noise_std} (DART),
 *                              {@code takeovers} (HG-DAgger)
 * @param seconds               wall time of the round
 *
 * Immutable and thread-safe.
 */
public record RoundSummary(int round, int episodes, int steps, long labels, long labelsTotal, long oracleQueries,
                           double expertActionFraction, double actionDisagreement, double evalReturn,
                           Map<String, Double> evalMetrics, Map<String, Double> details, double seconds) {
    public RoundSummary {
        evalMetrics = Map.copyOf(evalMetrics);
        details = Map.copyOf(details);
    }
}
