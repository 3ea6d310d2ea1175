package io.il4j.core.data;

import io.il4j.core.runtime.WorkerThreads;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * One pass over shards in a given order, loading ahead on {@code loaders} threads (checksum checks and parsing run
 * there) while the calling thread consumes them, in order. At most {@code loaders + 1} shards are held at once.
 * Stateless; each call uses its own threads.
 */
public final class ShardStream {

    private ShardStream() {
    }

    /** Hands shards {@code shards} of {@code source} to {@code each}, in that order. */
    public static void forEach(ShardSource source, int[] shards, int loaders, Consumer<Dataset> each) {
        if (loaders < 1) throw new IllegalArgumentException("loaders must be >= 1, got " + loaders);
        ExecutorService pool = WorkerThreads.pool(loaders, "il4j-shard-reader");
        try {
            Deque<Future<Dataset>> ahead = new ArrayDeque<>();
            int next = 0;
            while (next < shards.length || !ahead.isEmpty()) {
                while (next < shards.length && ahead.size() < loaders) {
                    int s = shards[next++];
                    ahead.add(pool.submit(() -> source.shard(s)));
                }
                each.accept(WorkerThreads.await(ahead.poll()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
