package io.il4j.core.io;

import io.il4j.core.data.Dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Loads and saves datasets choosing the format by file extension: {@code .csv} (read/write), {@code .npz}
 * (read/write), {@code .h5}/{@code .hdf5} (import only); a directory is a {@link ShardedDataset} (loaded whole
 * here: train from it shard by shard with a streaming sampler instead when it does not fit in memory). Writes are atomic (temporary file, then move). Format
 * errors are {@link DatasetFormatException}s; I/O failures {@link IOException}s. Stateless; thread-safe.
 */
public final class DatasetFiles {

    /** The file formats, by extension. */
    public enum Format {
        CSV, NPZ, HDF5, SHARDED;

        /** The format of {@code file}, from its extension (case-insensitive); an existing directory is SHARDED. */
        public static Format of(Path file) {
            if (ShardedDataset.isSharded(file)) return SHARDED;
            String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".csv")) return CSV;
            if (name.endsWith(".npz")) return NPZ;
            if (name.endsWith(".h5") || name.endsWith(".hdf5")) return HDF5;
            throw new IllegalArgumentException("cannot tell the format of '" + file + "' from its extension; expected .csv, "
                    + ".npz, .h5 or .hdf5");
        }
    }

    private DatasetFiles() {
    }

    /** Loads {@code file} with default options. */
    public static LoadResult load(Path file) throws IOException {
        return load(file, CsvOptions.defaults(), Hdf5Options.defaults(), ProgressListener.NONE);
    }

    /** Loads {@code file}; {@code csv} applies to CSV files only. */
    public static LoadResult load(Path file, CsvOptions csv) throws IOException {
        return load(file, csv, Hdf5Options.defaults(), ProgressListener.NONE);
    }

    /** Loads {@code file}, reporting progress in bytes of the input. */
    public static LoadResult load(Path file, CsvOptions csv, Hdf5Options hdf5, ProgressListener progress) throws IOException {
        ProgressListener p = progress == null ? ProgressListener.NONE : progress;
        if (ShardedDataset.isSharded(file)) return new LoadResult(ShardedDataset.open(file).loadAll(), List.of());
        InputFiles.rejectDirectory(file, "demonstration file"); // before its name is read as a format
        Format format = Format.of(file);
        InputFiles.requireRegularFile(file, "demonstration file");
        return switch (format) {
            case CSV -> new CsvDatasetReader(csv).read(file, p);
            case NPZ -> new LoadResult(NpzDatasetReader.read(file, p), List.of());
            case HDF5 -> new Hdf5DatasetImporter(hdf5).read(file, p);
            case SHARDED -> throw new AssertionError("handled above");
        };
    }

    /** Saves {@code dataset} as CSV or uncompressed NPZ (as {@code np.savez}), by extension. */
    public static void save(Dataset dataset, Path file) throws IOException {
        save(dataset, file, false);
    }

    /** Saves {@code dataset}; {@code compressNpz} deflates NPZ entries (as {@code np.savez_compressed}). */
    public static void save(Dataset dataset, Path file, boolean compressNpz) throws IOException {
        switch (Format.of(file)) {
            case CSV -> CsvDatasetWriter.write(dataset, file);
            case NPZ -> NpzDatasetWriter.write(dataset, file, compressNpz);
            case HDF5 -> throw new IllegalArgumentException("cannot write '" + file + "': HDF5 is import-only; expected a "
                    + ".csv or .npz output file");
            case SHARDED -> throw new IllegalArgumentException("cannot write '" + file + "' as one file: it is a directory; "
                    + "give a shard size to write a sharded dataset there");
        }
    }

    /**
     * Saves {@code dataset} as a sharded dataset in directory {@code dir} when {@code shardSteps > 0} (NPZ shards of at
     * most that many steps, episodes never split), else as one file by extension.
     */
    public static void save(Dataset dataset, Path out, boolean compressNpz, int shardSteps) throws IOException {
        if (shardSteps < 0) throw new IllegalArgumentException("shardSteps must be >= 0 (0 = one file), got " + shardSteps);
        if (shardSteps > 0) ShardedDatasetWriter.write(dataset, out, shardSteps, compressNpz);
        else save(dataset, out, compressNpz);
    }

    /**
     * Loads {@code in} and saves it as {@code out}. The output format is checked before reading, and nothing is
     * written when loading fails.
     */
    public static LoadResult convert(Path in, Path out, CsvOptions csv, Hdf5Options hdf5, boolean compressNpz,
                                     ProgressListener progress) throws IOException {
        return convert(in, out, csv, hdf5, compressNpz, 0, progress);
    }

    /** As {@link #convert(Path, Path, CsvOptions, Hdf5Options, boolean, ProgressListener)}; {@code shardSteps > 0} writes shards. */
    public static LoadResult convert(Path in, Path out, CsvOptions csv, Hdf5Options hdf5, boolean compressNpz, int shardSteps,
                                     ProgressListener progress) throws IOException {
        checkWritable(out, shardSteps);
        LoadResult loaded = load(in, csv, hdf5, progress);
        save(loaded.dataset(), out, compressNpz, shardSteps);
        return loaded;
    }

    /**
     * Whether {@link #convertToShards} streams {@code in} (a CSV file: converted while it is read, in bounded memory);
     * other inputs are loaded whole first.
     */
    public static boolean streamsIntoShards(Path in) {
        return !ShardedDataset.isSharded(in) && !java.nio.file.Files.isDirectory(in) && Format.of(in) == Format.CSV;
    }

    /**
     * Converts {@code in} into a sharded dataset in {@code dir} (shards of at most {@code shardSteps} steps). A CSV file
     * is streamed ({@link CsvDatasetReader#readIntoShards}): a log larger than memory converts; NPZ and HDF5 inputs are
     * loaded whole, then written. Nothing is left in {@code dir} when reading fails.
     */
    public static ShardedLoadResult convertToShards(Path in, Path dir, CsvOptions csv, Hdf5Options hdf5, boolean compressNpz,
                                                    int shardSteps, ProgressListener progress) throws IOException {
        if (shardSteps < 1) throw new IllegalArgumentException("shardSteps must be >= 1, got " + shardSteps);
        checkWritable(dir, shardSteps);
        if (streamsIntoShards(in)) {
            InputFiles.requireRegularFile(in, "demonstration file");
            return new CsvDatasetReader(csv).readIntoShards(in, dir, shardSteps, compressNpz,
                    progress == null ? ProgressListener.NONE : progress);
        }
        LoadResult loaded = load(in, csv, hdf5, progress);
        return new ShardedLoadResult(ShardedDatasetWriter.write(loaded.dataset(), dir, shardSteps, compressNpz), loaded.warnings());
    }

    /** Fails before any reading when {@code out} cannot be written as asked (one file by extension, or shards). */
    public static void checkWritable(Path out, int shardSteps) {
        if (shardSteps > 0) {
            if (java.nio.file.Files.isRegularFile(out))
                throw new IllegalArgumentException("cannot write shards to '" + out + "': it is a file; expected a directory name");
            return;
        }
        Format f = Format.of(out);
        if (f == Format.HDF5)
            throw new IllegalArgumentException("cannot write '" + out + "': HDF5 is import-only; expected a .csv or .npz output file");
        if (f == Format.SHARDED)
            throw new IllegalArgumentException("cannot write '" + out + "' as one file: it is a directory; give a shard size "
                    + "to write a sharded dataset there");
    }
}
