package io.il4j.core.io;

import io.il4j.core.data.Dataset;

import java.util.List;

/**
 * A loaded dataset plus the warnings raised while reading it (for example CSV columns that the schema
 * does not know and that were ignored). Library code never prints: callers decide where warnings go.
 * Immutable; thread-safe.
 */
public record LoadResult(Dataset dataset, List<String> warnings) {

    public LoadResult {
        if (dataset == null) throw new IllegalArgumentException("dataset must not be null");
        warnings = List.copyOf(warnings);
    }
}
