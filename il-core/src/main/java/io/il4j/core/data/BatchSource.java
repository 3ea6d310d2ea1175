package io.il4j.core.data;

/**
 * Where a training loop takes its minibatches from: a {@link MinibatchSampler} over a dataset in memory, or a
 * {@link StreamingSampler} over shards. Not thread-safe.
 */
public interface BatchSource {

    /** Fills the next batch (arrays the source owns and refills) and returns it. */
    MinibatchSampler.Batch next();

    int batchSize();

    /** Batches per pass over the data, rounded up. */
    int batchesPerEpoch();

    /** Width of the observation array of a batch. */
    int observationWidth();
}
