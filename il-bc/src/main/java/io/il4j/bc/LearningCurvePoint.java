package io.il4j.bc;

import java.util.Map;

/**
 * One validation check of a training run. Immutable; thread-safe.
 *
 * @param step           gradient steps taken
 * @param epoch          passes over the training steps (fractional)
 * @param trainLoss      mean training loss since the previous check
 * @param validationLoss mean loss on the held-out episodes (NaN without validation)
 * @param evalReturn     mean return of evaluation rollouts (NaN when none ran)
 * @param evalMetrics    mean of the environment's episode metrics over those rollouts (empty when none ran)
 * @param seconds        wall time since training started
 */
public record LearningCurvePoint(int step, double epoch, double trainLoss, double validationLoss, double evalReturn,
                                 Map<String, Double> evalMetrics, double seconds) {
    public LearningCurvePoint {
        evalMetrics = Map.copyOf(evalMetrics);
    }
}
