package io.il4j.core.report;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of long work. On a terminal it draws a progress bar; when output is not a terminal
 * ({@code System.console() == null}) or the environment variable {@code CI} is set, it prints plain lines
 * instead (a redrawn bar turns into thousands of lines in a log), one each time another 10% is done (up to
 * 90%) or 5 seconds have passed, and a final "done" line on {@link #close()}. The system property {@code il4j.progress}
 * ({@code bar}, {@code plain}, {@code none}) overrides the choice. Everything goes to standard error so
 * standard output stays clean for results.
 *
 * <pre>
 * try (Progress p = Progress.start("parse", totalBytes)) {
 *     ... p.step(bytesRead); p.setExtraMessage(rows + " rows");
 * }
 * </pre>
 *
 * A total {@code <= 0} means unknown: plain lines then report the count every 5 seconds.
 * Thread-safe (methods are synchronized), so worker threads may report steps.
 */
public final class Progress implements AutoCloseable {

    /** How progress is shown. */
    public enum Mode { BAR, PLAIN, NONE }

    public static final String MODE_PROPERTY = "il4j.progress";
    static final long LINE_INTERVAL_NANOS = 5_000_000_000L;

    private final String task;
    private final long total;
    private final Mode mode;
    private final PrintStream out;
    private final LongSupplier clock;
    private final long startNanos;
    private final ProgressBar bar;
    private long current;
    private String extra = "";
    private long lastLineNanos;
    private int lastDecile; // the last 10% step a plain line was printed for
    private boolean closed;

    /** Starts reporting {@code task} with {@code total} units of work, in the {@linkplain #autoMode() automatic mode}. */
    public static Progress start(String task, long total) {
        return new Progress(task, total, autoMode(), System.err, System::nanoTime);
    }

    /** Starts reporting in an explicit mode, to standard error. */
    public static Progress start(String task, long total, Mode mode) {
        return new Progress(task, total, mode, System.err, System::nanoTime);
    }

    /** For tests: plain lines to {@code out}, with a caller-controlled clock (nanoseconds). */
    static Progress plain(String task, long total, PrintStream out, LongSupplier clock) {
        return new Progress(task, total, Mode.PLAIN, out, clock);
    }

    private Progress(String task, long total, Mode mode, PrintStream out, LongSupplier clock) {
        if (task == null || task.isBlank()) throw new IllegalArgumentException("progress needs a task name");
        this.task = task;
        this.total = total;
        this.mode = mode;
        this.out = out;
        this.clock = clock;
        this.startNanos = clock.getAsLong();
        this.lastLineNanos = startNanos;
        this.bar = mode == Mode.BAR
                ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total > 0 ? total : -1)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).build()
                : null;
    }

    /**
     * The mode {@link #start(String, long)} uses: the {@code il4j.progress} property when set; otherwise
     * {@code PLAIN} when {@code CI} is set or there is no console, else {@code BAR}.
     */
    public static Mode autoMode() {
        String p = System.getProperty(MODE_PROPERTY);
        if (p != null && !p.isBlank()) {
            try {
                return Mode.valueOf(p.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("system property " + MODE_PROPERTY + " must be bar, plain or none; got '" + p + "'");
            }
        }
        String ci = System.getenv("CI");
        if (ci != null && !ci.isEmpty()) return Mode.PLAIN;
        return System.console() == null ? Mode.PLAIN : Mode.BAR;
    }

    public Mode mode() {
        return mode;
    }

    public synchronized long current() {
        return current;
    }

    public void step() {
        step(1);
    }

    /** Records {@code n} more units done. */
    public synchronized void step(long n) {
        if (n < 0) throw new IllegalArgumentException("progress steps must be >= 0, got " + n);
        stepTo(current + n);
    }

    /** Records that {@code done} units are done in total. */
    public synchronized void stepTo(long done) {
        if (closed) return;
        current = done;
        if (bar != null) bar.stepTo(done);
        else if (mode == Mode.PLAIN) maybePrintLine();
    }

    /** A short note shown after the progress (e.g. the current loss); null clears it. */
    public synchronized void setExtraMessage(String message) {
        extra = message == null ? "" : message;
        if (bar != null) bar.setExtraMessage(extra);
    }

    /** Ends reporting; plain mode prints a final line. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (bar != null) bar.close();
        else if (mode == Mode.PLAIN) printLine(true);
    }

    private void maybePrintLine() {
        long now = clock.getAsLong();
        boolean due = now - lastLineNanos >= LINE_INTERVAL_NANOS;
        if (total > 0) {
            // 100% is left to the closing line, which says "done"
            int decile = (int) Math.min(9, current * 10 / total);
            if (decile > lastDecile) {
                lastDecile = decile;
                due = true;
            }
        }
        if (due) printLine(false);
    }

    private void printLine(boolean done) {
        long now = clock.getAsLong();
        lastLineNanos = now;
        StringBuilder sb = new StringBuilder(task).append(": ");
        if (total > 0)
            sb.append(String.format(Locale.ROOT, "%3d%% (%d/%d)", (int) Math.min(100, current * 100 / total), current, total));
        else sb.append(current);
        sb.append(String.format(Locale.ROOT, done ? " done in %.1fs" : " %.1fs", (now - startNanos) / 1e9));
        if (!extra.isEmpty()) sb.append(' ').append(extra);
        out.println(sb);
        out.flush();
    }
}
