package io.il4j.core.train;

import io.il4j.core.report.LinePlot;
import io.il4j.core.report.Plots;
import io.il4j.core.report.RunDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Keeps a training run's directory current while it trains: each validation/evaluation check appends one row to
 * {@code metrics.csv} (written and flushed before training continues, so {@code tail -f} or a plotting script sees
 * it) and refreshes the plots ({@value #LEARNING_CURVE}, plus {@value #EVAL_RETURN} once evaluation rollouts ran)
 * when at least {@code plotInterval} has passed since the last refresh and at the end. Columns: {@code step, epoch,
 * train_loss, validation_loss, eval_return}, one {@code eval_<metric>} per environment metric, the trainer's
 * diagnostics, {@code seconds}; a column that first appears at a later check rewrites the file with NaN above it.
 * Used on the training thread; not thread-safe.
 */
public final class RunRecorder implements TrainingListener {

    public static final String LEARNING_CURVE = "learning_curve.png", EVAL_RETURN = "eval_return.png";

    private final RunDirectory run;
    private final String title;
    private final long plotIntervalNanos;
    private final List<LearningCurvePoint> points = new ArrayList<>();
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private long lastPlot;

    /**
     * @param title        the learning-curve plot's title
     * @param earlier      the curve of the run this one resumes (its rows replace {@code metrics.csv}); empty otherwise
     * @param plotInterval minimum time between plot refreshes, in milliseconds (0: at every check)
     */
    public RunRecorder(RunDirectory run, String title, List<LearningCurvePoint> earlier, long plotInterval) throws IOException {
        this.run = run;
        this.title = title;
        this.plotIntervalNanos = plotInterval * 1_000_000L;
        this.lastPlot = System.nanoTime() - plotIntervalNanos;
        for (LearningCurvePoint p : earlier) add(p);
        if (!rows.isEmpty()) run.writeMetrics(columns(), rows);
    }

    /** The curve recorded so far. */
    public List<LearningCurvePoint> points() {
        return List.copyOf(points);
    }

    @Override
    public void onCheckpoint(LearningCurvePoint point, boolean improved) {
        try {
            List<String> before = run.metricColumns();
            Map<String, Object> row = add(point);
            List<String> columns = columns();
            if (before.equals(columns)) {
                Map<String, Object> full = new LinkedHashMap<>(); // a check without evaluation leaves its columns NaN
                for (String c : columns) full.put(c, row.getOrDefault(c, Double.NaN));
                run.appendMetrics(full);
            } else {
                run.writeMetrics(columns, rows);
            }
            if (System.nanoTime() - lastPlot >= plotIntervalNanos) plot();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the check at step " + point.step() + " in " + run.path(), e);
        }
    }

    @Override
    public void onFinish() {
        try {
            plot();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plots of " + run.path(), e);
        }
    }

    /** Writes a finished curve into {@code run} at once: {@code metrics.csv} and the plots. */
    public static void write(RunDirectory run, String title, List<LearningCurvePoint> curve) throws IOException {
        RunRecorder r = new RunRecorder(run, title, curve, 0);
        if (curve.isEmpty()) return;
        r.plot();
    }

    private Map<String, Object> add(LearningCurvePoint p) {
        points.add(p);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("step", p.step());
        row.put("epoch", p.epoch());
        row.put("train_loss", p.trainLoss());
        row.put("validation_loss", p.validationLoss());
        row.put("eval_return", p.evalReturn());
        new java.util.TreeMap<>(p.evalMetrics()).forEach((k, v) -> row.put("eval_" + k, v));
        row.putAll(p.diagnostics());
        row.put("seconds", p.seconds());
        rows.add(row);
        return row;
    }

    /** Every column any row has, in first-seen order, with {@code seconds} last. */
    private List<String> columns() {
        LinkedHashSet<String> c = new LinkedHashSet<>();
        for (Map<String, Object> r : rows) c.addAll(r.keySet());
        c.remove("seconds");
        c.add("seconds");
        return List.copyOf(c);
    }

    private void plot() throws IOException {
        lastPlot = System.nanoTime();
        if (points.isEmpty()) return;
        LinePlot loss = Plots.line(title, "gradient step", "loss");
        addSeries(loss, "train", LearningCurvePoint::trainLoss);
        addSeries(loss, "validation", LearningCurvePoint::validationLoss);
        loss.save(run.file(LEARNING_CURVE));
        LinePlot ret = Plots.line("Evaluation return", "gradient step", "mean return").markers(true);
        if (addSeries(ret, "policy", LearningCurvePoint::evalReturn)) ret.save(run.file(EVAL_RETURN));
    }

    /** Adds the finite points of one curve; false when there are none. */
    private boolean addSeries(LinePlot plot, String name, ToDoubleFunction<LearningCurvePoint> value) {
        double[] x = points.stream().filter(p -> Double.isFinite(value.applyAsDouble(p))).mapToDouble(LearningCurvePoint::step).toArray();
        double[] y = points.stream().mapToDouble(value).filter(Double::isFinite).toArray();
        if (x.length == 0) return false;
        plot.series(name, x, y);
        return true;
    }
}
