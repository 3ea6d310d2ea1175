package io.il4j.offline.internal;

import io.il4j.core.train.Provenance;
import io.il4j.core.train.EvalRollouts;

import io.il4j.core.env.Rollouts;
import io.il4j.core.metrics.Estimate;
import io.il4j.core.metrics.EvaluationSummary;
import io.il4j.core.policy.Policy;
import io.il4j.offline.CqlCurvePoint;
import io.il4j.offline.CqlListener;
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
    private final OfflineData data;
    private final EvalRollouts eval;
    private final CqlListener listener;
    private final long startNanos = System.nanoTime();
    private final List<CqlCurvePoint> curve = new ArrayList<>();
    private double sumCritic, sumTd, sumGap, sumAlpha, sumTemp, sumActor;
    private int n;
    private double lastCritic = Double.NaN, lastQ = Double.NaN;
    private int lastStep;

    public CqlRecorder(OfflineData data, EvalRollouts eval, CqlListener listener) {
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
        listener.onStep(step);
    }

    /** Closes an evaluation interval: averages, the Q-vs-return diagnostic, evaluation rollouts of {@code policy}. */
    public CqlCurvePoint checkpoint(int step, double averageQ, Policy policy) {
        double ret = Double.NaN, lo = Double.NaN, hi = Double.NaN;
        if (eval != null) {
            Estimate e = EvaluationSummary.of(Rollouts.evaluate(eval.env(), policy, eval.episodes(), eval.seed(), eval.maxSteps())).totalReturn();
            ret = e.mean();
            lo = e.ciLow();
            hi = e.ciHigh();
        }
        int k = Math.max(1, n);
        CqlCurvePoint p = new CqlCurvePoint(step, sumCritic / k, sumTd / k, sumGap / k, sumAlpha / k, sumTemp / k, sumActor / k,
                averageQ, data.meanDiagnosticReturn(), ret, lo, hi, (System.nanoTime() - startNanos) / 1e9);
        sumCritic = sumTd = sumGap = sumAlpha = sumTemp = sumActor = 0;
        n = 0;
        curve.add(p);
        listener.onCheckpoint(p);
        return p;
    }

    public List<CqlCurvePoint> curve() {
        return curve;
    }

    /** Provenance with the final diagnostics, and the final and best evaluation scores (quote the final one). */
    public Provenance provenance(String algorithm, long seed, int steps) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (!curve.isEmpty()) {
            CqlCurvePoint last = curve.get(curve.size() - 1);
            m.put("critic_loss", last.criticLoss());
            m.put("conservative_gap", last.conservativeGap());
            m.put("average_q", last.averageQ());
            m.put("data_return", last.dataReturn());
            if (eval != null) {
                m.put("final_eval_return", last.evalReturn());
                m.put("final_eval_ci_low", last.evalLow());
                m.put("final_eval_ci_high", last.evalHigh());
                CqlCurvePoint best = curve.stream().max((a, b) -> Double.compare(a.evalReturn(), b.evalReturn())).orElseThrow();
                m.put("best_eval_return", best.evalReturn());
                m.put("best_eval_step", (double) best.step());
            }
        }
        return Provenance.of(algorithm, data.data.contentHash(), data.data.toString(), seed, steps, steps, false, m);
    }
}
