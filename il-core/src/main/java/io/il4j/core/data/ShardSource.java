package io.il4j.core.data;

/**
 * A dataset stored as shards that are loaded one at a time (for example a directory of NPZ shards, see
 * {@code io.il4j.core.io.ShardedDataset}): what a streaming sampler needs to train on data larger than memory.
 * Episodes are never split across shards; every shard has the same {@link #spec()}. Implementations document their
 * thread-safety; {@link #shard} may be called from a prefetching thread.
 */
public interface ShardSource {

    DatasetSpec spec();

    int numShards();

    /** Steps held by shard {@code i}, known without loading it. */
    int shardSteps(int i);

    long numSteps();

    long numEpisodes();

    /**
     * Loads shard {@code i}, checking it against the source's metadata (spec, counts, checksum): a mismatch is an
     * {@link IllegalArgumentException} naming the shard; an I/O failure an {@link java.io.UncheckedIOException}.
     */
    Dataset shard(int i);

    /** A provenance id of the whole source (for policy files), stable as long as the shards are unchanged. */
    String contentHash();
}
