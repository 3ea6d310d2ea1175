package io.il4j.core.io;

import io.il4j.core.data.DatasetSpecJson;
import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.data.DatasetSpec;
import io.il4j.core.io.internal.EpisodeAppender;
import io.il4j.core.io.internal.FloatChecks;
import io.il4j.core.io.internal.NpyData;
import io.il4j.core.io.internal.NpyHeader;
import io.il4j.core.space.ActionSpace;
import io.il4j.core.space.Box;
import io.il4j.core.space.Discrete;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads the NPZ layout documented in {@link NpzDatasetWriter}, from archives written by il4j or by numpy
 * ({@code np.savez} and {@code np.savez_compressed}; entries are inflated through {@code java.util.zip} and
 * the {@code .npy} headers parsed here). Float entries may be {@code f4} or {@code f8} (rounded to float32);
 * offsets any integer dtype; flags bool or integer. Without {@code spec_json} the spec is inferred: names
 * {@code obs_i}/{@code act_i}/{@code goal_i}, an unbounded {@code Box} action space. {@code terminated} and
 * {@code truncated} default to all false when absent. Every shape and offset is checked, float values must be finite
 * and discrete actions valid indices, all before the dataset is built. Archives in the legacy trajectory layout of the
 * {@code imitation} library are recognized by their keys and read too (see {@link ImitationLayout}). Stateless;
 * thread-safe.
 */
public final class NpzDatasetReader {

    private NpzDatasetReader() {
    }

    public static Dataset read(Path file) throws IOException {
        return read(file, ProgressListener.NONE);
    }

