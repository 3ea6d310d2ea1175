package io.il4j.dagger;

import io.il4j.core.data.Dataset;

import java.nio.file.Path;

/**
 * The expert oracle threw, or returned an action of the wrong length or with NaN/Inf, while labelling.
 * The run stops; the message names the round, episode and step. Rounds completed before the failing
 * one are saved in the run directory (when there is one) and a new run with the same directory and
 * configuration resumes from the failing round. The failing round's partial data are discarded.
 */
public class ExpertOracleException extends RuntimeException {
    private final int round, episode, step;
    private final transient Dataset aggregatedSoFar;
    private final transient Path runDirectory;

    public ExpertOracleException(String message, int round, int episode, int step, Dataset aggregatedSoFar,
                                 Path runDirectory, Throwable cause) {
        super(message, cause);
        this.round = round;
        this.episode = episode;
        this.step = step;
        this.aggregatedSoFar = aggregatedSoFar;
        this.runDirectory = runDirectory;
    }

    public int round() {
        return round;
    }

    /** 0-based rollout index within the round. */
    public int episode() {
        return episode;
    }

    /** 0-based step within the episode. */
    public int step() {
        return step;
    }

    /** Data aggregated by the completed rounds (initial demonstrations included). */
    public Dataset aggregatedSoFar() {
        return aggregatedSoFar;
    }

    /** Where the completed rounds are saved, or null for a run without a directory. */
    public Path runDirectory() {
        return runDirectory;
    }
}
