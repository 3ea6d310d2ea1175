package io.il4j.dagger;

/** Told about every completed round (progress reporting). Called on the run's thread. */
@FunctionalInterface
public interface RoundListener {

    void roundCompleted(RoundSummary summary, int plannedRounds);

    /** Ignores everything (tests). */
    RoundListener SILENT = (s, n) -> { };

}
