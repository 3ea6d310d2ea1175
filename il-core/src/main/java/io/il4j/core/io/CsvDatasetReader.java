package io.il4j.core.io;

import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.data.DatasetSpec;
import io.il4j.core.io.internal.CountingInputStream;
import io.il4j.core.io.internal.CsvCells;
import io.il4j.core.io.internal.CsvBlocks;
import io.il4j.core.io.internal.CsvColumns;
import io.il4j.core.io.internal.CsvRow;
import io.il4j.core.io.internal.ParsedCsvChunk;
import io.il4j.core.runtime.WorkerThreads;
import io.il4j.core.io.internal.DatasetRespec;
import io.il4j.core.space.ActionSpace;
import io.il4j.core.space.Box;
import io.il4j.core.space.Discrete;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedInputStream;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a demonstration CSV (the README's "Demonstration CSV format") into a {@link Dataset}, streaming record by record
 * straight into the dataset's primitive arrays.
 *
 * <ul>
 *   <li>Header-driven: {@code episode} and {@code obs_*}/{@code act_*} (or one integer {@code act} column) are
 *   required; {@code t}, {@code reward}, {@code terminated}, {@code truncated}, {@code goal_*} are optional.
 *   {@link CsvOptions} maps other column names. Unknown columns are ignored and named in a warning.</li>
 *   <li>One row per observation. An episode's final observation is a row whose action cells are empty (its
 *   reward cell is ignored); without it the episode has no final observation.</li>
 *   <li>Rows of one episode are contiguous; {@code t}, when present, increases by 1 within an episode.</li>
 *   <li>{@code terminated}/{@code truncated} (0/1 or true/false, empty = 0) may be set on an episode's last step
 *   row or on its final-observation row, nowhere else.</li>
 * </ul>
 * Any violation raises a {@link DatasetFormatException} naming file, line, column and expectation; nothing is
 * returned half-loaded. Immutable; thread-safe (each call reads independently).
 */
public final class CsvDatasetReader {

    /** Worker threads of the block-parallel parse (the reading thread checks and appends rows meanwhile). */
    static final int PARSE_THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    /** Bytes per block of lines handed to a worker: a few in flight bound the text held at once. */
    static final int BLOCK_BYTES = 4 << 20;

    private final CsvOptions options;

    private final int blockBytes;

    public CsvDatasetReader(CsvOptions options) {
        this(options, BLOCK_BYTES);
    }

    /** With blocks of {@code blockBytes} (tests use tiny blocks to cross many block boundaries). */
    CsvDatasetReader(CsvOptions options, int blockBytes) {
        if (blockBytes < 1) throw new IllegalArgumentException("blockBytes must be >= 1, got " + blockBytes);
        this.options = options == null ? CsvOptions.defaults() : options;
        this.blockBytes = blockBytes;
    }

    public CsvOptions options() {
        return options;
    }

    public LoadResult read(Path file) throws IOException {
        return read(file, ProgressListener.NONE);
    }

    /**
     * Reads {@code file}, reporting bytes consumed to {@code progress}. Files without quote characters are parsed in
     * blocks of lines on {@link #PARSE_THREADS} worker threads while this thread checks and appends their rows in file
     * order (so errors are the same, at the same line and column, as a sequential parse); others go through Commons CSV.
     */
    public LoadResult read(Path file, ProgressListener progress) throws IOException {
        Read r = read(file, progress, null);
        return new LoadResult(r.dataset(), r.warnings());
    }

    /**
     * Reads {@code file} straight into a sharded dataset in {@code dir} (NPZ shards of at most {@code shardSteps} steps,
     * episodes never split): episodes go to a {@link ShardedDatasetWriter} as they complete, so a file larger than
     * memory converts while holding about two shards and the parse blocks in flight. Same checks, errors and warnings
     * as {@link #read}; after an error nothing is left in {@code dir}. A discrete action space must be given
     * ({@link CsvOptions#discreteActionCount()}): it cannot be inferred before the last row is read.
     */
    public ShardedLoadResult readIntoShards(Path file, Path dir, int shardSteps, boolean compressed, ProgressListener progress)
            throws IOException {
        if (shardSteps < 1) throw new IllegalArgumentException("shardSteps must be >= 1, got " + shardSteps);
        Read r = read(file, progress, new ShardTarget(dir, shardSteps, compressed));
        return new ShardedLoadResult(r.shards(), r.warnings());
    }

