package io.il4j.bc;

import java.util.Map;

/**
 * Where a policy came from, stored in its file. Immutable; thread-safe.
 *
 * @param datasetHash    {@link io.il4j.core.data.Dataset#contentHash()} of the training data
 * @param datasetSummary the dataset's description (episodes, steps, spec)
 * @param seed           the training seed
 * @param libraryVersion il4j version that trained it
 * @param createdAt      ISO-8601 instant
 * @param stepsTrained   gradient steps taken
 * @param bestStep       step of the restored (best validation) checkpoint
 * @param stoppedEarly   whether early stopping ended training
 * @param metrics        final numbers: train/validation loss, evaluation return and env metrics
 */
public record BcProvenance(String datasetHash, String datasetSummary, long seed, String libraryVersion, String createdAt,
                           int stepsTrained, int bestStep, boolean stoppedEarly, Map<String, Double> metrics) {
    public BcProvenance {
        // insertion order kept: tables and JSON list train loss, validation loss, evaluation in that order
        metrics = metrics == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }
}