    /** Reads {@code file}, reporting compressed bytes consumed (entry by entry) to {@code progress}. */
    public static Dataset read(Path file, ProgressListener progress) throws IOException {
        long size = Files.size(file);
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw DatasetFormatException.inFile(file, "is not a zip archive (" + e.getMessage() + "); expected an .npz file "
                    + "written by numpy or il4j");
        }
        try (zip) {
            Archive a = new Archive(file, zip, size, progress);
            Columns c = ImitationLayout.matches(a) ? ImitationLayout.read(a) : il4jColumns(a, file);
            DatasetSpec spec = c.spec();
            a.checkFinite(c.obsEntry(), c.obs(), spec.observationDim());
            a.checkFinite(c.actEntry(), c.act(), spec.actionDim());
            if (c.rew() != null) a.checkFinite(c.rewEntry(), c.rew(), 1);
            if (c.goals() != null) a.checkFinite("goals", c.goals(), spec.goalDim());
            if (spec.actionSpace() instanceof Discrete discrete) {
                int bad = FloatChecks.firstInvalidIndex(c.act(), discrete.n());
                if (bad >= 0) throw a.error(c.actEntry(), "holds " + c.act()[bad] + " at step " + bad + "; expected an integer "
                        + "action index in [0, " + (discrete.n() - 1) + "] for " + discrete);
            }

            DatasetBuilder b = new DatasetBuilder(spec);
            long[] obsOff = c.obsOff(), stepOff = c.stepOff();
            for (int e = 0; e < obsOff.length - 1; e++) {
                int row = (int) obsOff[e], step = (int) stepOff[e], len = (int) (stepOff[e + 1] - stepOff[e]);
                boolean hasFinal = obsOff[e + 1] - obsOff[e] == len + 1;
                EpisodeAppender.append(b, c.obs(), c.goals(), row, c.act(), c.rew(), step, len, hasFinal ? c.obs() : null,
                        c.goals(), row + len, c.terminated()[e], c.truncated()[e]);
            }
            progress.progress(size, size);
            return b.build();
        }
    }

    /**
     * The arrays of one archive in il4j's terms, whichever layout it used, with shapes and offsets already checked;
     * the entry names are the archive's own, for messages.
     */
    record Columns(DatasetSpec spec, float[] obs, float[] act, float[] rew, float[] goals, long[] obsOff, long[] stepOff,
                   boolean[] terminated, boolean[] truncated, String obsEntry, String actEntry, String rewEntry) {
    }

    /** The layout documented in {@link NpzDatasetWriter}. */
    private static Columns il4jColumns(Archive a, Path file) throws IOException {
        float[] obs = a.floats("observations");
        float[] act = a.floats("actions");
        float[] rew = a.has("rewards") ? a.floats("rewards") : null;
        float[] goals = a.has("goals") ? a.floats("goals") : null;
        long[] obsOff = a.longs("episode_obs_offsets");
        long[] stepOff = a.longs("episode_step_offsets");
        int episodes = obsOff.length - 1;
        boolean[] term = a.has("terminated") ? a.booleans("terminated") : new boolean[Math.max(0, episodes)];
        boolean[] trunc = a.has("truncated") ? a.booleans("truncated") : new boolean[Math.max(0, episodes)];
        DatasetSpec spec = a.has("spec_json") ? specJson(a.bytes("spec_json"), file) : a.inferSpec("observations", "actions",
                Box.unbounded(a.cols("actions")), a.has("rewards"));

        int nObs = a.rows("observations"), nSteps = a.rows("actions");
        a.expectShape("observations", nObs, spec.observationDim());
        a.expectShape("actions", nSteps, spec.actionDim());
        if (spec.hasRewards() != (rew != null))
            throw a.error("rewards", spec.hasRewards() ? "is missing although spec_json says has_rewards=true"
                    : "is present although spec_json says has_rewards=false");
        if (rew != null) a.expectVector("rewards", nSteps);
        if (spec.hasGoals() != (goals != null))
            throw a.error("goals", spec.hasGoals() ? "is missing although spec_json names " + spec.goalDim() + " goals"
                    : "is present although spec_json names no goals");
        if (goals != null) a.expectShape("goals", nObs, spec.goalDim());
        if (episodes < 1) throw a.error("episode_obs_offsets", "has " + obsOff.length + " entries; expected at least 2 "
                + "(E+1 for E >= 1 episodes)");
        a.expectVector("episode_obs_offsets", episodes + 1);
        a.expectVector("episode_step_offsets", episodes + 1);
        if (a.has("terminated")) a.expectVector("terminated", episodes);
        if (a.has("truncated")) a.expectVector("truncated", episodes);
        a.checkOffsets(obsOff, stepOff, nObs, nSteps);
        return new Columns(spec, obs, act, rew, goals, obsOff, stepOff, term, trunc, "observations", "actions", "rewards");
    }

    /**
     * The legacy NPZ trajectory layout of the {@code imitation} library (HumanCompatibleAI), as its
     * {@code imitation.data.types.save} wrote it before moving to HuggingFace datasets: {@code obs} (every
     * trajectory's T+1 observations, concatenated), {@code acts} (T actions each), {@code indices} (the cumulative
     * lengths of all trajectories but the last: where trajectories 2..E start in {@code acts}), {@code terminal} (one
     * flag per trajectory), optionally {@code rews} (T each), and {@code infos} (pickled dicts, not read). A trajectory
     * whose {@code terminal} is false was cut off, which il4j records as truncated (bootstrap from its final
     * observation). Integer {@code acts} of one column are discrete actions, {@code Discrete(max + 1)} (at least 2);
     * float ones an unbounded {@code Box}.
     */
    static final class ImitationLayout {
        static final String DESCRIPTION = "imitation's NPZ trajectory layout (obs, acts, indices, terminal, optional rews "
                + "and infos)";

        private ImitationLayout() {
        }

        /** Its keys and none of il4j's: {@code obs}, {@code acts} or {@code indices} without {@code observations}. */
        static boolean matches(Archive a) {
            return !a.has("observations") && (a.has("obs") || a.has("acts") || a.has("indices"));
        }

        static Columns read(Archive a) throws IOException {
            a.layout = DESCRIPTION;
            float[] obs = a.floats("obs");
            float[] act = a.floats("acts");
            long[] indices = a.longs("indices");
            boolean[] terminal = a.booleans("terminal");
            float[] rew = a.has("rews") ? a.floats("rews") : null;
            int nObs = a.rows("obs"), nSteps = a.rows("acts"), episodes = indices.length + 1;
            boolean discrete = (a.kind("acts") == 'i' || a.kind("acts") == 'u') && a.cols("acts") == 1;
            DatasetSpec spec = a.inferSpec("obs", "acts", discrete ? new Discrete(Math.max(2, 1 + (int) max(act)))
                    : Box.unbounded(a.cols("acts")), rew != null);
            a.expectShape("obs", nObs, spec.observationDim());
            a.expectShape("acts", nSteps, spec.actionDim());
            if (rew != null) a.expectVector("rews", nSteps);
            a.expectVector("terminal", episodes);
            long[] stepOff = new long[episodes + 1], obsOff = new long[episodes + 1];
            for (int e = 1; e < episodes; e++) {
                stepOff[e] = indices[e - 1];
                if (stepOff[e] <= stepOff[e - 1] || stepOff[e] >= nSteps)
                    throw a.error("indices", "holds " + stepOff[e] + " at position " + (e - 1) + "; expected increasing "
                            + "trajectory starts in (" + stepOff[e - 1] + ", " + nSteps + ") (acts has " + nSteps + " rows)");
            }
            stepOff[episodes] = nSteps;
            for (int e = 0; e <= episodes; e++) obsOff[e] = stepOff[e] + e; // one more observation than actions each
            if (nObs != obsOff[episodes])
                throw a.error("obs", "has " + nObs + " rows; expected " + obsOff[episodes] + " (the " + nSteps + " actions "
                        + "plus one final observation for each of the " + episodes + " trajectories)");
            boolean[] truncated = new boolean[episodes];
            for (int e = 0; e < episodes; e++) truncated[e] = !terminal[e];
            return new Columns(spec, obs, act, rew, null, obsOff, stepOff, terminal, truncated, "obs", "acts", "rews");
        }

        private static float max(float[] values) {
            float m = 0;
            for (float v : values) m = Math.max(m, v);
            return m;
        }
    }

    /** The entries of one archive and their headers; errors name the file and entry. */
    private static final class Archive {
        private final Path file;
        private final ZipFile zip;
        private final long size;
        private final ProgressListener progress;
        private final List<String> names = new ArrayList<>();
        private final Map<String, NpyHeader> headers = new HashMap<>();
        private long consumed;
        /** The layout a missing entry is reported against. */
        String layout = "the il4j NPZ layout (observations, actions, episode_obs_offsets, episode_step_offsets, ...)";

        Archive(Path file, ZipFile zip, long size, ProgressListener progress) {
            this.file = file;
            this.zip = zip;
            this.size = size;
            this.progress = progress;
            zip.stream().forEach(e -> names.add(e.getName()));
        }

        boolean has(String name) {
            return zip.getEntry(name + ".npy") != null;
        }

        float[] floats(String name) throws IOException {
            return read(name, (in, h) -> NpyData.readFloats(in, h, file, name + ".npy"));
        }

        long[] longs(String name) throws IOException {
            // an empty vector may have any dtype: numpy's cumsum of an empty list (imitation's indices of one trajectory) is float64
            long[] v = read(name, (in, h) -> h.count() == 0 ? new long[0] : NpyData.readLongs(in, h, file, name + ".npy"));
            if (headers.get(name).shape().length != 1) throw error(name, "has shape " + headers.get(name).shapeString()
                    + "; expected a vector");
            return v;
        }

        boolean[] booleans(String name) throws IOException {
            return read(name, (in, h) -> NpyData.readBooleans(in, h, file, name + ".npy"));
        }

        byte[] bytes(String name) throws IOException {
            return read(name, (in, h) -> NpyData.readBytes(in, h, file, name + ".npy"));
        }

        int rows(String name) {
            long[] s = headers.get(name).shape();
            return s.length == 0 ? 1 : (int) s[0];
        }

        /** A 2-D {@code (rows, cols)} entry; a vector counts as {@code (rows, 1)}. */
        void expectShape(String name, long rows, int cols) {
            long[] s = headers.get(name).shape();
            boolean ok = s.length == 2 ? s[0] == rows && s[1] == cols : s.length == 1 && s[0] == rows && cols == 1;
            if (!ok) throw error(name, "has shape " + NpyHeader.shapeString(s) + "; expected " + NpyHeader.shapeString(rows, cols));
        }

        void expectVector(String name, long n) {
            long[] s = headers.get(name).shape();
            boolean ok = (s.length == 1 && s[0] == n) || (s.length == 2 && s[0] == n && s[1] == 1);
            if (!ok) throw error(name, "has shape " + NpyHeader.shapeString(s) + "; expected " + NpyHeader.shapeString(n));
        }

        void checkOffsets(long[] obsOff, long[] stepOff, int nObs, int nSteps) {
            if (obsOff[0] != 0 || stepOff[0] != 0)
                throw error(obsOff[0] != 0 ? "episode_obs_offsets" : "episode_step_offsets", "does not start at 0");
            int last = obsOff.length - 1;
            if (obsOff[last] != nObs)
                throw error("episode_obs_offsets", "ends at " + obsOff[last] + "; expected " + nObs + " (the observation rows)");
            if (stepOff[last] != nSteps)
                throw error("episode_step_offsets", "ends at " + stepOff[last] + "; expected " + nSteps + " (the action rows)");
            for (int e = 0; e < last; e++) {
                long len = stepOff[e + 1] - stepOff[e], rows = obsOff[e + 1] - obsOff[e];
                if (len < 1)
                    throw error("episode_step_offsets", "gives episode " + e + " " + len + " steps; expected at least 1");
                if (rows != len && rows != len + 1)
                    throw error("episode_obs_offsets", "gives episode " + e + " " + rows + " observation rows for " + len
                            + " steps; expected " + len + " or " + (len + 1));
            }
        }

        void checkFinite(String name, float[] values, int cols) {
            int bad = FloatChecks.firstNonFinite(values);
            if (bad >= 0) throw error(name, "holds " + values[bad] + " at row " + bad / cols + ", column " + bad % cols
                    + "; expected finite numbers");
        }

        /** Names {@code obs_i}, {@code act_i} ({@code act} for a discrete action), {@code goal_i}. */
        DatasetSpec inferSpec(String obsEntry, String actEntry, ActionSpace actionSpace, boolean hasRewards) {
            List<String> goalNames = has("goals") ? names(DatasetSpec.GOAL_PREFIX, cols("goals")) : List.of();
            List<String> actionNames = actionSpace instanceof Discrete ? List.of(CsvOptions.DISCRETE_ACTION)
                    : names(DatasetSpec.ACT_PREFIX, cols(actEntry));
            return new DatasetSpec(names(DatasetSpec.OBS_PREFIX, cols(obsEntry)), actionSpace, actionNames, goalNames, hasRewards);
        }

        char kind(String name) {
            return headers.get(name).kind();
        }

        DatasetFormatException error(String name, String problem) {
            return DatasetFormatException.inFile(file, "entry '" + name + ".npy' " + problem);
        }

        int cols(String name) {
            long[] s = headers.get(name).shape();
            return s.length == 2 ? (int) s[1] : 1;
        }

        private static List<String> names(String prefix, int n) {
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) out.add(prefix + i);
            return out;
        }

        @FunctionalInterface
        private interface EntryReader<T> {
            T read(InputStream in, NpyHeader h) throws IOException;
        }

        private <T> T read(String name, EntryReader<T> reader) throws IOException {
            ZipEntry entry = zip.getEntry(name + ".npy");
            if (entry == null)
                throw DatasetFormatException.inFile(file, "has no entry '" + name + ".npy'; expected " + layout + ", found " + names);
            try (InputStream in = zip.getInputStream(entry)) {
                NpyHeader h = NpyHeader.read(in, file, entry.getName());
                if (h.shape().length > 2)
                    throw error(name, "has shape " + h.shapeString() + "; expected at most 2 dimensions");
                headers.put(name, h);
                T value = reader.read(in, h);
                consumed += Math.max(0, entry.getCompressedSize());
                progress.progress(Math.min(consumed, size), size);
                return value;
            } catch (ZipException e) {
                throw error(name, "cannot be decompressed (" + e.getMessage() + ")");
            }
        }
    }

    /** The {@code spec_json} entry; errors name the file and the entry. */
    private static DatasetSpec specJson(byte[] bytes, Path file) {
        try {
            return DatasetSpecJson.decode(bytes);
        } catch (IllegalArgumentException e) {
            throw DatasetFormatException.inFile(file, "entry 'spec_json' " + e.getMessage());
        }
    }
}
