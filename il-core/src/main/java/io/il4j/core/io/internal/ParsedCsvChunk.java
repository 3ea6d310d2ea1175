package io.il4j.core.io.internal;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one block of whole lines of a demonstration CSV, parsed on a worker thread into primitive arrays (one
 * float per numeric cell, episode ids as strings shared by consecutive rows, time steps, flags, discrete actions),
 * so the reader's sequential pass only checks and appends them. An empty number cell (the action and reward cells of
 * a final observation) is held as a marker that the reader's checks see as empty. A row with any cell the fast parse
 * does not take cleanly (text, NaN, a ragged row, anything unusual) keeps its cells as text, parsed by Commons CSV
 * exactly as the sequential reader would, so its values and its errors are the sequential reader's. The text of the
 * block is not kept. Blocks holding a quote character or a lone carriage return are flagged {@link #needsFullParser()}:
 * only a parser that sees the whole file handles those. Unchanged once parsed, until it is handed to {@link #parse} to
 * hold another block's rows.
 */
public final class ParsedCsvChunk {

    /** What the reader does with each column. */
    public static final class Layout {
        static final byte IGNORED = 0, EPISODE = 1, TIME = 2, TERMINATED = 3, TRUNCATED = 4, NUMBER = 5, DISCRETE = 6;
        final int width, numbers;
        final byte delimiter;
        final byte[] role;
        final int[] slot;
        final long discreteLimit;
        final CSVFormat format;
        /** Whether a number can be read up to the delimiter in one pass (the delimiter cannot be part of a number). */
        final boolean scanNumbers;

        /** @param discreteCount n of a discrete action space, 0 when inferred */
        public Layout(CsvColumns c, char delimiter, int discreteCount, CSVFormat format) {
            this.width = c.width;
            this.delimiter = (byte) delimiter;
            this.format = format;
            this.scanNumbers = "0123456789.+-eE".indexOf(delimiter) < 0;
            role = new byte[width];
            slot = new int[width];
            role[c.episode] = EPISODE;
            if (c.time >= 0) role[c.time] = TIME;
            if (c.terminated >= 0) role[c.terminated] = TERMINATED;
            if (c.truncated >= 0) role[c.truncated] = TRUNCATED;
            int k = 0;
            for (int i : c.observations) k = number(i, k);
            for (int i : c.goals) k = number(i, k);
            if (c.discrete) role[c.actions[0]] = DISCRETE;
            else for (int i : c.actions) k = number(i, k);
            if (c.reward >= 0) k = number(c.reward, k);
            numbers = k;
            discreteLimit = discreteCount > 0 ? discreteCount : 1L << 24;
        }

        private int number(int column, int k) {
            role[column] = NUMBER;
            slot[column] = k;
            return k + 1;
        }

        /** Whether the delimiter is a single-byte character the fast parse can split on. */
        public static boolean supports(char delimiter) {
            return delimiter < 0x80 && delimiter != '"' && delimiter != '\r' && delimiter != '\n';
        }
    }

    /** An empty number cell: never a parsed value, since a NaN cell is kept as text. */
    private static final float EMPTY_NUMBER = Float.NaN;
    /** An empty discrete action cell: never a parsed index, since a negative one is kept as text. */
    private static final long EMPTY_INDEX = -1;

    private final Layout layout;
    private final int rows, lines;
    private final int[] lineOfRow;       // 0-based line within the block
    private final float[] numbers;       // rows x layout.numbers
    private final String[] ids;
    private final long[] times, discrete;
    private final byte[] flags;          // bit 0 terminated, bit 1 truncated
    private final CsvRow.Text[] text;    // per row: null when parsed, else its cells as text
    private final boolean needsFullParser;

    private ParsedCsvChunk(Layout layout, int rows, int lines, int[] lineOfRow, float[] numbers, String[] ids, long[] times,
                           long[] discrete, byte[] flags, CsvRow.Text[] text, boolean needsFullParser) {
        this.layout = layout;
        this.rows = rows;
        this.lines = lines;
        this.lineOfRow = lineOfRow;
        this.numbers = numbers;
        this.ids = ids;
        this.times = times;
        this.discrete = discrete;
        this.flags = flags;
        this.text = text;
        this.needsFullParser = needsFullParser;
    }

    public int rows() {
        return rows;
    }

    /** Lines in the block (empty ones included), for numbering the lines of the next block. */
    public int lines() {
        return lines;
    }

    /** 0-based line of row {@code r} within the block. */
    public int lineOfRow(int r) {
        return lineOfRow[r];
    }

    public boolean needsFullParser() {
        return needsFullParser;
    }

    /** Row {@code r}: the parsed view, or its text cells. {@code view} is reused for parsed rows. */
    public CsvRow row(int r, View view) {
        if (text[r] != null) return text[r];
        view.r = r;
        view.chunk = this;
        return view;
    }

    /** A reusable view of one parsed row (every cell it is asked for parsed cleanly). */
    public static final class View implements CsvRow {
        private ParsedCsvChunk chunk;
        private int r;

        @Override
        public int size() {
            return chunk.layout.width;
        }

        @Override
        public String id(int column) {
            return chunk.ids[r];
        }

        @Override
        public boolean isEmpty(int column) {
            return switch (chunk.layout.role[column]) {
                case Layout.NUMBER -> Float.isNaN(chunk.numbers[r * chunk.layout.numbers + chunk.layout.slot[column]]);
                case Layout.DISCRETE -> chunk.discrete[r] == EMPTY_INDEX;
                default -> false; // other cells are never empty in a parsed row
            };
        }

        @Override
        public float number(Path file, long line, String name, int column) {
            float v = chunk.numbers[r * chunk.layout.numbers + chunk.layout.slot[column]];
            return Float.isNaN(v) ? CsvCells.parseFloat(file, line, name, "") : v; // the empty cell's error
        }

        /** Without a call and a column name per cell: the reader's loop over a million rows spends less here. */
        @Override
        public void numbers(Path file, long line, CsvColumns c, int[] columns, float[] into) {
            float[] numbers = chunk.numbers;
            int[] slot = chunk.layout.slot;
            int base = r * chunk.layout.numbers;
            for (int k = 0; k < columns.length; k++) {
                float v = numbers[base + slot[columns[k]]];
                into[k] = Float.isNaN(v) ? number(file, line, c.name(columns[k]), columns[k]) : v; // the empty cell's error
            }
        }

        @Override
        public long integer(Path file, long line, String name, int column, String expectation) {
            if (chunk.layout.role[column] != Layout.DISCRETE) return chunk.times[r];
            long a = chunk.discrete[r];
            return a == EMPTY_INDEX ? CsvCells.parseInteger(file, line, name, "", expectation) : a; // the empty cell's error
        }

        @Override
        public boolean flag(Path file, long line, String name, int column) {
            int bit = chunk.layout.role[column] == Layout.TERMINATED ? 1 : 2;
            return (chunk.flags[r] & bit) != 0;
        }

        @Override
        public String text(int column) {
            return chunk.layout.role[column] == Layout.DISCRETE ? Long.toString(chunk.discrete[r]) : null;
        }
    }

    /**
     * Parses the whole lines {@code b[from, to)} (the last may lack its line feed only at the end of the file) into the
     * arrays of {@code reuse}, a chunk of the same layout that nothing reads any more, or into new ones when it is null.
     */
    public static ParsedCsvChunk parse(byte[] b, int from, int to, Layout layout, ParsedCsvChunk reuse) {
        Builder out = reuse != null && reuse.layout == layout && reuse.ids != null ? new Builder(reuse)
                : new Builder(layout, Math.max(16, (to - from) / Math.max(8, 4 * layout.width)));
        int line = 0;
        int pos = from;
        while (pos < to) {
            int end = pos;
            boolean special = false;
            for (byte c; end < to && (c = b[end]) != '\n'; end++) special |= c == '"' || c == '\r';
            int next = end + 1;
            if (end > pos && b[end - 1] == '\r') end--;
            if (special)
                for (int i = pos; i < end; i++) if (b[i] == '"' || b[i] == '\r') return out.needsFullParser();
            int lineNo = line++;
            if (end == pos) {
                pos = next;
                continue; // an empty line: skipped, as the sequential reader does
            }
            int r = out.startRow(lineNo);
            if (!parseRow(b, pos, end, r, out)) {
                out.text[r] = textRow(b, pos, end, layout.format);
                out.lastIdLength = -1;
            }
            pos = next;
        }
        return out.build(line);
    }

    /**
     * Parses the line {@code b[pos, end)} into row {@code r} of {@code out}; false when a cell needs the text path or
     * the row does not have the header's width. A method of its own, called once per line, so that the JIT compiles it
     * whole early instead of replacing a block-long loop on the stack, once per parser thread.
     */
    private static boolean parseRow(byte[] b, int pos, int end, int r, Builder out) {
        Layout layout = out.layout;
        boolean ok = true;
        int cell = 0, p = pos;
        while (ok) {
            if (layout.scanNumbers && cell < layout.width && layout.role[cell] == Layout.NUMBER) {
                // the common cell, read in one pass; anything unusual about it takes the general path below
                long scanned = DecimalFloats.scan(b, p, end);
                int q = DecimalFloats.end(scanned);
                if (scanned != DecimalFloats.REJECTED && (q == end || b[q] == layout.delimiter)) {
                    out.numbers[r * layout.numbers + layout.slot[cell]] = DecimalFloats.value(scanned);
                    cell++;
                    if (q == end) break;
                    p = q + 1;
                    continue;
                }
            }
            int cellEnd = p;
            while (cellEnd < end && b[cellEnd] != layout.delimiter) {
                if (b[cellEnd] < 0) ok = false; // non-ASCII: the text path decides (ids in UTF-8, unicode spaces)
                cellEnd++;
            }
            if (cell >= layout.width) return false;
            int s = p, e = cellEnd;
            while (s < e && isSpace(b[s], layout.delimiter)) s++;
            while (e > s && isSpace(b[e - 1], layout.delimiter)) e--;
            if (ok) {
                switch (layout.role[cell]) {
                    case Layout.EPISODE -> {
                        if (e == s) ok = false;
                        else {
                            int len = e - s;
                            if (len != out.lastIdLength || !java.util.Arrays.equals(b, s, e, b, out.lastIdFrom, out.lastIdFrom + len)) {
                                out.lastId = new String(b, s, len, StandardCharsets.US_ASCII);
                                out.lastIdLength = len;
                            }
                            out.lastIdFrom = s; // the same bytes now sit in this row
                            out.ids[r] = out.lastId;
                        }
                    }
                    case Layout.TIME -> {
                        long t = integer(b, s, e);
                        if (t == Long.MIN_VALUE) ok = false;
                        else out.times[r] = t;
                    }
                    case Layout.TERMINATED, Layout.TRUNCATED -> {
                        if (e - s > 1 || (e - s == 1 && b[s] != '0' && b[s] != '1')) ok = false;
                        else if (e - s == 1 && b[s] == '1') out.flags[r] |= (byte) (layout.role[cell] == Layout.TERMINATED ? 1 : 2);
                    }
                    case Layout.NUMBER -> {
                        if (e == s) {
                            out.numbers[r * layout.numbers + layout.slot[cell]] = EMPTY_NUMBER;
                            break;
                        }
                        byte last = b[e - 1];
                        float v = (last >= '0' && last <= '9') || last == '.' ? parseNumber(b, s, e) : Float.NaN;
                        if (Float.isNaN(v) || Float.isInfinite(v)) ok = false;
                        else out.numbers[r * layout.numbers + layout.slot[cell]] = v;
                    }
                    case Layout.DISCRETE -> {
                        if (e == s) {
                            out.discrete[r] = EMPTY_INDEX;
                            break;
                        }
                        long a = integer(b, s, e);
                        if (a < 0 || a >= layout.discreteLimit) ok = false;
                        else out.discrete[r] = a;
                    }
                    default -> {
                    }
                }
            }
            cell++;
            if (cellEnd >= end) break;
            p = cellEnd + 1;
        }
        return ok && cell == layout.width;
    }

    /**
     * The cell's float exactly as the sequential reader's {@link DecimalFloats#parse(String)} gives it: the fast path,
     * else (mantissas beyond 18 digits, subnormals, the rare product near a float midpoint) the JDK's parser on this
     * cell alone, so that such a cell does not send its whole row to the slow Commons CSV path.
     * NaN when the cell is no number.
     */
    private static float parseNumber(byte[] b, int s, int e) {
        float v = DecimalFloats.parseOrNaN(b, s, e);
        if (!Float.isNaN(v)) return v;
        try {
            return Float.parseFloat(new String(b, s, e - s, StandardCharsets.US_ASCII));
        } catch (NumberFormatException notANumber) {
            return Float.NaN;
        }
    }

    /** A plain integer (optional minus sign, at most 18 digits), or Long.MIN_VALUE for anything else. */
    private static long integer(byte[] b, int s, int e) {
        boolean negative = s < e && b[s] == '-';
        int i = negative ? s + 1 : s;
        if (i == e || e - i > 18) return Long.MIN_VALUE;
        long v = 0;
        for (; i < e; i++) {
            if (b[i] < '0' || b[i] > '9') return Long.MIN_VALUE;
            v = v * 10 + (b[i] - '0');
        }
        return negative ? -v : v;
    }

    /** Whitespace around a cell, as Commons CSV trims it (never the delimiter). */
    private static boolean isSpace(byte c, byte delimiter) {
        return c != delimiter && c >= 0 && Character.isWhitespace((char) c);
    }

    /** The line parsed by Commons CSV with the reader's format: the sequential reader's cells, exactly. */
    private static CsvRow.Text textRow(byte[] b, int from, int to, CSVFormat format) {
        String line = new String(b, from, to - from, StandardCharsets.UTF_8);
        try (CSVParser p = format.parse(new java.io.StringReader(line))) {
            List<CSVRecord> records = new ArrayList<>(1);
            p.forEach(records::add);
            return new CsvRow.Text(records.isEmpty() ? new String[]{""} : records.get(0).toList().toArray(new String[0]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Growable arrays of one block, and the episode id of its latest parsed row. */
    private static final class Builder {
        final Layout layout;
        int rows;
        // the latest parsed row's episode id and where its bytes are: rows of one episode share one String
        String lastId;
        int lastIdFrom, lastIdLength = -1;
        int[] lineOfRow;
        float[] numbers;
        String[] ids;
        long[] times, discrete;
        byte[] flags;
        CsvRow.Text[] text;

        Builder(Layout layout, int capacity) {
            this.layout = layout;
            lineOfRow = new int[capacity];
            numbers = new float[capacity * layout.numbers];
            ids = new String[capacity];
            times = new long[capacity];
            discrete = new long[capacity];
            flags = new byte[capacity];
            text = new CsvRow.Text[capacity];
        }

        /** Into the arrays of {@code done}: every parsed row writes all of its cells, so only flags and text are reset. */
        Builder(ParsedCsvChunk done) {
            layout = done.layout;
            lineOfRow = done.lineOfRow;
            numbers = done.numbers;
            ids = done.ids;
            times = done.times;
            discrete = done.discrete;
            flags = done.flags;
            text = done.text;
            java.util.Arrays.fill(flags, 0, done.rows, (byte) 0);
            java.util.Arrays.fill(text, 0, done.rows, null);
        }

        int startRow(int line) {
            if (rows == ids.length) {
                int n = ids.length * 2;
                lineOfRow = java.util.Arrays.copyOf(lineOfRow, n);
                numbers = java.util.Arrays.copyOf(numbers, n * layout.numbers);
                ids = java.util.Arrays.copyOf(ids, n);
                times = java.util.Arrays.copyOf(times, n);
                discrete = java.util.Arrays.copyOf(discrete, n);
                flags = java.util.Arrays.copyOf(flags, n);
                text = java.util.Arrays.copyOf(text, n);
            }
            lineOfRow[rows] = line;
            return rows++;
        }

        ParsedCsvChunk needsFullParser() {
            return new ParsedCsvChunk(layout, 0, 0, null, null, null, null, null, null, null, true);
        }

        ParsedCsvChunk build(int lines) {
            return new ParsedCsvChunk(layout, rows, lines, lineOfRow, numbers, ids, times, discrete, flags, text, false);
        }
    }
}
