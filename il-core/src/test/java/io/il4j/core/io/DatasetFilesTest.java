package io.il4j.core.io;

import io.il4j.core.data.Dataset;
import io.il4j.core.report.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DatasetFilesTest {

    @TempDir
    Path dir;

    private List<Path> files() throws IOException {
        try (var s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void formatByExtension() {
        assertEquals(DatasetFiles.Format.CSV, DatasetFiles.Format.of(Path.of("a/B.CSV")));
        assertEquals(DatasetFiles.Format.NPZ, DatasetFiles.Format.of(Path.of("b.npz")));
        assertEquals(DatasetFiles.Format.HDF5, DatasetFiles.Format.of(Path.of("c.h5")));
        assertEquals(DatasetFiles.Format.HDF5, DatasetFiles.Format.of(Path.of("c.hdf5")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatasetFiles.load(dir.resolve("d.parquet")));
        assertEquals("cannot tell the format of '" + dir.resolve("d.parquet") + "' from its extension; expected .csv, .npz, "
                + ".h5 or .hdf5", e.getMessage());
    }

    @Test
    void aDirectoryNamedLikeADatasetIsReportedAsADirectory() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("demos.npz"));
        var e = assertThrows(java.nio.file.FileSystemException.class, () -> DatasetFiles.load(folder));
        assertEquals(folder + ": is a directory; expected a demonstration file", e.getMessage());
        var missing = assertThrows(java.nio.file.NoSuchFileException.class, () -> DatasetFiles.load(dir.resolve("absent.csv")));
        assertEquals(dir.resolve("absent.csv") + ": demonstration file does not exist", missing.getMessage());
    }

    @Test
    void hdf5IsImportOnly() throws IOException {
        Dataset d = RoundTripTest.sample(RoundTripTest.ActionSpaceKind.BOX, false, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatasetFiles.save(d, dir.resolve("x.h5")));
        assertEquals("cannot write '" + dir.resolve("x.h5") + "': HDF5 is import-only; expected a .csv or .npz output file",
                e.getMessage());
        assertEquals(List.of(), files());
    }

    @Test
    void failedConversionWritesNothing() throws IOException {
        Path in = dir.resolve("bad.csv");
        Files.writeString(in, "episode,obs_0,act_0\n0,1,2\n0,1,oops\n");
        for (String out : new String[]{"out.npz", "out.csv"}) {
            DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> DatasetFiles.convert(in,
                    dir.resolve(out), CsvOptions.defaults(), Hdf5Options.defaults(), false, ProgressListener.NONE));
            assertEquals(in + ":3: column 'act_0': expected a number, got 'oops'", e.getMessage());
        }
        assertEquals(List.of(in), files());
    }

    @Test
    void failedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("data.csv");
        Files.writeString(target, "old contents");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("old contents", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void successfulWriteReplacesTheOldFile() throws IOException {
        Path target = dir.resolve("data.csv");
        Files.writeString(target, "old contents");
        Dataset d = RoundTripTest.sample(RoundTripTest.ActionSpaceKind.DISCRETE, true, 4);
        DatasetFiles.save(d, target);
        assertEquals(d.contentHash(), DatasetFiles.load(target).dataset().contentHash());
        assertEquals(List.of(target), files());
    }
}
