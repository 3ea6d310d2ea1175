package io.il4j.core.train;

import java.util.Map;

/**
 * One check of a training run (validation and/or evaluation), whichever algorithm trains. Immutable;
 * thread-safe.
 *
 * @param step           gradient steps taken
 * @param epoch          passes over the training steps (fractional)
 * @param trainLoss      mean training loss since the previous check
 * @param validationLoss mean loss on the held-out episodes (NaN without validation)
 * @param evalReturn     mean return of evaluation rollouts (NaN when none ran)
 * @param evalMetrics    mean of the environment's episode metrics over those rollouts (empty when none ran)
 * @param diagnostics    the algorithm's own numbers at this check, in a stable order (a value learner's TD error,
 *                       conservative gap, temperature, ...); empty for BC
 * @param seconds        wall time since training started
 */
public record LearningCurvePoint(int step, double epoch, double trainLoss, double validationLoss, double evalReturn,
                                 Map<String, Double> evalMetrics, Map<String, Double> diagnostics, double seconds) {
    public LearningCurvePoint {
        evalMetrics = Map.copyOf(evalMetrics);
        diagnostics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(diagnostics));
    }

    /** A point without diagnostics (BC). */
    public LearningCurvePoint(int step, double epoch, double trainLoss, double validationLoss, double evalReturn,
                              Map<String, Double> evalMetrics, double seconds) {
        this(step, epoch, trainLoss, validationLoss, evalReturn, evalMetrics, Map.of(), seconds);
    }
}
