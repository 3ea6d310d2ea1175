package io.il4j.irl.iq;

/**
 * Online IQ-Learn: the learner acts in an environment (sampling its soft policy), keeps its transitions in
 * a replay buffer, and every environment step after {@code startSteps} takes one gradient step on a batch of
 * expert and as many replayed transitions; the value term and the chi-squared penalty then cover both.
 *
 * @param replayCapacity learner transitions kept (default 100,000)
 * @param startSteps     environment steps collected before the first update (default 1,000)
 * @param seed           seed of the environment resets (default 0)
 */
public record OnlineConfig(int replayCapacity, int startSteps, long seed) {
    public static final OnlineConfig DEFAULT = new OnlineConfig(100_000, 1_000, 0);

    public OnlineConfig {
        if (replayCapacity < 1) throw new IllegalArgumentException("replayCapacity must be at least 1, got " + replayCapacity);
        if (startSteps < 1) throw new IllegalArgumentException("startSteps must be at least 1, got " + startSteps);
    }
}
