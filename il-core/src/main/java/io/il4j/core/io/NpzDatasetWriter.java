package io.il4j.core.io;

import io.il4j.core.data.DatasetSpecJson;
import io.il4j.core.data.Dataset;
import io.il4j.core.report.AtomicFiles;
import io.il4j.core.io.internal.NpyData;
import io.il4j.core.io.internal.NpyHeader;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a {@link Dataset} as a numpy {@code .npz} archive, as {@code np.savez} (entries stored) or
 * {@code np.savez_compressed} (entries deflated) would. With E episodes, N_obs observation rows and N_steps steps:
 * <pre>
 * observations          (N_obs, obs_dim)   &lt;f4
 * actions               (N_steps, act_dim) &lt;f4   (a discrete action is its index, act_dim = 1)
 * rewards               (N_steps,)         &lt;f4   only when the dataset has rewards
 * goals                 (N_obs, goal_dim)  &lt;f4   only when the dataset has goals
 * episode_obs_offsets   (E+1,)             &lt;i8   episode e owns observation rows [o[e], o[e+1])
 * episode_step_offsets  (E+1,)             &lt;i8   episode e owns steps [s[e], s[e+1]); it has a final
 *                                                 observation iff o[e+1]-o[e] == s[e+1]-s[e]+1
 * terminated            (E,)               |b1
 * truncated             (E,)               |b1
 * spec_json             (n,)               |u1   UTF-8 JSON: observation_names, action_space (box low/high or
 *                                                 discrete n), action_names, goal_names, has_rewards
 * </pre>
 * In Python: {@code z = np.load(p); spec = json.loads(z['spec_json'].tobytes())}. The archive is written to a
 * temporary file and moved into place. Stateless; thread-safe.
 */
public final class NpzDatasetWriter {

    private NpzDatasetWriter() {
    }

    /** Writes {@code dataset} to {@code file} atomically; {@code compressed} deflates every entry. */
    public static void write(Dataset dataset, Path file, boolean compressed) throws IOException {
        AtomicFiles.write(file, out -> writeTo(dataset, out, compressed));
    }

    /** Writes the archive to {@code os} (not closed): for writers that place the file themselves (shards). */
    static void writeTo(Dataset d, OutputStream os, boolean compressed) throws IOException {
        int episodes = d.numEpisodes();
        long[] obsOffsets = new long[episodes + 1], stepOffsets = new long[episodes + 1];
        boolean[] terminated = new boolean[episodes], truncated = new boolean[episodes];
        for (int e = 0; e < episodes; e++) {
            obsOffsets[e] = d.episodeFirstObservationRow(e);
            stepOffsets[e] = d.episodeFirstStep(e);
            terminated[e] = d.terminated(e);
            truncated[e] = d.truncated(e);
        }
        obsOffsets[episodes] = d.numObservations();
        stepOffsets[episodes] = d.numSteps();
        byte[] spec = DatasetSpecJson.encode(d.spec());

        ZipOutputStream zip = new ZipOutputStream(os);
        zip.setLevel(Deflater.DEFAULT_COMPRESSION); // zlib's default, as np.savez_compressed
        Entries entries = new Entries(zip, compressed);
        entries.put("observations", "<f4", out -> NpyData.writeFloats(out, d.observationData()), d.numObservations(), d.observationDim());
        entries.put("actions", "<f4", out -> NpyData.writeFloats(out, d.actionData()), d.numSteps(), d.actionDim());
        if (d.rewardData() != null) entries.put("rewards", "<f4", out -> NpyData.writeFloats(out, d.rewardData()), d.numSteps());
        if (d.goalData() != null)
            entries.put("goals", "<f4", out -> NpyData.writeFloats(out, d.goalData()), d.numObservations(), d.spec().goalDim());
        entries.put("episode_obs_offsets", "<i8", out -> NpyData.writeLongs(out, obsOffsets), episodes + 1);
        entries.put("episode_step_offsets", "<i8", out -> NpyData.writeLongs(out, stepOffsets), episodes + 1);
        entries.put("terminated", "|b1", out -> NpyData.writeBooleans(out, terminated), episodes);
        entries.put("truncated", "|b1", out -> NpyData.writeBooleans(out, truncated), episodes);
        entries.put("spec_json", "|u1", out -> out.write(spec), spec.length);
        zip.finish();
    }

    /** Writes {@code name.npy} entries; stored entries need their CRC and size first, so their data are produced twice. */
    private static final class Entries {
        /** The earliest time a zip entry holds, as local time (so the bytes do not depend on the time zone). */
        private static final java.time.LocalDateTime FIXED_ENTRY_TIME = java.time.LocalDateTime.of(1980, 1, 1, 0, 0);
        private final ZipOutputStream zip;
        private final boolean compressed;

        Entries(ZipOutputStream zip, boolean compressed) {
            this.zip = zip;
            this.compressed = compressed;
        }

        void put(String name, String descr, AtomicFiles.Content data, long... shape) throws IOException {
            byte[] header = NpyHeader.encode(descr, shape);
            ZipEntry entry = new ZipEntry(name + ".npy");
            // a fixed time stamp: the same dataset gives the same bytes (shard checksums, reproducible files)
            entry.setTimeLocal(FIXED_ENTRY_TIME);
            if (compressed) {
                entry.setMethod(ZipEntry.DEFLATED);
            } else {
                CRC32 crc = new CRC32();
                CountingSink counter = new CountingSink();
                try (CheckedOutputStream check = new CheckedOutputStream(counter, crc)) {
                    check.write(header);
                    data.writeTo(check);
                }
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(counter.count);
                entry.setCompressedSize(counter.count);
                entry.setCrc(crc.getValue());
            }
            zip.putNextEntry(entry);
            zip.write(header);
            data.writeTo(zip);
            zip.closeEntry();
        }
    }

    /** Discards bytes, counting them. */
    private static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
