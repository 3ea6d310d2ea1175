package io.il4j.core.train;

/** Training produced a NaN or infinite loss; names the step and the last finite loss. */
public class TrainingDivergedException extends RuntimeException {
    private final int step;
    private final double lastGoodLoss;

    public TrainingDivergedException(int step, double loss, double lastGoodLoss, int lastGoodStep) {
        super("training diverged at step " + step + ": loss is " + loss + (lastGoodStep > 0
                ? "; the last finite loss was " + lastGoodLoss + " at step " + lastGoodStep
                : " on the first step") + ". Lower the learning rate, normalize the data, or check it for extreme values");
        this.step = step;
        this.lastGoodLoss = lastGoodLoss;
    }

    /** The 1-based gradient step whose loss was not finite. */
    public int step() {
        return step;
    }

    /** The last finite loss (NaN when the first step diverged). */
    public double lastGoodLoss() {
        return lastGoodLoss;
    }
}
