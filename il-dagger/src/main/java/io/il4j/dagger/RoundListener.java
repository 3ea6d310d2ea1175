package io.il4j.dagger;

/** Told about every completed round (progress reporting). Called on the run's thread. */
@FunctionalInterface
public interface RoundListener {

    void roundCompleted(RoundSummary summary, int plannedRounds);

    /** Ignores everything (tests). */
    RoundListener SILENT = (s, n) -> { };

    /** One plain line per round on standard error. */
    RoundListener LOG = (s, n) -> System.err.printf(java.util.Locale.ROOT,
            "round %d/%d  labels %d (+%d)  expert-acts %.2f  disagreement %.4f  eval return %.2f  %.1fs%n",
            s.round(), n, s.labelsTotal(), s.labels(), s.expertActionFraction(), s.actionDisagreement(),
            s.evalReturn(), s.seconds());
}
