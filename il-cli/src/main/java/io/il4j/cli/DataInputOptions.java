package io.il4j.cli;

import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.data.ShardStream;
import io.il4j.core.data.StreamingSampler;
import io.il4j.core.io.CsvOptions;
import io.il4j.core.io.ShardedDataset;
import io.il4j.core.io.DatasetFiles;
import io.il4j.core.io.InputFiles;
import io.il4j.core.io.Hdf5Options;
import io.il4j.core.io.LoadResult;
import io.il4j.core.io.ProgressListener;
import io.il4j.core.io.ShardedLoadResult;
import io.il4j.core.report.Progress;
import io.il4j.core.space.Box;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How to read a demonstration file: column mapping for CSV, layout for HDF5. Shared by every command
 * that reads data ({@code inspect}, {@code convert}, {@code train}), so they accept the same options.
 */
final class DataInputOptions {

    private static final long SHOW_PROGRESS_FROM_BYTES = 16L << 20;

    @Option(names = "--obs", split = ",", paramLabel = "COL",
            description = "Observation columns of a CSV, in order (default: every obs_* column).")
    List<String> observationColumns = List.of();

    @Option(names = "--act", split = ",", paramLabel = "COL",
            description = "Continuous action columns of a CSV, in order (default: every act_* column).")
    List<String> actionColumns = List.of();

    @Option(names = "--discrete-act", paramLabel = "COL",
            description = "The single integer action column of a CSV (default: 'act' when there are no act_* columns).")
    String discreteActionColumn;

    @Option(names = "--num-actions", paramLabel = "N", defaultValue = "0",
            description = "n of a discrete action space (default: inferred as the largest action index + 1).")
    int discreteActionCount;

    @Option(names = "--goal", split = ",", paramLabel = "COL",
            description = "Goal columns of a CSV, in order (default: every goal_* column, possibly none).")
    List<String> goalColumns = List.of();

    @Option(names = "--episode-col", paramLabel = "COL", defaultValue = "episode",
            description = "Column holding the episode id (default: ${DEFAULT-VALUE}).")
    String episodeColumn;

    @Option(names = "--time-col", paramLabel = "COL", defaultValue = "t",
            description = "Optional column holding the step index (default: ${DEFAULT-VALUE}).")
    String timeColumn;

    @Option(names = "--reward-col", paramLabel = "COL", defaultValue = "reward",
            description = "Optional reward column (default: ${DEFAULT-VALUE}).")
    String rewardColumn;

    @Option(names = "--terminated-col", paramLabel = "COL", defaultValue = "terminated",
            description = "Optional 0/1 column: the episode truly ended (no bootstrap), e.g. a crash (default: ${DEFAULT-VALUE}).")
    String terminatedColumn;

    @Option(names = "--truncated-col", paramLabel = "COL", defaultValue = "truncated",
            description = "Optional 0/1 column: the episode was cut by a time limit (default: ${DEFAULT-VALUE}).")
    String truncatedColumn;

