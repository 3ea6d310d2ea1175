package io.il4j.dagger.internal;

import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.data.DatasetSpec;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Saves the per-round aggregated data of a run directory (observations, expert actions, episode
 * boundaries and flags; no rewards or goals). Interim binary format until the shared NPZ writer is
 * available; written to a temp file and moved into place.
 */
public final class DatasetFiles {
    private static final int MAGIC = 0x494C3444; // "IL4D"
    private static final int VERSION = 1;

    private DatasetFiles() {
    }

    public static void write(Path file, Dataset data) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            int od = data.observationDim(), ad = data.actionDim();
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(od);
            out.writeInt(ad);
            out.writeInt(data.numEpisodes());
            float[] obs = data.observationData(), act = data.actionData();
            for (int e = 0; e < data.numEpisodes(); e++) {
                int steps = data.episodeLength(e), rows = data.episodeObservationCount(e);
                out.writeInt(steps);
                out.writeInt(rows);
                out.writeBoolean(data.terminated(e));
                out.writeBoolean(data.truncated(e));
                int r0 = data.episodeFirstObservationRow(e), s0 = data.episodeFirstStep(e);
                for (int i = r0 * od; i < (r0 + rows) * od; i++) out.writeFloat(obs[i]);
                for (int i = s0 * ad; i < (s0 + steps) * ad; i++) out.writeFloat(act[i]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + tmp + " to " + file, e);
        }
    }

    /** Reads a file written by {@link #write} into a dataset with {@code spec} (which must have no rewards or goals). */
    public static Dataset read(Path file, DatasetSpec spec) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION)
                throw new IllegalArgumentException(file + " is not an il4j round data file (bad magic/version)");
            int od = in.readInt(), ad = in.readInt(), episodes = in.readInt();
            if (od != spec.observationDim() || ad != spec.actionDim())
                throw new IllegalArgumentException(file + " holds " + od + "-dim observations and " + ad
                        + "-dim actions; the environment has " + spec.observationDim() + " and " + spec.actionDim());
            DatasetBuilder b = new DatasetBuilder(spec);
            float[] o = new float[od], a = new float[ad];
            for (int e = 0; e < episodes; e++) {
                int steps = in.readInt(), rows = in.readInt();
                boolean term = in.readBoolean(), trunc = in.readBoolean();
                if (steps < 1 || rows < steps || rows > steps + 1)
                    throw new IllegalArgumentException(file + ": episode " + e + " has " + steps + " steps and " + rows + " observations");
                float[] obs = new float[rows * od], act = new float[steps * ad];
                for (int i = 0; i < obs.length; i++) obs[i] = in.readFloat();
                for (int i = 0; i < act.length; i++) act[i] = in.readFloat();
                b.beginEpisode();
                for (int t = 0; t < steps; t++) {
                    System.arraycopy(obs, t * od, o, 0, od);
                    System.arraycopy(act, t * ad, a, 0, ad);
                    b.addStep(o, 0, null, 0, a, 0, 0f);
                }
                if (rows > steps) b.endEpisode(obs, steps * od, null, 0, term, trunc);
                else b.endEpisode((float[]) null, 0, null, 0, term, trunc);
            }
            return b.build();
        } catch (EOFException e) {
            throw new IllegalArgumentException(file + " is truncated", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
