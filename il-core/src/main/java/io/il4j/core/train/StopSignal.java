package io.il4j.core.train;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Asks a trainer to stop at its next step, keeping a checkpoint. {@link #onShutdown} turns SIGINT (Ctrl-C) and
 * SIGTERM into such a request: the JVM's shutdown hook sets the flag, then waits (up to a grace period) until the
 * trainer has written its checkpoint and the command has said how to resume ({@link #stopped()}), before the JVM
 * exits. Trainers poll {@link #requested()} once per step. Thread-safe.
 */
public final class StopSignal implements AutoCloseable {

    /** A signal nobody raises. */
    public static final StopSignal NEVER = new StopSignal(null);

    private volatile boolean requested;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook;

    private StopSignal(Duration grace) {
        if (grace == null) {
            hook = null;
            return;
        }
        hook = new Thread(() -> {
            requested = true;
            try {
                stopped.await(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "il4j-stop-signal");
    }

    /** A signal without a shutdown hook, raised by {@link #request()} (tests, embedding applications). */
    public static StopSignal manual() {
        return new StopSignal(null);
    }

    /**
     * A signal raised when the JVM begins to shut down (SIGINT, SIGTERM); shutdown then waits up to {@code grace}
     * for {@link #stopped()}. {@link #close()} removes the hook when the run ends normally.
     */
    public static StopSignal onShutdown(Duration grace) {
        StopSignal s = new StopSignal(grace);
        Runtime.getRuntime().addShutdownHook(s.hook);
        return s;
    }

    /** Asks the trainer to stop at its next step. */
    public void request() {
        if (this == NEVER) throw new IllegalStateException("StopSignal.NEVER cannot be raised");
        requested = true;
    }

    public boolean requested() {
        return requested;
    }

    /** The trainer has stopped and saved what it keeps: a pending shutdown may proceed. */
    public void stopped() {
        stopped.countDown();
    }

    @Override
    public void close() {
        stopped.countDown();
        if (hook == null) return;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it returns now that stopped() has been counted down
        }
    }
}
