package io.il4j.offline;

import io.il4j.core.report.Progress;

/** Shows a CQL run's progress with {@link Progress}: steps, critic loss, average Q and evaluation return. One per run; not thread-safe. */
public final class CqlProgress implements CqlListener {
    private final String task;
    private Progress progress;

    public CqlProgress(String task) {
        this.task = task;
    }

    @Override
    public void onStart(int totalSteps) {
        progress = Progress.start(task, totalSteps);
    }

    @Override
    public void onStep(int step) {
        if (progress != null) progress.stepTo(step);
    }

    @Override
    public void onCheckpoint(CqlCurvePoint p) {
        if (progress == null) return;
        String s = String.format(java.util.Locale.ROOT, "critic %.4g, Q %.4g (data %.4g)", p.criticLoss(), p.averageQ(), p.dataReturn());
        if (!Double.isNaN(p.evalReturn())) s += String.format(java.util.Locale.ROOT, ", return %.4g", p.evalReturn());
        progress.setExtraMessage(s);
    }

    @Override
    public void onFinish(TrainedCql result) {
        if (progress != null) progress.close();
    }
}
