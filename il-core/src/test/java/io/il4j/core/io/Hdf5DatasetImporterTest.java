package io.il4j.core.io;

import io.il4j.core.data.Dataset;
import io.il4j.core.space.Box;
import io.il4j.core.space.Discrete;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fixtures of the three layouts are written with jhdf's writer (jhdf 0.9.2 writes groups, float/int/long/boolean
 * datasets of any rank), mirroring the dataset names and shapes of real D4RL, Minari and robomimic files.
 */
class Hdf5DatasetImporterTest {

    @TempDir
    Path dir;

    private Path h5(String name, Consumer<WritableHdfFile> content) {
        Path p = dir.resolve(name);
        try (WritableHdfFile f = HdfFile.write(p)) {
            content.accept(f);
        }
        return p;
    }

    private static LoadResult load(Path p) throws IOException {
        return new Hdf5DatasetImporter(Hdf5Options.defaults()).read(p);
    }

    private static float[][] rows(int n, int d, float base) {
        float[][] m = new float[n][d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) m[i][j] = base + i + j / 10f;
        return m;
    }

    // ---- D4RL ------------------------------------------------------------------------------

    /** 7 steps: a terminal at step 2, a timeout at step 5, and a cut-off last step. */
    private Path d4rl(boolean withNext, Consumer<WritableHdfFile> extra) {
        return h5(withNext ? "d4rl-next.hdf5" : "d4rl.hdf5", f -> {
            f.putDataset("observations", rows(7, 2, 0));
            f.putDataset("actions", rows(7, 1, 100));
            f.putDataset("rewards", new float[]{1, 2, 3, 4, 5, 6, 7});
            f.putDataset("terminals", new float[]{0, 0, 1, 0, 0, 0, 0}); // D4RL stores float terminals
            f.putDataset("timeouts", new boolean[]{false, false, false, false, false, true, false});
            if (withNext) f.putDataset("next_observations", rows(7, 2, 1000));
            extra.accept(f);
        });
    }

    @Test
    void d4rlSplitsEpisodesAtTerminalsAndTimeouts() throws IOException {
        Dataset d = load(d4rl(false, f -> { })).dataset();
        assertEquals(3, d.numEpisodes());
        assertEquals(List.of(3, 3, 1), List.of(d.episodeLength(0), d.episodeLength(1), d.episodeLength(2)));
        assertTrue(d.terminated(0) && !d.truncated(0));
        assertTrue(!d.terminated(1) && d.truncated(1));
        assertTrue(!d.terminated(2) && !d.truncated(2));
        for (int e = 0; e < 3; e++) assertFalse(d.hasFinalObservation(e), "D4RL keeps no final observation");
        assertEquals(7, d.numObservations());
        assertEquals(Box.unbounded(1), d.spec().actionSpace());
        assertEquals(List.of("obs_0", "obs_1"), d.spec().observationNames());
        assertEquals(4f, d.observation(4, 0));
        assertEquals(105f, d.action(5, 0));
        assertEquals(6.0, d.episodeReturn(0), 0);
    }

    @Test
    void d4rlNextObservationsSupplyTheFinalObservation() throws IOException {
        Dataset d = load(d4rl(true, f -> { })).dataset();
        assertEquals(3, d.numEpisodes());
        for (int e = 0; e < 3; e++) assertTrue(d.hasFinalObservation(e));
        assertEquals(10, d.numObservations());
        // episode 0 ends at step 2: its final observation is next_observations[2]
        assertEquals(1002f, d.observation(3, 0));
        assertEquals(1002.1f, d.observation(3, 1), 1e-3f);
        // episode 1 starts with observations[3]
        assertEquals(3f, d.observation(4, 0));
        assertEquals(1005f, d.observation(d.episodeFirstObservationRow(1) + 3, 0));
    }

