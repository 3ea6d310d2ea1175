package io.il4j.offline;

import io.il4j.core.train.LearningCurvePoint;
import io.il4j.core.train.TrainingListener;
import io.il4j.offline.internal.CqlRecorder;
import io.il4j.bc.BcPolicy;
import io.il4j.core.train.Provenance;
import io.il4j.bc.TrainedPolicy;
import io.il4j.core.nn.MlpWeights;
import io.il4j.core.report.AtomicFiles;
import io.il4j.core.report.Json;
import io.il4j.core.report.LinePlot;
import io.il4j.core.report.Plots;
import io.il4j.core.report.RunDirectory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The result of a CQL run: the greedy / mean-action policy (a BC-format policy file: {@code Policies.load}
 * and {@code il eval} read it unchanged), the trained critics, the config and the per-interval diagnostics.
 * The score to quote is the <b>final</b> evaluation return: the best one is picked with the evaluation
 * episodes themselves, which offline RL does not have, so it is optimistic. Immutable; thread-safe.
 */
public final class TrainedCql {
    private final BcPolicy policy;
    private final List<MlpWeights> critics;
    private final Object config;
    private final String algorithm;
    private final Provenance provenance;
    private final List<LearningCurvePoint> curve;

    public TrainedCql(String algorithm, BcPolicy policy, List<MlpWeights> critics, Object config, Provenance provenance,
                      List<LearningCurvePoint> curve) {
        this.algorithm = algorithm;
        this.policy = policy;
        this.critics = List.copyOf(critics);
        this.config = config;
        this.provenance = provenance;
        this.curve = List.copyOf(curve);
    }

    public BcPolicy policy() {
        return policy;
    }

    public List<MlpWeights> critics() {
        return critics;
    }

    public Object config() {
        return config;
    }

    public String algorithm() {
        return algorithm;
    }

    public Provenance provenance() {
        return provenance;
    }

    public List<LearningCurvePoint> curve() {
        return curve;
    }

    /** The last interval's evaluation return (the one to quote), NaN without evaluation. */
    public double finalReturn() {
        return curve.isEmpty() ? Double.NaN : curve.get(curve.size() - 1).evalReturn();
    }

    /** The best interval's evaluation return (optimistic: chosen with the evaluation itself), NaN without evaluation. */
    public double bestReturn() {
        return curve.stream().mapToDouble(LearningCurvePoint::evalReturn).filter(Double::isFinite).max().orElse(Double.NaN);
    }

    /** Where {@link #save} puts the critics for a policy file {@code policyFile}: {@code <name>.critics.zip} beside it. */
    public static Path criticsFile(Path policyFile) {
        String name = policyFile.getFileName().toString();
        String stem = name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
        return policyFile.resolveSibling(stem + ".critics.zip");
    }

