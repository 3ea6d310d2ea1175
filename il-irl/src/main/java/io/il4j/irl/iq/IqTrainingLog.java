package io.il4j.irl.iq;

import io.il4j.core.train.LearningCurvePoint;
import io.il4j.core.train.TrainingDivergedException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The learning curve of an IQ-Learn run and its divergence check: the learner reports each update's objective
 * ({@link #observe}); the training loop turns the latest into a curve point at step 1, every {@value #EVERY} steps and at
 * evaluations ({@link #point}). Not thread-safe.
 */
final class IqTrainingLog {
    static final int EVERY = 100;
    private final List<LearningCurvePoint> curve = new ArrayList<>();
    private long t0 = System.nanoTime();
    private double loss = Double.NaN;
    private Map<String, Double> diagnostics = Map.of();

    /** Starts the clock, {@code secondsBefore} seconds in (a resumed run continues its predecessor's time). */
    void start(double secondsBefore) {
        t0 = System.nanoTime() - (long) (secondsBefore * 1e9);
    }

    double seconds() {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Continues the curve of a checkpoint. */
    void restore(List<LearningCurvePoint> earlier) {
        curve.clear();
        curve.addAll(earlier);
    }

    /** Throws {@link TrainingDivergedException} for a NaN/Inf loss, naming the last recorded one. */
    void checkFinite(int step, double loss) {
        if (Double.isFinite(loss)) return;
        LearningCurvePoint last = curve.isEmpty() ? null : curve.get(curve.size() - 1);
        throw new TrainingDivergedException(step, loss, last == null ? Double.NaN : last.trainLoss(), last == null ? 0 : last.step());
    }

    /** The objective and its parts (and {@code extra} diagnostics) of the latest update. */
    void observe(double loss, IqObjective objective, Map<String, Double> extra) {
        this.loss = loss;
        Map<String, Double> diag = new LinkedHashMap<>();
        diag.put("expert_reward", objective.expertReward);
        diag.put("value_term", objective.valuePart);
        diag.put("chi2_penalty", objective.penaltyPart);
        diag.putAll(extra);
        diagnostics = diag;
    }

    double lastLoss() {
        return loss;
    }

    /** Whether step {@code step} is a regular curve point. */
    static boolean due(int step) {
        return step == 1 || step % EVERY == 0;
    }

    /** Adds and returns the curve point of {@code step} from the latest update, with an evaluation return (or NaN). */
    LearningCurvePoint point(int step, double evalReturn) {
        LearningCurvePoint p = new LearningCurvePoint(step, 0, loss, Double.NaN, evalReturn, Map.of(), diagnostics, seconds());
        curve.add(p);
        return p;
    }

    List<LearningCurvePoint> curve() {
        return List.copyOf(curve);
    }
}
