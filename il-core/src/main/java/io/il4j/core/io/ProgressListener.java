package io.il4j.core.io;

/**
 * Receives progress of a long read, in bytes of the input file (the CLI turns it into a progress bar).
 * Called from the reading thread, at most every few hundred kilobytes and once at the end; implementations
 * must be cheap. Implementations decide their own thread-safety; readers call them from one thread only.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores progress. */
    ProgressListener NONE = (done, total) -> { };

    /**
     * @param bytesDone  bytes of the input consumed so far
     * @param bytesTotal size of the input in bytes, or -1 when unknown
     */
    void progress(long bytesDone, long bytesTotal);
}
