package io.il4j.irl.iq;

import io.il4j.core.train.LearningCurvePoint;
import io.il4j.core.train.TrainingDivergedException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The learning curve of an IQ-Learn run (every {@value #EVERY} steps) and its divergence check. Not thread-safe. */
final class IqTrainingLog {
    static final int EVERY = 100;
    private final List<LearningCurvePoint> curve = new ArrayList<>();
    private long t0 = System.nanoTime();

    void start() {
        t0 = System.nanoTime();
    }

    /** Throws {@link TrainingDivergedException} for a NaN/Inf loss, naming the last recorded one. */
    void checkFinite(int step, double loss) {
        if (Double.isFinite(loss)) return;
        LearningCurvePoint last = curve.isEmpty() ? null : curve.get(curve.size() - 1);
        throw new TrainingDivergedException(step, loss, last == null ? Double.NaN : last.trainLoss(), last == null ? 0 : last.step());
    }

    /** Records the objective's parts (and {@code extra} diagnostics) at step 1 and every {@value #EVERY} steps. */
    void record(int step, double loss, IqObjective objective, Map<String, Double> extra) {
        if (step % EVERY != 0 && step != 1) return;
        Map<String, Double> diag = new LinkedHashMap<>();
        diag.put("expert_reward", objective.expertReward);
        diag.put("value_term", objective.valuePart);
        diag.put("chi2_penalty", objective.penaltyPart);
        diag.putAll(extra);
        curve.add(new LearningCurvePoint(step, 0, loss, Double.NaN, Double.NaN, Map.of(), diag, (System.nanoTime() - t0) / 1e9));
    }

    List<LearningCurvePoint> curve() {
        return List.copyOf(curve);
    }
}