    /**
     * Writes the policy file and, beside it ({@link #criticsFile}), a zip of the critics ({@code critic_<i>.bin}
     * in the MLP weight format, plus {@code config.json}) for inspection. Each file is written to a temp file
     * and moved into place.
     */
    public void save(Path policyFile) throws IOException {
        new TrainedPolicy(policy, provenance, List.of()).save(policyFile);
        AtomicFiles.write(criticsFile(policyFile), out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry("config.json"));
            zip.write(Json.toString(Map.of("algorithm", algorithm, "config", config)).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (int i = 0; i < critics.size(); i++) {
                zip.putNextEntry(new ZipEntry("critic_" + i + ".bin"));
                zip.write(critics.get(i).toBytes());
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    /**
     * Writes the CQL diagnostic plots of a run into {@code run}: critic loss and TD error, average Q against the data's
     * Monte-Carlo return, conservative gap with alpha and temperature, and evaluation return with its 95% interval
     * ({@code metrics.csv}, {@code config.json} and {@code results.json} are the run machinery's:
     * {@link io.il4j.core.train.RunRecorder}, {@link RunDirectory}).
     */
    public void writePlots(RunDirectory run) throws IOException {
        writePlots(run, algorithm, curve);
    }

    /** {@link #writePlots(RunDirectory)} for a curve so far (a live run). */
    public static void writePlots(RunDirectory run, String algorithm, List<LearningCurvePoint> curve) throws IOException {
        if (curve.isEmpty()) return;
        LinePlot loss = Plots.line(algorithm + ": critic", "gradient step", "loss");
        add(curve, loss, "critic loss", LearningCurvePoint::trainLoss, null);
        add(curve, loss, "TD error |Q - target|", diagnostic(CqlRecorder.TD_ERROR), null);
        loss.save(run.file("critic_loss.png"));
        LinePlot q = Plots.line(algorithm + ": Q on data states vs the data's discounted return", "gradient step", "value");
        add(curve, q, "average Q(s, a_data)", diagnostic(CqlRecorder.AVERAGE_Q), null);
        add(curve, q, "Monte-Carlo return of the data", diagnostic(CqlRecorder.DATA_RETURN), null);
        q.save(run.file("q_vs_return.png"));
        LinePlot gap = Plots.line(algorithm + ": conservative gap, alpha, temperature", "gradient step", "value");
        add(curve, gap, "conservative gap", diagnostic(CqlRecorder.CONSERVATIVE_GAP), null);
        add(curve, gap, "alpha", diagnostic(CqlRecorder.ALPHA), null);
        add(curve, gap, "temperature", diagnostic(CqlRecorder.TEMPERATURE), null);
        gap.save(run.file("conservative_gap.png"));
        LinePlot ret = Plots.line(algorithm + ": evaluation return (95% interval)", "gradient step", "mean return").markers(true);
        if (add(curve, ret, "policy", LearningCurvePoint::evalReturn,
                p -> (p.diagnostics().get(CqlRecorder.EVAL_CI_HIGH) - p.diagnostics().get(CqlRecorder.EVAL_CI_LOW)) / 2))
            ret.save(run.file("eval_return.png"));
    }

    /**
     * A training listener that refreshes the {@link #writePlots diagnostic plots} of a live run at a check, at most every
     * {@code intervalMillis}, and at the end; {@code earlier} is the curve of the run it resumes (empty otherwise).
     */
    public static TrainingListener livePlots(RunDirectory run, String algorithm, List<LearningCurvePoint> earlier, long intervalMillis) {
        List<LearningCurvePoint> curve = new ArrayList<>(earlier);
        return new TrainingListener() {
            private long last = System.nanoTime() - intervalMillis * 1_000_000L;

            @Override
            public void onCheckpoint(LearningCurvePoint point, boolean improved) {
                curve.add(point);
                if (System.nanoTime() - last >= intervalMillis * 1_000_000L) plot();
            }

            @Override
            public void onFinish() {
                plot();
            }

            private void plot() {
                last = System.nanoTime();
                try {
                    writePlots(run, algorithm, curve);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the plots of " + run.path(), e);
                }
            }
        };
    }

    /** Adds the finite points of one curve; false when there are none. */
    private static boolean add(List<LearningCurvePoint> curve, LinePlot plot, String name, ToDoubleFunction<LearningCurvePoint> value,
                               ToDoubleFunction<LearningCurvePoint> spread) {
        List<LearningCurvePoint> pts = curve.stream().filter(p -> Double.isFinite(value.applyAsDouble(p))
                && (spread == null || Double.isFinite(spread.applyAsDouble(p)))).toList();
        if (pts.isEmpty()) return false;
        double[] x = pts.stream().mapToDouble(LearningCurvePoint::step).toArray();
        double[] y = pts.stream().mapToDouble(value).toArray();
        plot.series(name, x, y, spread == null ? null : pts.stream().mapToDouble(spread).toArray());
        return true;
    }

    private static ToDoubleFunction<LearningCurvePoint> diagnostic(String key) {
        return p -> p.diagnostics().getOrDefault(key, Double.NaN);
    }
}
