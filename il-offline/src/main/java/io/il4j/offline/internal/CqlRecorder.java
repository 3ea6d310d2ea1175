package io.il4j.offline.internal;

import io.il4j.core.train.LearningCurvePoint;
import io.il4j.core.train.TrainingListener;
import io.il4j.core.train.Provenance;
import io.il4j.core.train.EvalRollouts;

import io.il4j.core.env.Rollouts;
import io.il4j.core.metrics.Estimate;
import io.il4j.core.metrics.EvaluationSummary;
import io.il4j.core.policy.Policy;
import io.il4j.offline.CriticDivergedException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What both CQL learners record: per-step statistics averaged over an evaluation interval, divergence
 * checks (non-finite loss, Q above {@link OfflineData#qBound}), evaluation rollouts, the curve and the
 * provenance. Not thread-safe.
 */
public final class CqlRecorder {
    /** The diagnostics of each check ({@link LearningCurvePoint#diagnostics()} keys, also {@code metrics.csv} columns). */
    public static final String TD_ERROR = "td_error", CONSERVATIVE_GAP = "conservative_gap", ALPHA = "alpha",
            TEMPERATURE = "temperature", ACTOR_LOSS = "actor_loss", AVERAGE_Q = "average_q", DATA_RETURN = "data_return",
            EVAL_CI_LOW = "eval_ci_low", EVAL_CI_HIGH = "eval_ci_high";

    private final OfflineData data;
    private final EvalRollouts eval;
    private final TrainingListener listener;
    private long startNanos = System.nanoTime();
    private final List<LearningCurvePoint> curve = new ArrayList<>();
    private double sumCritic, sumTd, sumGap, sumAlpha, sumTemp, sumActor;
    private int n;
    private double lastCritic = Double.NaN, lastQ = Double.NaN;
    private int lastStep;

    public CqlRecorder(OfflineData data, EvalRollouts eval, TrainingListener listener) {
        this.data = data;
        this.eval = eval;
        this.listener = listener;
    }

    /**
     * Records one gradient step's statistics and stops the run when the critic loss is not finite or the
     * batch's mean Q at the data actions exceeds the largest discounted return the rewards allow.
     */
    public void step(int step, double criticLoss, double td, double gap, double alpha, double temperature, double actorLoss, double batchQ) {
        String last = lastStep == 0 ? "no earlier step was finite"
                : String.format(Locale.ROOT, "the last finite critic loss was %.6g and mean Q %.6g, at step %d", lastCritic, lastQ, lastStep);
        if (!Double.isFinite(criticLoss) || !Double.isFinite(batchQ) || !Double.isFinite(actorLoss) && !Double.isNaN(actorLoss))
            throw new CriticDivergedException(step, "critic loss " + criticLoss + ", mean Q " + batchQ + ", actor loss " + actorLoss, last);
        if (batchQ > data.qBound)
            throw new CriticDivergedException(step, String.format(Locale.ROOT, "mean Q at the data actions is %.6g, above %.6g, the largest "
                    + "discounted return the data's rewards allow", batchQ, data.qBound), last);
        lastCritic = criticLoss;
        lastQ = batchQ;
        lastStep = step;
        sumCritic += criticLoss;
        sumTd += td;
        sumGap += gap;
        sumAlpha += alpha;
        sumTemp += temperature;
        sumActor += actorLoss;
        n++;
        listener.onStep(step, criticLoss);
    }

    /** Closes an evaluation interval: averages, the Q-vs-return diagnostic, evaluation rollouts of {@code policy}. */
    public LearningCurvePoint checkpoint(int step, double averageQ, Policy policy) {
        double ret = Double.NaN, lo = Double.NaN, hi = Double.NaN;
        if (eval != null) {
            Estimate e = EvaluationSummary.of(Rollouts.evaluate(eval.env(), policy, eval.episodes(), eval.seed(), eval.maxSteps())).totalReturn();
            ret = e.mean();
            lo = e.ciLow();
            hi = e.ciHigh();
        }
        int k = Math.max(1, n);
        Map<String, Double> diagnostics = new LinkedHashMap<>();
        diagnostics.put(TD_ERROR, sumTd / k);
        diagnostics.put(CONSERVATIVE_GAP, sumGap / k);
        diagnostics.put(ALPHA, sumAlpha / k);
        diagnostics.put(TEMPERATURE, sumTemp / k);
        diagnostics.put(ACTOR_LOSS, sumActor / k);
        diagnostics.put(AVERAGE_Q, averageQ);
        diagnostics.put(DATA_RETURN, data.meanDiagnosticReturn());
        diagnostics.put(EVAL_CI_LOW, lo);
        diagnostics.put(EVAL_CI_HIGH, hi);
        // the training loss of a CQL check is the critic loss
        LearningCurvePoint p = new LearningCurvePoint(step, Double.NaN, sumCritic / k, Double.NaN, ret, Map.of(), diagnostics,
                (System.nanoTime() - startNanos) / 1e9);
        sumCritic = sumTd = sumGap = sumAlpha = sumTemp = sumActor = 0;
        n = 0;
        curve.add(p);
        listener.onCheckpoint(p, false);
        return p;
    }

    /**
     * The recorder's state between two checks, for checkpoints: the interval's partial sums, the last finite step
     * (named when the critic diverges) and the time trained so far.
     */
    public record State(double sumCritic, double sumTd, double sumGap, double sumAlpha, double sumTemp, double sumActor, int n,
                        double lastCritic, double lastQ, int lastStep, double seconds) {
    }

    public State state() {
        return new State(sumCritic, sumTd, sumGap, sumAlpha, sumTemp, sumActor, n, lastCritic, lastQ, lastStep,
                (System.nanoTime() - startNanos) / 1e9);
    }

    /** Continues a checkpointed run: its curve so far and its {@link #state()}. */
    public void restore(List<LearningCurvePoint> earlier, State s) {
        curve.clear();
        curve.addAll(earlier);
        sumCritic = s.sumCritic;
        sumTd = s.sumTd;
        sumGap = s.sumGap;
        sumAlpha = s.sumAlpha;
        sumTemp = s.sumTemp;
        sumActor = s.sumActor;
        n = s.n;
        lastCritic = s.lastCritic;
        lastQ = s.lastQ;
        lastStep = s.lastStep;
        startNanos = System.nanoTime() - (long) (s.seconds * 1e9);
    }

    public List<LearningCurvePoint> curve() {
        return curve;
    }

    /** Provenance with the final diagnostics, and the final and best evaluation scores (quote the final one). */
    public Provenance provenance(String algorithm, long seed, int steps) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (!curve.isEmpty()) {
            LearningCurvePoint last = curve.get(curve.size() - 1);
            m.put("critic_loss", last.trainLoss());
            m.put(CONSERVATIVE_GAP, last.diagnostics().get(CONSERVATIVE_GAP));
            m.put(AVERAGE_Q, last.diagnostics().get(AVERAGE_Q));
            m.put(DATA_RETURN, last.diagnostics().get(DATA_RETURN));
            if (eval != null) {
                m.put("final_eval_return", last.evalReturn());
                m.put("final_eval_ci_low", last.diagnostics().get(EVAL_CI_LOW));
                m.put("final_eval_ci_high", last.diagnostics().get(EVAL_CI_HIGH));
                LearningCurvePoint best = curve.stream().max((a, b) -> Double.compare(a.evalReturn(), b.evalReturn())).orElseThrow();
                m.put("best_eval_return", best.evalReturn());
                m.put("best_eval_step", (double) best.step());
            }
        }
        return Provenance.of(algorithm, data.data.contentHash(), data.data.toString(), seed, steps, steps, false, m);
    }
}