    @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",", converter = DelimiterConverter.class,
            description = "CSV cell separator, one character; 'tab' or '\\t' for a tab (default: '${DEFAULT-VALUE}').")
    char delimiter;

    @Option(names = "--action-low", split = ",", paramLabel = "X",
            description = "Lower bounds of continuous actions, one per action column (CSV files carry none; default: unbounded).")
    double[] actionLow;

    @Option(names = "--action-high", split = ",", paramLabel = "X",
            description = "Upper bounds of continuous actions, one per action column (default: unbounded).")
    double[] actionHigh;

    @Option(names = "--hdf5-layout", paramLabel = "LAYOUT", defaultValue = "AUTO",
            description = "HDF5 layout: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, detected from the file).")
    Hdf5Options.Layout hdf5Layout;

    @Option(names = "--hdf5-obs-keys", split = ",", paramLabel = "KEY",
            description = "robomimic: the obs/<key> datasets to concatenate, in order (default: every vector key, sorted).")
    List<String> hdf5ObservationKeys = List.of();

    /** One character, or a tab spelled {@code tab} or {@code \t} (a literal tab is awkward to type in a shell). */
    static final class DelimiterConverter implements CommandLine.ITypeConverter<Character> {
        @Override
        public Character convert(String value) {
            if (value.equals("tab") || value.equals("\\t")) return '\t';
            if (value.length() != 1)
                throw new CommandLine.TypeConversionException("expected one character (or 'tab'), got '" + value + "'");
            return value.charAt(0);
        }
    }

    CsvOptions csvOptions() {
        CsvOptions.Builder b = CsvOptions.builder()
                .delimiter(delimiter)
                .episodeColumn(episodeColumn)
                .timeColumn(timeColumn)
                .rewardColumn(rewardColumn)
                .terminatedColumn(terminatedColumn)
                .truncatedColumn(truncatedColumn)
                .observationColumns(observationColumns)
                .actionColumns(actionColumns)
                .goalColumns(goalColumns)
                .discreteActionCount(discreteActionCount);
        if (discreteActionColumn != null) b.discreteActionColumn(discreteActionColumn);
        if ((actionLow == null) != (actionHigh == null))
            throw new IllegalArgumentException("--action-low and --action-high go together; got only "
                    + (actionLow == null ? "--action-high" : "--action-low"));
        if (actionLow != null) b.actionBounds(new Box(actionLow, actionHigh));
        return b.build();
    }

    Hdf5Options hdf5Options() {
        return new Hdf5Options(hdf5Layout, hdf5ObservationKeys);
    }

    /**
     * Loads {@code file} with a progress bar, printing the reader's warnings to {@code err}; a sharded dataset
     * directory is loaded whole (its shards concatenated), shard by shard.
     */
    LoadResult load(Path file, PrintStream err) throws IOException {
        if (ShardedDataset.isSharded(file)) {
            ShardedDataset shards = ShardedDataset.open(file);
            return new LoadResult(forEachShard(shards, null), List.of());
        }
        InputFiles.requireRegularFile(file, "demonstration file");
        LoadResult result = withProgress(file, p -> DatasetFiles.load(file, csvOptions(), hdf5Options(), p));
        for (String w : result.warnings()) err.println("warning: " + w);
        return result;
    }

    /**
     * Converts {@code file} into a sharded dataset in {@code dir}, a CSV file while it is read (memory bounded by about
     * two shards), with a progress bar and the warnings on {@code err}.
     */
    ShardedDataset convertToShards(Path file, Path dir, int shardSteps, boolean compress, PrintStream err) throws IOException {
        if (!ShardedDataset.isSharded(file)) InputFiles.requireRegularFile(file, "demonstration file");
        ShardedLoadResult result = withProgress(file, p -> DatasetFiles.convertToShards(file, dir, csvOptions(), hdf5Options(),
                compress, shardSteps, p));
        for (String w : result.warnings()) err.println("warning: " + w);
        return result.shards();
    }

    private interface Reading<T> {
        T read(ProgressListener progress) throws IOException;
    }

    /** Runs {@code reading} with a progress bar over the bytes of {@code file}. */
    private static <T> T withProgress(Path file, Reading<T> reading) throws IOException {
        long size = Files.isRegularFile(file) ? Files.size(file) : 0;
        // Small files load in well under a second: progress lines would only be noise.
        Progress.Mode mode = size < SHOW_PROGRESS_FROM_BYTES ? Progress.Mode.NONE : Progress.autoMode();
        try (Progress progress = Progress.start("read " + file.getFileName(), size, mode)) {
            return reading.read((done, total) -> progress.stepTo(done));
        }
    }

    /**
     * Loads every shard in order (checksums checked), with a progress bar over shards, handing each to {@code each}
     * (then nothing is kept: returns null), or concatenating them when {@code each} is null.
     */
    static Dataset forEachShard(ShardedDataset shards, java.util.function.Consumer<Dataset> each) {
        DatasetBuilder all = each == null ? new DatasetBuilder(shards.spec()) : null;
        Progress.Mode mode = shards.numShards() < 4 ? Progress.Mode.NONE : Progress.autoMode();
        try (Progress progress = Progress.start("read " + shards.directory().getFileName(), shards.numShards(), mode)) {
            int[] done = {0};
            ShardStream.forEach(shards, StreamingSampler.allShards(shards), 2, d -> {
                if (each != null) each.accept(d);
                else all.appendAll(d);
                progress.stepTo(++done[0]);
            });
        }
        return all == null ? null : all.build();
    }
}
