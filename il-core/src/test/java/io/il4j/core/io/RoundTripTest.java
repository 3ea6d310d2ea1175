package io.il4j.core.io;

import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.data.DatasetSpec;
import io.il4j.core.space.Box;
import io.il4j.core.space.Discrete;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** CSV → dataset → CSV and dataset → NPZ → dataset are exact, including awkward float values. */
class RoundTripTest {

    @TempDir
    Path dir;

    /** Floats whose decimal form is easy to get wrong: shortest-representation, subnormal, extreme and signed zero. */
    private static final float[] AWKWARD = {0.1f, 1f / 3, -0f, Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE,
            1e-8f, 123456.79f, 16777217f, 2.5e-39f, (float) Math.PI, -1.17549435E-38f};

    /** Episodes with and without a final observation, every flag combination, goals and rewards. */
    static Dataset sample(ActionSpaceKind kind, boolean goals, long seed) {
        Random rnd = new Random(seed);
        int od = 3, ad = kind == ActionSpaceKind.DISCRETE ? 1 : 2, gd = goals ? 2 : 0;
        DatasetSpec spec = new DatasetSpec(List.of("obs_0", "obs_1", "obs_2"),
                kind == ActionSpaceKind.DISCRETE ? new Discrete(4) : Box.unbounded(2),
                kind == ActionSpaceKind.DISCRETE ? List.of("act") : List.of("act_0", "act_1"),
                goals ? List.of("goal_0", "goal_1") : List.of(), true);
        DatasetBuilder b = new DatasetBuilder(spec);
        int k = 0;
        for (int e = 0; e < 6; e++) {
            b.beginEpisode();
            int len = 1 + rnd.nextInt(5);
            float[] o = new float[od], g = new float[gd], a = new float[ad];
            for (int t = 0; t < len; t++) {
                for (int i = 0; i < od; i++) o[i] = k < AWKWARD.length ? AWKWARD[k++] : (float) rnd.nextGaussian();
                for (int i = 0; i < gd; i++) g[i] = rnd.nextFloat();
                for (int i = 0; i < ad; i++) a[i] = kind == ActionSpaceKind.DISCRETE ? (e + t) % 4 : (float) rnd.nextGaussian();
                b.addStep(o, 0, g, 0, a, 0, (float) rnd.nextGaussian());
            }
            for (int i = 0; i < od; i++) o[i] = rnd.nextFloat() * 1e6f;
            for (int i = 0; i < gd; i++) g[i] = rnd.nextFloat();
            boolean withFinal = e % 3 != 2;
            b.endEpisode(withFinal ? o : null, 0, withFinal && goals ? g : null, 0, e % 2 == 1, e % 3 == 1);
        }
        return b.build();
    }

    enum ActionSpaceKind { BOX, DISCRETE }

    @Test
    void csvDatasetCsvIsExact() throws IOException {
        for (ActionSpaceKind kind : ActionSpaceKind.values()) {
            for (boolean goals : new boolean[]{false, true}) {
                Dataset original = sample(kind, goals, 7);
                Path first = dir.resolve(kind + "-" + goals + "-1.csv"), second = dir.resolve(kind + "-" + goals + "-2.csv");
                CsvDatasetWriter.write(original, first);
                Dataset read = new CsvDatasetReader(CsvOptions.defaults()).read(first).dataset();
                assertSameContents(original, read);
                assertEquals(original.contentHash(), read.contentHash());
                CsvDatasetWriter.write(read, second);
                assertEquals(Files.readString(first), Files.readString(second));
            }
        }
    }

    @Test
    void csvWriterFormat() throws IOException {
        Dataset d = sample(ActionSpaceKind.BOX, false, 3);
        Path p = dir.resolve("d.csv");
        CsvDatasetWriter.write(d, p);
        List<String> lines = Files.readAllLines(p);
        assertEquals("episode,t,obs_0,obs_1,obs_2,act_0,act_1,reward,terminated,truncated", lines.get(0));
        // first row holds the first awkward floats in Float.toString form
        assertEquals("0,0,0.1,0.33333334,-0.0", lines.get(1).substring(0, "0,0,0.1,0.33333334,-0.0".length()));
        // episode 0 has a final observation row: empty action and reward cells, flags on that last row
        int len0 = d.episodeLength(0);
        String finalRow = lines.get(1 + len0);
        assertEquals("0," + len0 + ",", finalRow.substring(0, 2 + String.valueOf(len0).length() + 1));
        assertEquals(",,,,0,0", finalRow.substring(finalRow.length() - ",,,,0,0".length()));
    }

