package io.il4j.core.data;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
        ExecutorService pool = Executors.newFixedThreadPool(loaders, r -> {
            Thread t = new Thread(r, "il4j-shard-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<Dataset>> ahead = new ArrayDeque<>();
            int next = 0;
            while (next < shards.length || !ahead.isEmpty()) {
                while (next < shards.length && ahead.size() < loaders) {
                    int s = shards[next++];
                    ahead.add(pool.submit(() -> source.shard(s)));
                }
                each.accept(get(ahead.poll()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Dataset get(Future<Dataset> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading shards", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }
}
