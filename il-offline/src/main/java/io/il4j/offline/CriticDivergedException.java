package io.il4j.offline;

/**
 * A critic diverged: a non-finite loss, or Q-values above the largest discounted return the data's rewards
 * allow. Names the step and the last finite values, so that a run never ends with a silent NaN policy.
 */
public class CriticDivergedException extends RuntimeException {
    private final int step;

    public CriticDivergedException(int step, String what, String lastFinite) {
        super("critic diverged at step " + step + ": " + what + "; " + lastFinite
                + ". Lower the critic learning rate, scale the rewards down (rewardScale), or raise the conservative weight");
        this.step = step;
    }

    /** The 1-based gradient step at which divergence was detected. */
    public int step() {
        return step;
    }
}
