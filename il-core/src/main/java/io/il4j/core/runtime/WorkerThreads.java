package io.il4j.core.runtime;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Background threads of the data layer (shard loaders, CSV block parsers): daemon threads, so a forgotten pool never
 * keeps the JVM alive, and results whose failures come back as the worker's own exception. Stateless; thread-safe.
 */
public final class WorkerThreads {

    private WorkerThreads() {
    }

    /** A fixed pool of {@code n} daemon threads named {@code name}. Shut it down when done. */
    public static ExecutorService pool(int n, String name) {
        return Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** The task's result; its RuntimeException or Error is rethrown as is, anything else wrapped. */
    public static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a worker thread", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }
}
