package io.il4j.dagger;

/** Told about every completed round (progress reporting). Called on the run's thread. */
@FunctionalInterface
public interface RoundListener {

    void roundCompleted(RoundSummary summary, int plannedRounds);

    /**
     * The run continues a saved one: rounds 1 to {@code nextRound - 1} were reloaded from {@code runDirectory}, and
     * {@code nextRound} is the first to run (beyond the planned rounds when the saved run was already complete).
     */
    default void resumed(int nextRound, java.nio.file.Path runDirectory) {
    }

    /** Ignores everything (tests). */
    RoundListener SILENT = (s, n) -> { };

}
