package io.il4j.core.train;

import java.util.Map;

/**
 * Where a trained artifact (a policy, a reward function) came from, stored in its file, whichever
 * algorithm trained it. Immutable; thread-safe.
 *
 * @param algorithm      what trained it: {@code bc}, {@code cql}, {@code iqlearn}, ... (null in files written before
 *                       the field existed, which were all BC)
 * @param datasetHash    {@code Dataset.contentHash()} of the training data
 * @param datasetSummary the dataset's description (episodes, steps, spec)
 * @param seed           the training seed
 * @param libraryVersion il4j version that trained it
 * @param createdAt      ISO-8601 instant
 * @param stepsTrained   gradient steps taken
 * @param bestStep       step of the restored (best validation) checkpoint, or the last step
 * @param stoppedEarly   whether early stopping ended training
 * @param metrics        final numbers: train/validation loss, evaluation return and env metrics
 */
public record Provenance(String algorithm, String datasetHash, String datasetSummary, long seed, String libraryVersion, String createdAt,
                           int stepsTrained, int bestStep, boolean stoppedEarly, Map<String, Double> metrics) {
    public Provenance {
        // insertion order kept: tables and JSON list train loss, validation loss, evaluation in that order
        metrics = metrics == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }

    /** A provenance stamped now with this library's version. */
    public static Provenance of(String algorithm, String datasetHash, String datasetSummary, long seed, int stepsTrained, int bestStep,
                                boolean stoppedEarly, Map<String, Double> metrics) {
        return new Provenance(algorithm, datasetHash, datasetSummary, seed, LibraryVersion.get(), java.time.Instant.now().toString(),
                stepsTrained, bestStep, stoppedEarly, metrics);
    }
}