    /** Where a streamed read writes its shards. */
    private record ShardTarget(Path dir, int shardSteps, boolean compressed) {
    }

    /** What a read produced: a dataset in memory, or the sharded dataset it was written to, and the warnings. */
    private record Read(Dataset dataset, ShardedDataset shards, List<String> warnings) {
    }

    private Read read(Path file, ProgressListener progress, ShardTarget target) throws IOException {
        long size = Files.size(file);
        if (ParsedCsvChunk.Layout.supports(options.delimiter())) {
            Read result = readInBlocks(file, size, progress, target);
            if (result != null) return result;
        }
        return readSequentially(file, size, progress, target);
    }

    /**
     * Reads {@code file} record by record with Commons CSV on this thread (what {@link #read} falls back to for quoted
     * cells, quoted line breaks and multi-byte delimiters); the same dataset, warnings and errors as {@link #read}.
     */
    public LoadResult readSequentially(Path file, long size, ProgressListener progress) throws IOException {
        Read r = readSequentially(file, size, progress, null);
        return new LoadResult(r.dataset(), r.warnings());
    }

    private Read readSequentially(Path file, long size, ProgressListener progress, ShardTarget target) throws IOException {
        CSVFormat format = format();
        Rows rows = null;
        try (CountingInputStream counting = new CountingInputStream(
                new BufferedInputStream(Files.newInputStream(file), 1 << 16), size, progress);
             Reader reader = new InputStreamReader(counting, StandardCharsets.UTF_8);
             CSVParser parser = format.parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!hasNext(records, parser, file))
                throw DatasetFormatException.inFile(file, "the file is empty; expected a header line naming the columns "
                        + "(episode, t, obs_0, ..., act_0, ..., reward, terminated, truncated)");
            List<String> header = new ArrayList<>(records.next().toList());
            if (header.get(0).startsWith("\uFEFF")) header.set(0, header.get(0).substring(1)); // UTF-8 byte order mark
            CsvColumns columns = CsvColumns.resolve(file, header, options);
            long headerLine = parser.getCurrentLineNumber();
            if (!hasNext(records, parser, file))
                throw DatasetFormatException.atLine(file, headerLine, null, "the file has a header but no data rows; "
                        + "expected one row per observation");
            rows = new Rows(file, columns, specFor(file, headerLine, columns), target);
            while (hasNext(records, parser, file))
                rows.accept(new CsvRow.Text(records.next().toList().toArray(new String[0])), parser.getCurrentLineNumber());
            Read read = rows.finish();
            counting.reportDone();
            return read;
        } finally {
            if (rows != null) rows.discardUnfinishedShards();
        }
    }

    private CSVFormat format() {
        return CSVFormat.DEFAULT.builder().setDelimiter(options.delimiter())
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).build();
    }

    /**
     * The block-parallel read, or null when the file needs the sequential parser (quotes, lone carriage returns, no
     * header or no data rows: the sequential parser then raises the same error it always did).
     */
    private Read readInBlocks(Path file, long size, ProgressListener progress, ShardTarget target) throws IOException {
        CSVFormat format = format();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            CsvBlocks blocks = new CsvBlocks(channel, blockBytes);
            CsvBlocks.Block first = blocks.next();
            if (first == null) return null;
            // the header: the first non-empty line
            int pos = 0, line = 0, headerEnd = -1, next = 0;
            while (pos < first.length()) {
                int end = pos;
                while (end < first.length() && first.bytes()[end] != '\n') end++;
                next = end + 1;
                line++;
                if (end > pos && first.bytes()[end - 1] == '\r') end--;
                if (end > pos) {
                    headerEnd = end;
                    break;
                }
                pos = next;
            }
            if (headerEnd < 0) return null;
            String headerText = new String(first.bytes(), pos, headerEnd - pos, StandardCharsets.UTF_8);
            if (headerText.indexOf('"') >= 0 || headerText.indexOf('\r') >= 0) return null;
            List<String> header;
            try (CSVParser p = format.parse(new java.io.StringReader(headerText))) {
                header = new ArrayList<>(p.iterator().next().toList());
            }
            if (header.get(0).startsWith("\uFEFF")) header.set(0, header.get(0).substring(1)); // UTF-8 byte order mark
            CsvColumns columns = CsvColumns.resolve(file, header, options);
            ParsedCsvChunk.Layout layout = new ParsedCsvChunk.Layout(columns, options.delimiter(), options.discreteActionCount(), format);
            Rows rows = null;
            long lineBase = line, consumed = 0, rowCount = 0;
            ExecutorService pool = WorkerThreads.pool(PARSE_THREADS, "il4j-csv-parser");
            try {
                Deque<Future<ParsedCsvChunk>> inFlight = new ArrayDeque<>();
                Deque<CsvBlocks.Block> parsing = new ArrayDeque<>(); // the blocks of inFlight, in the same order
                final int from = Math.min(next, first.length());
                final CsvBlocks.Block head = first;
                inFlight.add(pool.submit(() -> ParsedCsvChunk.parse(head.bytes(), from, head.length(), layout, null)));
                Deque<ParsedCsvChunk> spent = new ArrayDeque<>(); // appended chunks, whose arrays the next parses reuse
                parsing.add(first);
                ParsedCsvChunk.View view = new ParsedCsvChunk.View();
                boolean more = true;
                while (!inFlight.isEmpty()) {
                    while (more && inFlight.size() <= PARSE_THREADS) {
                        CsvBlocks.Block b = blocks.next();
                        if (b == null) {
                            more = false;
                            break;
                        }
                        ParsedCsvChunk reuse = spent.poll();
                        inFlight.add(pool.submit(() -> ParsedCsvChunk.parse(b.bytes(), 0, b.length(), layout, reuse)));
                        parsing.add(b);
                    }
                    ParsedCsvChunk chunk = WorkerThreads.await(inFlight.poll());
                    if (chunk.needsFullParser()) return null;
                    if (rows == null && chunk.rows() > 0) {
                        rows = new Rows(file, columns, specFor(file, line, columns), target);
                        // rows in the file, from the first block's bytes per row (2% over: rows vary in length)
                        rows.expect((long) Math.ceil(1.02 * chunk.rows() * size / first.length()));
                    }
                    if (chunk.rows() > 0) rows.acceptAll(chunk, view, lineBase);
                    rowCount += chunk.rows();
                    lineBase += chunk.lines();
                    CsvBlocks.Block done = parsing.poll();
                    consumed += done.length();
                    blocks.recycle(done); // its rows are parsed: the next block reads into the same bytes
                    spent.push(chunk);
                    progress.progress(Math.min(consumed, size), size);
                }
                if (rowCount == 0) return null;
                Read read = rows.finish();
                progress.progress(size, size);
                return read;
            } finally {
                pool.shutdownNow();
                // a fallback to the sequential parser (or an error) must not leave this attempt's shards behind
                if (rows != null) rows.discardUnfinishedShards();
            }
        }
    }


    /** @param single episodes of one row; @param firstSingle the first of them (index in file order) */
    private static List<String> warnings(Path file, CsvColumns columns, long single, long firstSingle) {
        List<String> warnings = new ArrayList<>();
        if (!columns.ignored.isEmpty())
            warnings.add(file + ": ignoring " + columns.ignored.size() + " column(s) the schema does not know: "
                    + String.join(", ", columns.ignored));
        if (single > 0)
            warnings.add(file + ": " + single + " episode(s) consist of a single row (the first is episode #" + firstSingle
                    + " in file order, counting from 0); check the episode column for typos");
        return warnings;
    }

    private DatasetSpec specFor(Path file, long headerLine, CsvColumns columns) {
        ActionSpace space;
        if (columns.discrete) {
            if (options.actionBounds() != null)
                throw DatasetFormatException.atLine(file, headerLine, columns.actionNames.get(0),
                        "is a discrete action column, but action bounds were given; expected continuous act_* columns");
            // When n is inferred the builder holds indices under a provisional n, replaced once the maximum is known.
            space = new Discrete(options.discreteActionCount() > 0 ? options.discreteActionCount() : Integer.MAX_VALUE);
        } else if (options.actionBounds() != null) {
            if (options.actionBounds().dim() != columns.actions.length)
                throw DatasetFormatException.atLine(file, headerLine, null, "the action bounds have "
                        + options.actionBounds().dim() + " dims but the file has " + columns.actions.length
                        + " action columns " + columns.actionNames);
            space = options.actionBounds();
        } else {
            space = Box.unbounded(columns.actions.length);
        }
        return new DatasetSpec(columns.observationNames, space, columns.actionNames, columns.goalNames,
                columns.reward >= 0);
    }

    /** Commons CSV reports malformed quoting as an unchecked wrapper; turn it into a located format error. */
    private static boolean hasNext(Iterator<CSVRecord> records, CSVParser parser, Path file) throws IOException {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            IOException cause = e.getCause();
            StackTraceElement[] where = cause.getStackTrace();
            if (where.length > 0 && where[0].getClassName().startsWith("org.apache.commons.csv"))
                throw DatasetFormatException.atLine(file, parser.getCurrentLineNumber(), null, "malformed CSV ("
                        + cause.getMessage() + "); expected cells separated by the delimiter, quotes balanced");
            throw cause;
        }
    }

    /**
     * Per-read parse state: the builder being filled and what the episode seen so far requires of the next row. With a
     * shard target, every completed episode goes to the shard writer once the builder holds a shard's worth of steps.
     */
    private final class Rows {
        private final Path file;
        private final CsvColumns c;
        private final DatasetSpec spec;
        private DatasetBuilder builder;
        private final ShardedDatasetWriter shardWriter; // null: everything stays in the builder
        private final int shardSteps;
        private final boolean inferDiscrete; // the discrete n is the largest index seen + 1
        private final float[] obs, goal, act, finalObs, finalGoal;
        private final Set<String> seenEpisodes = new HashSet<>();

        private String episode;          // id of the open episode, or null before the first row
        private String before;           // id of the episode before it
        private long episodeLine;        // line of its first row
        private long lastLine;           // line of its latest row
        private long lastT;
        private long finalRowLine = -1;  // line of its final-observation row, if read
        private long flagLine = -1;      // line of a step row that set terminated/truncated
        private String flagColumn;
        private boolean term, trunc;
        private long maxDiscrete = -1;
        private int stepsInEpisode;
        // a one-row episode is usually a mistyped id between two episodes (its row then belongs to a neighbour)
        private long episodesClosed, singleRowEpisodes, firstSingleRowEpisode = -1;

        Rows(Path file, CsvColumns columns, DatasetSpec spec, ShardTarget target) throws IOException {
            this.file = file;
            this.c = columns;
            this.spec = spec;
            this.builder = new DatasetBuilder(spec);
            this.inferDiscrete = columns.discrete && options.discreteActionCount() == 0;
            if (target != null && inferDiscrete)
                throw new IllegalArgumentException(file + ": writing shards while reading needs the number of discrete actions "
                        + "given up front (CsvOptions.discreteActionCount): it cannot be inferred before the last row is read");
            this.shardSteps = target == null ? 0 : target.shardSteps();
            this.shardWriter = target == null ? null : new ShardedDatasetWriter(target.dir(), spec, target.shardSteps(), target.compressed());
            obs = new float[c.observations.length];
            finalObs = new float[c.observations.length];
            goal = new float[c.goals.length];
            finalGoal = new float[c.goals.length];
            act = new float[c.actions.length];
        }

        /**
         * Sizes the dataset's arrays for about {@code n} rows when the whole file is read into memory. Not past a third
         * of the heap: an estimate from rows shorter than the file's later ones must not exhaust memory that growing
         * by doubling would not.
         */
        void expect(long n) {
            long widest = Math.max(1, Math.max(c.observations.length, Math.max(c.goals.length, c.actions.length)));
            long bytes = 4 * n * (c.observations.length + c.goals.length + c.actions.length + 1);
            if (shardWriter == null && n * widest < Integer.MAX_VALUE - 8 && bytes < Runtime.getRuntime().maxMemory() / 3)
                builder.reserve((int) n, (int) n);
        }

        /**
         * The rows of {@code chunk}, whose lines follow line {@code lineBase} (a method of its own, so that the JIT
         * compiles this loop alone rather than the whole of readInBlocks on stack replacement).
         */
        void acceptAll(ParsedCsvChunk chunk, ParsedCsvChunk.View view, long lineBase) throws IOException {
            for (int r = 0; r < chunk.rows(); r++) accept(chunk.row(r, view), lineBase + chunk.lineOfRow(r) + 1);
        }

        void accept(CsvRow r, long line) throws IOException {
            if (r.size() != c.width)
                throw DatasetFormatException.atLine(file, line, null, "expected " + c.width + " cells as in the header, got "
                        + r.size());
            String id = r.id(c.episode);
            if (id.isEmpty())
                throw DatasetFormatException.atLine(file, line, c.name(c.episode), "expected an episode id, got an empty cell");
            boolean first = !id.equals(episode);
            if (first) startEpisode(id, line);
            lastLine = line;
            if (finalRowLine >= 0)
                throw DatasetFormatException.atLine(file, finalRowLine, c.actionNames.get(0), "action cells are empty but "
                        + "episode '" + id + "' continues on line " + line + "; expected empty actions only on an "
                        + "episode's last row (its final observation)");
            if (c.time >= 0) checkTime(r, line, first);

            boolean finalRow = actionCellsEmpty(r, line);
            if (finalRow && first)
                throw DatasetFormatException.atLine(file, line, c.actionNames.get(0), "episode '" + id + "' starts with a "
                        + "row whose action cells are empty; expected at least one step (a row with actions) before the "
                        + "final observation");
            if (!finalRow && flagLine >= 0)
                throw DatasetFormatException.atLine(file, flagLine, flagColumn, "is set on a row that is not the last step "
                        + "of episode '" + id + "' (it continues on line " + line + "); expected it only on the "
                        + "episode's last step or final-observation row");
            float[] o = finalRow ? finalObs : obs, g = finalRow ? finalGoal : goal;
            r.numbers(file, line, c, c.observations, o);
            r.numbers(file, line, c, c.goals, g);
            boolean t = c.terminated >= 0 && r.flag(file, line, c.name(c.terminated), c.terminated);
            boolean u = c.truncated >= 0 && r.flag(file, line, c.name(c.truncated), c.truncated);
            term |= t;
            trunc |= u;
            if (finalRow) {
                finalRowLine = line;
                return;
            }
            if (t || u) {
                flagLine = line;
                flagColumn = c.name(t ? c.terminated : c.truncated);
            }
            if (c.discrete) act[0] = discreteAction(r, line);
            else r.numbers(file, line, c, c.actions, act);
            float reward = c.reward >= 0 ? cell(r, line, c.reward) : 0f;
            builder.addStep(o, 0, g, 0, act, 0, reward);
            stepsInEpisode++;
        }

        Read finish() throws IOException {
            closeEpisode();
            List<String> warnings = warnings(file, c, singleRowEpisodes, firstSingleRowEpisode);
            if (shardWriter != null) {
                if (builder.numEpisodes() > 0) shardWriter.append(builder.build());
                return new Read(null, shardWriter.finish(), warnings);
            }
            Dataset d = builder.build();
            if (inferDiscrete) d = DatasetRespec.withActionSpace(d, new Discrete((int) Math.max(2, maxDiscrete + 1)));
            return new Read(d, null, warnings);
        }

        /** Deletes what the shard writer wrote unless it finished (an error, or a fallback to the sequential parser). */
        void discardUnfinishedShards() throws IOException {
            if (shardWriter != null) shardWriter.close();
        }

        private void startEpisode(String id, long line) throws IOException {
            if (episode != null) closeEpisode();
            if (!seenEpisodes.add(id)) throw appearsAgain(id, line);
            before = episode;
            episode = id;
            episodeLine = line;
            builder.beginEpisode();
        }

        /**
         * Episode {@code id} resumes on {@code line}. When exactly one other episode came in between, that one is
         * the likelier mistake (typically a mistyped id on one row), so the error points at it.
         */
        private DatasetFormatException appearsAgain(String id, long line) {
            String column = c.name(c.episode);
            if (!id.equals(before))
                return DatasetFormatException.atLine(file, line, column, "episode '" + id + "' appears again after "
                        + "other episodes; expected the rows of each episode to be contiguous");
            String rows = episodeLine == lastLine ? "line " + episodeLine : "lines " + episodeLine + "-" + lastLine;
            String problem = CsvCells.isInteger(id) && !CsvCells.isInteger(episode)
                    ? "expected an integer episode id like those around it, got '" + episode + "' (" + rows
                    + "), which interrupts episode '" + id + "' (it continues on line " + line + ")"
                    : "episode '" + episode + "' (" + rows + ") interrupts episode '" + id + "', which continues on line "
                    + line + "; expected the rows of each episode to be contiguous";
            return DatasetFormatException.atLine(file, episodeLine, column, problem);
        }

        private void closeEpisode() throws IOException {
            boolean hasFinal = finalRowLine >= 0;
            builder.endEpisode(hasFinal ? finalObs : null, 0, hasFinal && goal.length > 0 ? finalGoal : null, 0, term, trunc);
            if (stepsInEpisode + (hasFinal ? 1 : 0) == 1 && singleRowEpisodes++ == 0) firstSingleRowEpisode = episodesClosed;
            episodesClosed++;
            stepsInEpisode = 0;
            finalRowLine = -1;
            flagLine = -1;
            term = false;
            trunc = false;
            if (shardWriter != null && builder.numSteps() >= shardSteps) {
                shardWriter.append(builder.build());
                builder = new DatasetBuilder(spec);
            }
        }

        private void checkTime(CsvRow r, long line, boolean first) {
            String name = c.name(c.time);
            long t = r.integer(file, line, name, c.time, "an integer time step");
            if (!first && t != lastT + 1)
                throw DatasetFormatException.atLine(file, line, name, "expected " + (lastT + 1) + " (the previous row of "
                        + "episode '" + episode + "' has t=" + lastT + "), got " + t + "; t must increase by 1 within an "
                        + "episode that starts on line " + episodeLine);
            lastT = t;
        }

        /** True when every action cell is empty (a final-observation row); partial emptiness is an error. */
        private boolean actionCellsEmpty(CsvRow r, long line) {
            int empty = 0;
            for (int i : c.actions) if (r.isEmpty(i)) empty++;
            if (empty == 0) return false;
            if (empty == c.actions.length) return true;
            for (int i : c.actions)
                if (r.isEmpty(i))
                    throw DatasetFormatException.atLine(file, line, c.name(i), "expected a number, got an empty cell (other "
                            + "action cells of this row are filled; leave all of them empty only on a final-observation row)");
            throw new AssertionError("unreachable");
        }

        private float cell(CsvRow r, long line, int i) {
            return r.number(file, line, c.name(i), i);
        }

        private float discreteAction(CsvRow r, long line) {
            int column = c.actions[0];
            String name = c.name(column);
            int n = options.discreteActionCount();
            String expectation = "a non-negative integer action index" + (n > 0 ? " below " + n : "");
            long a = r.integer(file, line, name, column, expectation);
            if (a < 0 || (n > 0 && a >= n) || a >= 1 << 24) // 2^24: largest index a float holds exactly
                throw DatasetFormatException.atLine(file, line, name, "expected " + expectation + ", got '" + r.text(column) + "'");
            maxDiscrete = Math.max(maxDiscrete, a);
            return a;
        }
    }
}
