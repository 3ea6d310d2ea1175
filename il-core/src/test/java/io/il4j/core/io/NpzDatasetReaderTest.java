package io.il4j.core.io;

import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetSpec;
import io.il4j.core.io.internal.NpyData;
import io.il4j.core.io.internal.NpyHeader;
import io.il4j.core.space.Box;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Archives written by numpy itself (see src/test/resources/io/make_numpy_fixtures.py), and malformed archives. */
class NpzDatasetReaderTest {

    @TempDir
    Path dir;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(NpzDatasetReaderTest.class.getResource("/io/" + name).toURI());
    }

    @Test
    void readsNumpySavezCompressedWithSpec() throws Exception {
        Dataset d = NpzDatasetReader.read(resource("numpy_compressed.npz"));
        assertEquals(new DatasetSpec(List.of("x", "v"), new Box(new double[]{-1}, new double[]{1}), List.of("force"),
                List.of(), true), d.spec());
        assertEquals(2, d.numEpisodes());
        assertEquals(3, d.episodeLength(0));
        assertTrue(d.hasFinalObservation(0));
        assertEquals(2, d.episodeLength(1));
        assertFalse(d.hasFinalObservation(1));
        assertTrue(d.terminated(0));
        assertFalse(d.truncated(0));
        assertFalse(d.terminated(1));
        assertTrue(d.truncated(1));
        assertArrayEquals(new float[]{0.1f, -1.5f, 0.2f, -1.25f, 0.3f, -1f, 0.4f, -0.75f, 5, 6, 7, 8}, d.observationData());
        assertArrayEquals(new float[]{0.5f, -0.5f, 0.25f, 1f, -1f}, d.actionData());
        assertArrayEquals(new float[]{1f, 0f, 2.5f, -1f, 3f}, d.rewardData());
    }

    @Test
    void readsForeignNumpySavezWithFortranFloat64AndInferredSpec() throws Exception {
        Dataset d = NpzDatasetReader.read(resource("numpy_foreign.npz"));
        assertEquals(List.of("obs_0", "obs_1", "obs_2"), d.spec().observationNames());
        assertEquals(Box.unbounded(2), d.spec().actionSpace());
        assertFalse(d.spec().hasRewards());
        assertEquals(1, d.numEpisodes());
        assertTrue(d.hasFinalObservation(0));
        assertTrue(d.terminated(0));
        assertFalse(d.truncated(0));
        // C order although numpy stored the array column-major
        assertArrayEquals(new float[]{1, 2, 3, 4, 5, 6, 7, 8, 9.5f}, d.observationData());
        assertArrayEquals(new float[]{1, 0, 0, 1}, d.actionData());
    }

    @Test
    void headerBytesMatchNumpys() throws Exception {
        try (ZipFile zip = new ZipFile(resource("numpy_compressed.npz").toFile())) {
            for (String[] entry : new String[][]{{"observations.npy", "<f4", "6", "2"}, {"rewards.npy", "<f4", "5"},
                    {"episode_obs_offsets.npy", "<i8", "3"}, {"terminated.npy", "|b1", "2"}}) {
                long[] shape = Arrays.stream(entry, 2, entry.length).mapToLong(Long::parseLong).toArray();
                byte[] ours = NpyHeader.encode(entry[1], shape);
                byte[] numpys;
                try (InputStream in = zip.getInputStream(zip.getEntry(entry[0]))) {
                    numpys = in.readNBytes(ours.length);
                }
                assertArrayEquals(numpys, ours, entry[0]);
            }
        }
    }

    @Test
    void parsesVersion2HeadersAndBigEndian() throws IOException {
        byte[] dict = "{'descr': '>f8', 'fortran_order': False, 'shape': (2,), }\n".getBytes();
        byte[] file = new byte[12 + dict.length + 16];
        byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, (byte) dict.length, 0, 0, 0};
        System.arraycopy(magic, 0, file, 0, 12);
        System.arraycopy(dict, 0, file, 12, dict.length);
        java.nio.ByteBuffer.wrap(file, 12 + dict.length, 16).putDouble(1.5).putDouble(-2.25); // big-endian by default
        InputStream in = new ByteArrayInputStream(file);
        NpyHeader h = NpyHeader.read(in, Path.of("x.npz"), "a.npy");
        assertEquals("(2,)", h.shapeString());
        assertArrayEquals(new float[]{1.5f, -2.25f}, NpyData.readFloats(in, h, Path.of("x.npz"), "a.npy"));
    }

    // ---- malformed archives ----------------------------------------------------------------

    private interface Entries {
        void write(ZipOutputStream zip) throws IOException;
    }

    private Path archive(Entries entries) throws IOException {
        Path p = dir.resolve("bad.npz");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(p))) {
            entries.write(zip);
        }
        return p;
    }

    private static void floats(ZipOutputStream zip, String name, float[] data, long... shape) throws IOException {
        zip.putNextEntry(new ZipEntry(name + ".npy"));
        zip.write(NpyHeader.encode("<f4", shape));
        NpyData.writeFloats(zip, data);
        zip.closeEntry();
    }

    private static void longs(ZipOutputStream zip, String name, long... data) throws IOException {
        zip.putNextEntry(new ZipEntry(name + ".npy"));
        zip.write(NpyHeader.encode("<i8", data.length));
        NpyData.writeLongs(zip, data);
        zip.closeEntry();
    }

    private DatasetFormatException fails(Path p) {
        return assertThrows(DatasetFormatException.class, () -> NpzDatasetReader.read(p));
    }

    @Test
    void missingEntry() throws IOException {
        Path p = archive(zip -> floats(zip, "observations", new float[4], 2, 2));
        assertEquals(p + ": has no entry 'actions.npy'; expected the il4j NPZ layout (observations, actions, "
                + "episode_obs_offsets, episode_step_offsets, ...), found [observations.npy]", fails(p).getMessage());
    }

    @Test
    void wrongShape() throws IOException {
        Path p = archive(zip -> {
            floats(zip, "observations", new float[6], 3, 2);
            floats(zip, "actions", new float[2], 2, 1);
            floats(zip, "rewards", new float[3], 3);
            longs(zip, "episode_obs_offsets", 0, 3);
            longs(zip, "episode_step_offsets", 0, 2);
        });
        assertEquals(p + ": entry 'rewards.npy' has shape (3,); expected (2,)", fails(p).getMessage());
    }

    @Test
    void inconsistentOffsets() throws IOException {
        Path p = archive(zip -> {
            floats(zip, "observations", new float[6], 6, 1);
            floats(zip, "actions", new float[4], 4, 1);
            longs(zip, "episode_obs_offsets", 0, 4, 6);
            longs(zip, "episode_step_offsets", 0, 1, 4);
        });
        assertEquals(p + ": entry 'episode_obs_offsets.npy' gives episode 0 4 observation rows for 1 steps; expected "
                + "1 or 2", fails(p).getMessage());
    }

    @Test
    void nonFiniteValues() throws IOException {
        Path p = archive(zip -> {
            floats(zip, "observations", new float[]{0, 1, 2, Float.NaN}, 2, 2);
            floats(zip, "actions", new float[]{0}, 1, 1);
            longs(zip, "episode_obs_offsets", 0, 2);
            longs(zip, "episode_step_offsets", 0, 1);
        });
        assertEquals(p + ": entry 'observations.npy' holds NaN at row 1, column 1; expected finite numbers", fails(p).getMessage());
    }

    @Test
    void truncatedData() throws IOException {
        Path p = archive(zip -> {
            zip.putNextEntry(new ZipEntry("observations.npy"));
            zip.write(NpyHeader.encode("<f4", 3, 2));
            zip.write(new byte[10]);
            zip.closeEntry();
        });
        assertEquals(p + ": entry 'observations.npy' ends after 10 data bytes; its header promises 24 (<f4 (3, 2))",
                fails(p).getMessage());
    }

    @Test
    void unsupportedDtypeAndNotAZip() throws IOException {
        Path p = archive(zip -> {
            zip.putNextEntry(new ZipEntry("observations.npy"));
            zip.write(NpyHeader.encode("<c8", 1));
            zip.closeEntry();
        });
        assertEquals(p + ": entry 'observations.npy' has dtype '<c8'; expected one of f4, f8, i1-i8, u1-u8, b1",
                fails(p).getMessage());
        Path text = dir.resolve("text.npz");
        Files.writeString(text, "not a zip");
        assertTrue(fails(text).getMessage().startsWith(text + ": is not a zip archive ("), fails(text).getMessage());
    }

    @Test
    void writtenArchiveLeavesNoTemporaryFiles() throws IOException {
        Dataset d = RoundTripTest.sample(RoundTripTest.ActionSpaceKind.BOX, false, 1);
        Path p = dir.resolve("out.npz");
        NpzDatasetWriter.write(d, p, true);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(p), files.toList());
        }
        assertEquals(d.contentHash(), NpzDatasetReader.read(p).contentHash());
    }
}