    @Test
    void mappedNamesAreWrittenWithPrefixesAndReadBackByDefault() throws IOException {
        DatasetSpec spec = new DatasetSpec(List.of("x", "obs_y"), Box.uniform(1, -1, 1), List.of("steer"), List.of(), false);
        DatasetBuilder b = new DatasetBuilder(spec);
        b.beginEpisode();
        b.addStep(new double[]{1, 2}, new double[]{0.5}, 0);
        b.endEpisode(new double[]{3, 4}, false, true);
        Path p = dir.resolve("named.csv");
        CsvDatasetWriter.write(b.build(), p);
        assertEquals("episode,t,obs_x,obs_y,act_steer,terminated,truncated", Files.readAllLines(p).get(0));
        Dataset back = DatasetFiles.load(p).dataset();
        assertEquals(List.of("obs_x", "obs_y"), back.spec().observationNames());
        assertEquals(4f, back.observation(1, 1));
    }

    @Test
    void npzRoundTripIsExactStoredAndCompressed() throws IOException {
        for (ActionSpaceKind kind : ActionSpaceKind.values()) {
            for (boolean goals : new boolean[]{false, true}) {
                Dataset original = sample(kind, goals, 11);
                for (boolean compressed : new boolean[]{false, true}) {
                    Path p = dir.resolve(kind + "-" + goals + "-" + compressed + ".npz");
                    NpzDatasetWriter.write(original, p, compressed);
                    Dataset back = NpzDatasetReader.read(p);
                    assertEquals(original.spec(), back.spec());
                    assertSameContents(original, back);
                    assertEquals(original.contentHash(), back.contentHash());
                }
            }
        }
    }

    @Test
    void npzKeepsWhatCsvCannot() throws IOException {
        DatasetSpec spec = new DatasetSpec(List.of("obs_0"), new Box(new double[]{-2, Double.NEGATIVE_INFINITY},
                new double[]{2, 5}), List.of("act_0", "act_1"), List.of(), false);
        DatasetBuilder b = new DatasetBuilder(spec);
        b.beginEpisode();
        b.addStep(new double[]{1}, new double[]{0.5, 1}, 0);
        b.endEpisode(null, true, false);
        Dataset d = b.build();
        Path npz = dir.resolve("bounds.npz"), csv = dir.resolve("bounds.csv");
        DatasetFiles.save(d, npz);
        DatasetFiles.save(d, csv);
        assertEquals(spec, DatasetFiles.load(npz).dataset().spec());
        assertEquals(Box.unbounded(2), DatasetFiles.load(csv).dataset().spec().actionSpace());
        assertNotEquals(d.contentHash(), DatasetFiles.load(csv).dataset().contentHash());
    }

    @Test
    void csvToNpzToCsvThroughDatasetFiles() throws IOException {
        Dataset original = sample(ActionSpaceKind.BOX, true, 5);
        Path csv = dir.resolve("a.csv"), npz = dir.resolve("a.npz"), csv2 = dir.resolve("b.csv");
        DatasetFiles.save(original, csv);
        DatasetFiles.convert(csv, npz, CsvOptions.defaults(), Hdf5Options.defaults(), true, ProgressListener.NONE);
        DatasetFiles.convert(npz, csv2, CsvOptions.defaults(), Hdf5Options.defaults(), false, ProgressListener.NONE);
        assertEquals(Files.readString(csv), Files.readString(csv2));
        assertEquals(original.contentHash(), DatasetFiles.load(npz).dataset().contentHash());
    }

    static void assertSameContents(Dataset a, Dataset b) {
        assertEquals(a.numEpisodes(), b.numEpisodes());
        assertArrayEquals(a.observationData(), b.observationData());
        assertArrayEquals(a.actionData(), b.actionData());
        assertArrayEquals(a.rewardData(), b.rewardData());
        assertArrayEquals(a.goalData(), b.goalData());
        for (int e = 0; e < a.numEpisodes(); e++) {
            assertEquals(a.episodeLength(e), b.episodeLength(e));
            assertEquals(a.episodeObservationCount(e), b.episodeObservationCount(e));
            assertEquals(a.terminated(e), b.terminated(e));
            assertEquals(a.truncated(e), b.truncated(e));
        }
        // bitwise, so that -0.0 and 0.0 differ
        for (int i = 0; i < a.observationData().length; i++)
            assertEquals(Float.floatToRawIntBits(a.observationData()[i]), Float.floatToRawIntBits(b.observationData()[i]));
    }
}
