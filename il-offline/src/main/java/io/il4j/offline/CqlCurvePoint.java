package io.il4j.offline;

/**
 * The diagnostics of one evaluation interval of a CQL run (means over the interval's gradient steps
 * unless said otherwise). Immutable; thread-safe.
 *
 * @param step             gradient steps done
 * @param criticLoss       TD loss plus the conservative penalty (mean over critics)
 * @param tdError          mean |Q(s, a) - target| on the minibatches
 * @param conservativeGap  logsumexp term minus the Q at the data action (mean over critics)
 * @param alpha            weight of the conservative penalty (fixed, or the Lagrange multiplier's value)
 * @param temperature      SAC entropy temperature (NaN for discrete CQL)
 * @param actorLoss        actor loss (NaN for discrete CQL)
 * @param averageQ         mean Q at the data actions of the fixed diagnostic states (at this step)
 * @param dataReturn       mean Monte-Carlo discounted return of the data from those states: Q far above it is overestimation
 * @param evalReturn       mean evaluation return (NaN without evaluation rollouts)
 * @param evalLow          lower end of its 95% confidence interval
 * @param evalHigh         upper end
 * @param seconds          wall time since training started
 */
public record CqlCurvePoint(int step, double criticLoss, double tdError, double conservativeGap, double alpha, double temperature,
                            double actorLoss, double averageQ, double dataReturn, double evalReturn, double evalLow, double evalHigh,
                            double seconds) {
}
