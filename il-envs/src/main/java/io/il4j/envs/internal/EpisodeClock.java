package io.il4j.envs.internal;

/**
 * Counts the steps of the current episode, applies the time limit and refuses steps after an
 * episode has ended (a bug in the caller that would otherwise silently corrupt a dataset).
 * Not thread-safe.
 */
public final class EpisodeClock {
    private final String envId;
    private final int maxSteps;
    private int steps;
    private boolean running;
    private boolean everStarted;

    public EpisodeClock(String envId, int maxSteps) {
        if (maxSteps < 1) throw new IllegalArgumentException(envId + ": max_steps must be >= 1, got " + maxSteps);
        this.envId = envId;
        this.maxSteps = maxSteps;
    }

    public void start() {
        steps = 0;
        running = true;
        everStarted = true;
    }

    /** Throws unless an episode is running; call before changing any state in {@code step}. */
    public void checkRunning() {
        if (!running)
            throw new IllegalStateException(envId + ": step() called " + (everStarted ? "after the episode ended"
                    : "before reset()") + "; call reset(seed) first");
    }

    /**
     * Records one step. Returns true when the step reaches the time limit (truncation) and the
     * episode did not terminate on it; either way the episode is over when {@code terminated} is true.
     */
    public boolean advance(boolean terminated) {
        steps++;
        boolean truncated = !terminated && steps >= maxSteps;
        if (terminated || truncated) running = false;
        return truncated;
    }

    /** Steps taken in the current episode. */
    public int steps() {
        return steps;
    }

    public int maxSteps() {
        return maxSteps;
    }

    public boolean running() {
        return running;
    }
}
