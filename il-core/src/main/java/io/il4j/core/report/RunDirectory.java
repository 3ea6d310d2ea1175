package io.il4j.core.report;

import org.apache.commons.csv.CSVFormat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The output folder of one experiment, {@code <root>/<name>/}:
 * <ul>
 *   <li>{@code config.json} — the configuration record(s) the run used ({@link #writeConfig});</li>
 *   <li>{@code metrics.csv} — one row per logged step (epoch, DAgger round, ...), header once
 *   ({@link #appendMetrics});</li>
 *   <li>{@code results.json} — final numbers ({@link #writeResults});</li>
 *   <li>PNG plots at {@link #file}{@code ("name.png")}.</li>
 * </ul>
 * JSON goes through {@link Json} and is written atomically. Each metrics row is appended and flushed
 * in a single write, so a crash loses at most the row being written. Opening a run directory starts a
 * fresh {@code metrics.csv} (an old one from a previous run of the same name is deleted); other files
 * are replaced when written again. Thread-safe (methods are synchronized), so a training loop and a
 * monitor may share it.
 */
public final class RunDirectory {

    public static final String CONFIG = "config.json";
    public static final String METRICS = "metrics.csv";
    public static final String RESULTS = "results.json";

    private final Path dir;
    private final String name;
    private List<String> metricColumns; // fixed by the first row

    private RunDirectory(Path dir, String name) {
        this.dir = dir;
        this.name = name;
    }

    /**
     * Creates (or reuses) {@code root/name/}. The name must be a single path segment of letters, digits,
     * {@code . _ -} (not {@code .} or {@code ..}).
     */
    public static RunDirectory create(Path root, String name) throws IOException {
        checkSegment("run name", name);
        Path dir = root.resolve(name);
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(METRICS));
        return new RunDirectory(dir, name);
    }

    /**
     * Opens {@code root/name/} to continue a run: unlike {@link #create}, its {@code metrics.csv} is kept (a
     * resuming trainer rewrites it from its checkpoint with {@link #writeMetrics}).
     */
    public static RunDirectory open(Path root, String name) throws IOException {
        checkSegment("run name", name);
        Path dir = root.resolve(name);
        Files.createDirectories(dir);
        return new RunDirectory(dir, name);
    }

    public Path path() {
        return dir;
    }

    public String name() {
        return name;
    }

    /** A file inside the run directory (e.g. {@code "learning_curve.png"}); the name must be a plain file name. */
    public Path file(String fileName) {
        checkSegment("file name", fileName);
        return dir.resolve(fileName);
    }

    public synchronized void writeConfig(Object config) throws IOException {
        Json.write(dir.resolve(CONFIG), config);
    }

    public synchronized void writeResults(Object results) throws IOException {
        Json.write(dir.resolve(RESULTS), results);
    }

    /**
     * Appends one row to {@code metrics.csv}. The first row fixes the columns (in the map's iteration
     * order: pass a {@link java.util.LinkedHashMap} to choose it) and writes the header; later rows must
     * have exactly the same keys. Numbers are written in Java's shortest round-trip form, NaN as
     * {@code NaN}; other values via {@code toString()}, quoted when needed.
     */
    public synchronized void appendMetrics(Map<String, ?> row) throws IOException {
        if (row == null || row.isEmpty()) throw new IllegalArgumentException("a metrics row needs at least one column");
        StringBuilder sb = new StringBuilder();
        if (metricColumns == null) {
            metricColumns = List.copyOf(row.keySet());
            sb.append(CSVFormat.DEFAULT.format(metricColumns.toArray())).append('\n');
        } else if (!row.keySet().equals(new LinkedHashSet<>(metricColumns))) {
            Set<String> missing = new LinkedHashSet<>(metricColumns);
            missing.removeAll(row.keySet());
            Set<String> extra = new LinkedHashSet<>(row.keySet());
            extra.removeAll(metricColumns);
            throw new IllegalArgumentException("metrics row for " + dir.resolve(METRICS) + " does not match the columns "
                    + metricColumns + " fixed by the first row: missing " + missing + ", unexpected " + extra);
        }
        List<Object> values = new ArrayList<>(metricColumns.size());
        for (String c : metricColumns) values.add(row.get(c));
        sb.append(CSVFormat.DEFAULT.format(values.toArray())).append('\n');
        Files.writeString(dir.resolve(METRICS), sb, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    /**
     * Replaces {@code metrics.csv} atomically with {@code rows} under {@code columns} (a row's missing columns are
     * written as {@code NaN}); later {@link #appendMetrics} rows must have these columns. For a record whose columns
     * grew (a metric first reported at a later check) or that resumes from a checkpoint.
     */
    public synchronized void writeMetrics(List<String> columns, List<? extends Map<String, ?>> rows) throws IOException {
        if (columns.isEmpty()) throw new IllegalArgumentException("metrics need at least one column");
        StringBuilder sb = new StringBuilder(CSVFormat.DEFAULT.format(columns.toArray())).append('\n');
        for (Map<String, ?> row : rows) {
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) values[i] = row.containsKey(columns.get(i)) ? row.get(columns.get(i)) : Double.NaN;
            sb.append(CSVFormat.DEFAULT.format(values)).append('\n');
        }
        AtomicFiles.writeString(dir.resolve(METRICS), sb.toString());
        metricColumns = List.copyOf(columns);
    }

    /** The columns of {@code metrics.csv}, or an empty list before the first row. */
    public synchronized List<String> metricColumns() {
        return metricColumns == null ? List.of() : metricColumns;
    }

    private static void checkSegment(String what, String s) {
        if (s == null || s.isEmpty() || s.equals(".") || s.equals("..") || !s.matches("[A-Za-z0-9._-]+"))
            throw new IllegalArgumentException(what + " '" + s + "' must be a single path segment of letters, digits, '.', '_' or '-'");
    }
}
