package io.il4j.core.train;

import io.il4j.core.report.Progress;

/**
 * Shows training progress with {@link Progress} (a bar on a terminal, periodic plain lines otherwise):
 * steps done, with the latest training and validation loss. Use one per training run; not thread-safe.
 */
public final class TrainingProgress implements TrainingListener {
    private final String task;
    private Progress progress;

    public TrainingProgress(String task) {
        this.task = task;
    }

    @Override
    public void onStart(int totalSteps, int trainSteps, int validationSteps) {
        progress = Progress.start(task, totalSteps);
    }

    @Override
    public void onStep(int step, double loss) {
        if (progress != null) progress.stepTo(step);
    }

    @Override
    public void onCheckpoint(LearningCurvePoint p, boolean improved) {
        if (progress == null) return;
        StringBuilder sb = new StringBuilder(String.format("loss %.4g", p.trainLoss()));
        if (!Double.isNaN(p.validationLoss())) sb.append(String.format(", val %.4g%s", p.validationLoss(), improved ? " *" : ""));
        if (!Double.isNaN(p.evalReturn())) sb.append(String.format(", return %.4g", p.evalReturn()));
        progress.setExtraMessage(sb.toString());
    }

    @Override
    public void onFinish() {
        if (progress != null) progress.close();
    }
}
