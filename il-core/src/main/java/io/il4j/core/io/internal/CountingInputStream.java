package io.il4j.core.io.internal;

import io.il4j.core.io.ProgressListener;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts bytes read and reports them to a {@link ProgressListener} every {@value #REPORT_EVERY} bytes. Not thread-safe. */
public final class CountingInputStream extends FilterInputStream {
    static final long REPORT_EVERY = 1L << 20;
    private final ProgressListener listener;
    private final long total;
    private long count;
    private long nextReport = REPORT_EVERY;

    public CountingInputStream(InputStream in, long total, ProgressListener listener) {
        super(in);
        this.total = total;
        this.listener = listener;
    }

    public long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) advance(1);
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) advance(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long k = super.skip(n);
        if (k > 0) advance(k);
        return k;
    }

    /** Reports the final count (call once the read succeeded). */
    public void reportDone() {
        listener.progress(count, total);
    }

    private void advance(long n) {
        count += n;
        if (count >= nextReport) {
            nextReport = count + REPORT_EVERY;
            listener.progress(count, total);
        }
    }
}