    @Test
    void d4rlErrorsNameThePathAndShape() throws IOException {
        Path p = h5("bad-d4rl.h5", f -> {
            f.putDataset("observations", rows(7, 2, 0));
            f.putDataset("actions", rows(6, 1, 0));
        });
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> load(p));
        assertEquals("/actions", e.hdf5Path());
        assertEquals(p + ": /actions: has shape (6, 1); expected (7, act_dim), one action per observation", e.getMessage());
        Path withInf = h5("inf-d4rl.h5", f -> {
            float[][] o = rows(2, 2, 0);
            o[1][0] = Float.POSITIVE_INFINITY;
            f.putDataset("observations", o);
            f.putDataset("actions", rows(2, 1, 0));
            f.putDataset("rewards", new float[2]);
            f.putDataset("terminals", new float[2]);
        });
        e = assertThrows(DatasetFormatException.class, () -> load(withInf));
        assertEquals(withInf + ": /observations: holds Infinity at flat index 2; expected finite numbers", e.getMessage());
        Path q = h5("bad-d4rl-2.h5", f -> {
            f.putDataset("observations", rows(2, 2, 0));
            f.putDataset("actions", rows(2, 1, 0));
            f.putDataset("rewards", new float[2]);
        });
        e = assertThrows(DatasetFormatException.class, () -> load(q));
        assertEquals("/terminals", e.hdf5Path());
        assertEquals(q + ": /terminals: missing; expected a dataset of shape (2,) (found [actions, observations, rewards])",
                e.getMessage());
    }

    // ---- Minari ----------------------------------------------------------------------------

    /** 11 episodes (so that episode_10 must sort after episode_2) of length 1 + i % 3; every 4th terminated. */
    private Path minari(boolean discrete, Consumer<WritableHdfFile> extra) {
        return h5(discrete ? "minari-discrete.h5" : "minari.h5", f -> {
            for (int i = 0; i < 11; i++) {
                int t = 1 + i % 3;
                WritableGroup g = f.putGroup("episode_" + i);
                g.putDataset("observations", rows(t + 1, 3, 10 * i));
                if (discrete) {
                    int[] a = new int[t];
                    for (int k = 0; k < t; k++) a[k] = (i + k) % 3;
                    g.putDataset("actions", a);
                } else {
                    g.putDataset("actions", rows(t, 2, -i));
                }
                float[] r = new float[t];
                java.util.Arrays.fill(r, i);
                g.putDataset("rewards", r);
                boolean[] term = new boolean[t], trunc = new boolean[t];
                term[t - 1] = i % 4 == 0;
                trunc[t - 1] = i % 4 == 1;
                g.putDataset("terminations", term);
                g.putDataset("truncations", trunc);
            }
            extra.accept(f);
        });
    }

    @Test
    void minariEpisodesInNumericOrderWithFinalObservationAndFlags() throws IOException {
        Path file = minari(false, f -> { });
        Dataset d = load(file).dataset();
        assertEquals(d.contentHash(), DatasetFiles.load(file).dataset().contentHash());
        assertEquals(11, d.numEpisodes());
        for (int i = 0; i < 11; i++) {
            assertEquals(1 + i % 3, d.episodeLength(i), "episode " + i);
            assertTrue(d.hasFinalObservation(i));
            assertEquals(i % 4 == 0, d.terminated(i), "terminated " + i);
            assertEquals(i % 4 == 1, d.truncated(i), "truncated " + i);
            assertEquals(10f * i, d.observation(d.episodeFirstObservationRow(i), 0));
            assertEquals((double) i * d.episodeLength(i), d.episodeReturn(i), 0);
        }
        assertEquals(Box.unbounded(2), d.spec().actionSpace());
    }

    @Test
    void minariIntegerActionsAreDiscrete() throws IOException {
        Dataset d = load(minari(true, f -> { })).dataset();
        assertEquals(new Discrete(3), d.spec().actionSpace());
        assertEquals(List.of("act"), d.spec().actionNames());
        assertEquals(1f, d.action(d.episodeFirstStep(1), 0));
    }

    @Test
    void minariErrorsNameThePathAndShape() throws IOException {
        Path p = h5("bad-minari.h5", f -> {
            WritableGroup g = f.putGroup("episode_0");
            g.putDataset("observations", rows(3, 2, 0));
            g.putDataset("actions", rows(3, 1, 0));
        });
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> load(p));
        assertEquals(p + ": /episode_0/observations: has shape (3, 2); expected (4, 2): one more observation than the 3 actions",
                e.getMessage());
        Path q = h5("bad-minari-2.h5", f -> {
            WritableGroup g = f.putGroup("episode_0");
            g.putDataset("observations", rows(3, 2, 0));
            g.putDataset("actions", rows(2, 1, 0));
            g.putDataset("rewards", new float[2]);
            g.putDataset("terminations", new boolean[]{true, false});
            g.putDataset("truncations", new boolean[2]);
        });
        e = assertThrows(DatasetFormatException.class, () -> load(q));
        assertEquals(q + ": /episode_0/terminations: is set at step 0 of 2; expected it only at the last step", e.getMessage());
        Path r = h5("bad-minari-3.h5", f -> {
            WritableGroup g = f.putGroup("episode_0");
            g.putDataset("observations", rows(2, 2, 0));
            g.putDataset("actions", rows(1, 1, 0));
            g.putDataset("terminations", new boolean[1]);
        });
        e = assertThrows(DatasetFormatException.class, () -> load(r));
        assertEquals("/episode_0/rewards", e.hdf5Path());
        assertTrue(e.getMessage().startsWith(r + ": /episode_0/rewards: missing; expected a dataset of shape (1,)"), e.getMessage());
    }

    // ---- robomimic -------------------------------------------------------------------------

    private Path robomimic() {
        return h5("robomimic.hdf5", f -> {
            WritableGroup data = f.putGroup("data");
            int[] lengths = {3, 2};
            for (int i = 0; i < 2; i++) {
                int t = lengths[i];
                WritableGroup demo = data.putGroup("demo_" + i);
                WritableGroup obs = demo.putGroup("obs");
                obs.putDataset("robot_pos", rows(t, 3, 10 * i));
                obs.putDataset("gripper", rows(t, 1, 100 + 10 * i));
                obs.putDataset("agentview_image", new float[t][2][2][3]);
                if (i == 0) {
                    WritableGroup next = demo.putGroup("next_obs");
                    next.putDataset("robot_pos", rows(t, 3, 50));
                    next.putDataset("gripper", rows(t, 1, 150));
                    next.putDataset("agentview_image", new float[t][2][2][3]);
                }
                demo.putDataset("actions", rows(t, 2, -1));
                demo.putDataset("rewards", new float[t]);
                long[] dones = new long[t];
                dones[t - 1] = i == 0 ? 1 : 0;
                demo.putDataset("dones", dones);
            }
        });
    }

    @Test
    void robomimicConcatenatesSortedKeysAndSkipsImages() throws IOException {
        LoadResult r = load(robomimic());
        Dataset d = r.dataset();
        assertEquals(List.of("gripper_0", "robot_pos_0", "robot_pos_1", "robot_pos_2"), d.spec().observationNames());
        assertEquals(List.of("/data/demo_0/obs: skipping observation keys that are not (T, k) arrays (e.g. images): "
                + "agentview_image"), r.warnings());
        assertEquals(2, d.numEpisodes());
        assertEquals(3, d.episodeLength(0));
        assertEquals(2, d.episodeLength(1));
        assertTrue(d.terminated(0));
        assertFalse(d.terminated(1));
        assertFalse(d.truncated(0) || d.truncated(1));
        assertTrue(d.hasFinalObservation(0), "next_obs supplies the final observation");
        assertFalse(d.hasFinalObservation(1));
        assertArrayEquals(new float[]{101, 1, 1.1f, 1.2f}, row(d, 1), 1e-4f);
        assertArrayEquals(new float[]{152, 52, 52.1f, 52.2f}, row(d, 3), 1e-4f, "final observation = next_obs row T-1");
        assertArrayEquals(new float[]{110, 10, 10.1f, 10.2f}, row(d, 4), 1e-4f);
    }

    @Test
    void robomimicUserGivenKeys() throws IOException {
        Dataset d = new Hdf5DatasetImporter(Hdf5Options.defaults().withObservationKeys(List.of("robot_pos")))
                .read(robomimic()).dataset();
        assertEquals(List.of("robot_pos_0", "robot_pos_1", "robot_pos_2"), d.spec().observationNames());
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () ->
                new Hdf5DatasetImporter(Hdf5Options.defaults().withObservationKeys(List.of("agentview_image"))).read(robomimic()));
        assertEquals(dir.resolve("robomimic.hdf5") + ": /data/demo_0/obs/agentview_image: has shape (3, 2, 2, 3); expected (3, k)",
                e.getMessage());
        e = assertThrows(DatasetFormatException.class, () ->
                new Hdf5DatasetImporter(Hdf5Options.defaults().withObservationKeys(List.of("joint"))).read(robomimic()));
        assertTrue(e.getMessage().startsWith(dir.resolve("robomimic.hdf5")
                + ": /data/demo_0/obs/joint: missing; expected a dataset of shape (3, k)"), e.getMessage());
    }

    private static float[] row(Dataset d, int r) {
        float[] out = new float[d.observationDim()];
        d.copyObservation(r, out, 0);
        return out;
    }

    // ---- detection -------------------------------------------------------------------------

    @Test
    void unknownLayoutAndNonHdf5Files() throws IOException {
        Path p = h5("other.h5", f -> f.putDataset("foo", new float[]{1}));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> load(p));
        assertEquals(p + ": /: matches no known layout; expected D4RL (observations, actions, rewards, terminals at the "
                + "root), Minari (episode_<i> groups) or robomimic (data/demo_<i> groups); found [foo]", e.getMessage());
        Path text = dir.resolve("text.h5");
        Files.writeString(text, "not hdf5");
        e = assertThrows(DatasetFormatException.class, () -> load(text));
        assertTrue(e.getMessage().startsWith(text + ": is not a readable HDF5 file ("), e.getMessage());
        Path forced = minari(false, f -> { });
        e = assertThrows(DatasetFormatException.class,
                () -> new Hdf5DatasetImporter(Hdf5Options.defaults().withLayout(Hdf5Options.Layout.D4RL)).read(forced));
        assertEquals("/observations", e.hdf5Path());
    }
}
