package io.il4j.core.io;

import io.il4j.core.data.Dataset;
import io.il4j.core.io.internal.NpyData;
import io.il4j.core.io.internal.NpyHeader;
import io.il4j.core.space.Box;
import io.il4j.core.space.Discrete;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The legacy NPZ trajectory layout of the {@code imitation} library, from archives numpy wrote in that layout
 * (src/test/resources/io/make_imitation_fixtures.py): values as the script's formulas give them, then unchanged
 * through il4j's own NPZ and CSV formats and back.
 */
class ImitationNpzTest {

    @TempDir
    Path dir;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ImitationNpzTest.class.getResource("/io/" + name).toURI());
    }

    /** The script's observation row t of trajectory e, column j: (10e + t) * (-1/2)^j. */
    private static float obs(int e, int t, int j) {
        return (float) ((10 * e + t) * Math.pow(-0.5, j));
    }

    private static void assertObservations(Dataset d, int dim) {
        for (int e = 0; e < d.numEpisodes(); e++) {
            int row0 = d.episodeFirstObservationRow(e);
            assertEquals(d.episodeLength(e) + 1, d.episodeObservationCount(e), "final observation kept, episode " + e);
            for (int t = 0; t <= d.episodeLength(e); t++)
                for (int j = 0; j < dim; j++) assertEquals(obs(e, t, j), d.observation(row0 + t, j), "e" + e + " t" + t + " j" + j);
        }
    }

    @Test
    void continuousTrajectoriesWithRewardsAndInfos() throws Exception {
        Dataset d = DatasetFiles.load(resource("imitation_continuous.npz")).dataset();
        assertEquals(List.of("obs_0", "obs_1"), d.spec().observationNames());
        assertEquals(Box.unbounded(2), d.spec().actionSpace());
        assertTrue(d.spec().hasRewards());
        assertEquals(3, d.numEpisodes());
        int[] lengths = {3, 1, 2};
        boolean[] terminal = {true, false, true};
        for (int e = 0; e < 3; e++) {
            assertEquals(lengths[e], d.episodeLength(e));
            assertEquals(terminal[e], d.terminated(e), "terminal -> terminated, episode " + e);
            assertEquals(!terminal[e], d.truncated(e), "a trajectory that did not terminate was cut off, episode " + e);
            for (int t = 0; t < lengths[e]; t++) {
                int step = d.episodeFirstStep(e) + t;
                assertEquals(0.5f * t - e, d.action(step, 0));
                assertEquals(0.25f * e, d.action(step, 1));
                assertEquals(t + 0.5f * e, d.reward(step));
            }
        }
        assertObservations(d, 2);
        assertRoundTrips(d);
    }

    @Test
    void integerActionsAreDiscrete() throws Exception {
        Dataset d = DatasetFiles.load(resource("imitation_discrete.npz")).dataset();
        assertEquals(new Discrete(3), d.spec().actionSpace());
        assertEquals(List.of("act"), d.spec().actionNames());
        assertFalse(d.spec().hasRewards());
        assertEquals(2, d.numEpisodes());
        assertEquals(2, d.episodeLength(0));
        assertEquals(3, d.episodeLength(1));
        assertTrue(d.truncated(0));
        assertTrue(d.terminated(1));
        for (int e = 0; e < 2; e++)
            for (int t = 0; t < d.episodeLength(e); t++) assertEquals((t + e) % 3, d.action(d.episodeFirstStep(e) + t, 0));
        assertObservations(d, 4);
        assertRoundTrips(d);
    }

    @Test
    void oneTrajectoryWithEmptyFloat64Indices() throws Exception {
        Dataset d = DatasetFiles.load(resource("imitation_single.npz")).dataset();
        assertEquals(1, d.numEpisodes());
        assertEquals(3, d.episodeLength(0));
        assertTrue(d.terminated(0));
        assertArrayEquals(new float[]{1, 2, 3}, d.actionData());
        assertArrayEquals(new float[]{1, 1, 1}, d.rewardData());
        assertObservations(d, 3);
        assertRoundTrips(d);
    }

    /** Through il4j's NPZ and CSV formats and back: the same content, value for value. */
    private void assertRoundTrips(Dataset d) throws IOException {
        for (String name : new String[]{"back.npz", "back.csv"}) {
            Path f = dir.resolve(name);
            DatasetFiles.save(d, f);
            Dataset back = DatasetFiles.load(f).dataset();
            assertEquals(d.spec(), back.spec(), name);
            assertArrayEquals(d.observationData(), back.observationData(), name);
            assertArrayEquals(d.actionData(), back.actionData(), name);
            assertArrayEquals(d.rewardData(), back.rewardData(), name);
            for (int e = 0; e < d.numEpisodes(); e++) {
                assertEquals(d.terminated(e), back.terminated(e), name);
                assertEquals(d.truncated(e), back.truncated(e), name);
            }
            assertEquals(d.contentHash(), back.contentHash(), name);
        }
    }

    // ---- malformed archives in imitation's layout -------------------------------------------

    private Path archive(float[] obs, long obsRows, float[] acts, long[] indices, boolean[] terminal) throws IOException {
        Path p = dir.resolve("bad.npz");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(p))) {
            zip.putNextEntry(new ZipEntry("obs.npy"));
            zip.write(NpyHeader.encode("<f4", obsRows, obs.length / obsRows));
            NpyData.writeFloats(zip, obs);
            zip.putNextEntry(new ZipEntry("acts.npy"));
            zip.write(NpyHeader.encode("<f4", acts.length));
            NpyData.writeFloats(zip, acts);
            if (indices != null) {
                zip.putNextEntry(new ZipEntry("indices.npy"));
                zip.write(NpyHeader.encode("<i8", indices.length));
                NpyData.writeLongs(zip, indices);
            }
            zip.putNextEntry(new ZipEntry("terminal.npy"));
            zip.write(NpyHeader.encode("|b1", terminal.length));
            NpyData.writeBooleans(zip, terminal);
            zip.closeEntry();
        }
        return p;
    }

    private static String failure(Path p) {
        return assertThrows(DatasetFormatException.class, () -> DatasetFiles.load(p)).getMessage();
    }

    @Test
    void malformedArchivesNameTheEntryAndWhatWasExpected() throws IOException {
        // two trajectories of 2 steps each: 6 observations, 4 actions, indices [2]
        float[] obs6 = {0, 1, 2, 3, 4, 5}, acts4 = {0, 1, 2, 3};
        Path ok = archive(obs6, 6, acts4, new long[]{2}, new boolean[]{true, false});
        assertEquals(2, DatasetFiles.load(ok).dataset().numEpisodes());

        Path p = archive(obs6, 6, acts4, null, new boolean[]{true, false});
        assertEquals(p + ": has no entry 'indices.npy'; expected imitation's NPZ trajectory layout (obs, acts, indices, "
                + "terminal, optional rews and infos), found [obs.npy, acts.npy, terminal.npy]", failure(p));

        p = archive(obs6, 6, acts4, new long[]{4}, new boolean[]{true, false});
        assertEquals(p + ": entry 'indices.npy' holds 4 at position 0; expected increasing trajectory starts in (0, 4) "
                + "(acts has 4 rows)", failure(p));

        p = archive(new float[]{0, 1, 2, 3, 4}, 5, acts4, new long[]{2}, new boolean[]{true, false});
        assertEquals(p + ": entry 'obs.npy' has 5 rows; expected 6 (the 4 actions plus one final observation for each of "
                + "the 2 trajectories)", failure(p));

        p = archive(obs6, 6, acts4, new long[]{2}, new boolean[]{true});
        assertEquals(p + ": entry 'terminal.npy' has shape (1,); expected (2,)", failure(p));

        p = archive(obs6, 6, new float[]{0, Float.NaN, 2, 3}, new long[]{2}, new boolean[]{true, false});
        assertEquals(p + ": entry 'acts.npy' holds NaN at row 1, column 0; expected finite numbers", failure(p));
    }
}
