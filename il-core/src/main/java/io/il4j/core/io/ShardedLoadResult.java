package io.il4j.core.io;

import java.util.List;

/**
 * A file read straight into a sharded dataset ({@link CsvDatasetReader#readIntoShards}), plus the warnings raised while
 * reading it, as {@link LoadResult} gives them for a dataset loaded into memory. Immutable; thread-safe.
 */
public record ShardedLoadResult(ShardedDataset shards, List<String> warnings) {

    public ShardedLoadResult {
        if (shards == null) throw new IllegalArgumentException("shards must not be null");
        warnings = List.copyOf(warnings);
    }
}
