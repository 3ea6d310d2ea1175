package io.il4j.core.io;

import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.data.DatasetSpec;
import io.il4j.core.io.internal.DatasetRespec;
import io.il4j.core.io.internal.EpisodeAppender;
import io.il4j.core.io.internal.Hdf5Reads;
import io.il4j.core.space.ActionSpace;
import io.il4j.core.space.Box;
import io.il4j.core.space.Discrete;
import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Imports HDF5 demonstration files (via jhdf) in three layouts:
 * <ul>
 *   <li><b>D4RL</b>: flat {@code observations (N, obs_dim)}, {@code actions (N, act_dim)}, {@code rewards (N,)},
 *   {@code terminals (N,)}, optional {@code timeouts (N,)} and {@code next_observations (N, obs_dim)}. An episode
 *   ends after each step whose terminal or timeout flag is set (the rest forms a last, cut-off episode). D4RL
 *   keeps no final observation; when {@code next_observations} exists its row at an episode's last step becomes
 *   the final observation.</li>
 *   <li><b>Minari</b>: groups {@code episode_<i>} (in order of i) with {@code observations (T+1, obs_dim)},
 *   {@code actions (T, act_dim)} (or {@code (T,)} integers for a discrete action), {@code rewards (T,)},
 *   {@code terminations (T,)}, {@code truncations (T,)}; the flags may be set only at the last step.</li>
 *   <li><b>robomimic</b>: groups {@code data/demo_<i>} with {@code obs/<key> (T, k)}, {@code actions (T, act_dim)},
 *   {@code rewards (T,)}, {@code dones (T,)} and optionally {@code next_obs/<key>}. Observation keys are
 *   concatenated in sorted order (or as {@link Hdf5Options#observationKeys()} lists them) and named
 *   {@code <key>_<j>}; a demo is terminated when its last {@code done} is set; with {@code next_obs} its last row
 *   becomes the final observation.</li>
 * </ul>
 * Observation and action names are {@code obs_i}/{@code act_i} for D4RL and Minari; the action space is an
 * unbounded {@code Box}, or {@code Discrete(max index + 1)} for integer actions. Errors name the HDF5 path and the
 * expected shape. Immutable; thread-safe (each call reads independently).
 */
public final class Hdf5DatasetImporter {

    private final Hdf5Options options;

    public Hdf5DatasetImporter(Hdf5Options options) {
        this.options = options == null ? Hdf5Options.defaults() : options;
    }

    public LoadResult read(Path file) throws IOException {
        return read(file, ProgressListener.NONE);
    }

    /** Reads {@code file}; progress is reported per episode, scaled to the file size. */
    public LoadResult read(Path file, ProgressListener progress) throws IOException {
        long size = Files.size(file);
        HdfFile hdf;
        try {
            hdf = new HdfFile(file);
        } catch (HdfException e) {
            throw DatasetFormatException.inFile(file, "is not a readable HDF5 file (" + e.getMessage() + ")");
        }
        try (hdf) {
            Hdf5Options.Layout layout = options.layout() == Hdf5Options.Layout.AUTO ? detect(file, hdf) : options.layout();
            Import im = new Import(new Hdf5Reads(file), size, progress);
            Dataset d = switch (layout) {
                case D4RL -> im.d4rl(hdf);
                case MINARI -> im.minari(hdf);
                case ROBOMIMIC -> im.robomimic(hdf);
                case AUTO -> throw new AssertionError("detected above");
            };
            progress.progress(size, size);
            return new LoadResult(d, im.warnings);
        } catch (HdfException e) {
            throw DatasetFormatException.inFile(file, "could not be read as HDF5 (" + e.getMessage() + ")");
        }
    }

    /** The layout of {@code hdf}, judged from its top-level names. */
    static Hdf5Options.Layout detect(Path file, HdfFile hdf) {
        Map<String, Node> top = hdf.getChildren();
        if (top.get("data") instanceof Group data && !Hdf5Reads.numberedGroups(data, "demo_").isEmpty())
            return Hdf5Options.Layout.ROBOMIMIC;
        if (!Hdf5Reads.numberedGroups(hdf, "episode_").isEmpty()) return Hdf5Options.Layout.MINARI;
        if (top.containsKey("observations")) return Hdf5Options.Layout.D4RL;
        throw DatasetFormatException.atHdf5Path(file, "/", "matches no known layout; expected D4RL (observations, actions, "
                + "rewards, terminals at the root), Minari (episode_<i> groups) or robomimic (data/demo_<i> groups); "
                + "found " + new java.util.TreeSet<>(top.keySet()));
    }

    /** State of one import: the builder (created once the first episode fixes the dims) and warnings. */
    private final class Import {
        private final Hdf5Reads r;
        private final long size;
        private final ProgressListener progress;
        private final List<String> warnings = new ArrayList<>();
        private DatasetBuilder builder;
        private boolean discrete;
        private float maxAction = -1;

        Import(Hdf5Reads r, long size, ProgressListener progress) {
            this.r = r;
            this.size = size;
            this.progress = progress;
        }

        Dataset d4rl(Group root) {
            var obsSet = r.dataset(root, "observations", "(N, obs_dim)");
            int[] os = r.matrixShape(obsSet, "(N, obs_dim)");
            int n = os[0], od = os[1];
            var actSet = r.dataset(root, "actions", "(" + n + ", act_dim)");
            int ad = r.matrixShape(actSet, "(" + n + ", act_dim)")[1];
            r.expectMatrix(actSet, n, ad, "(" + n + ", act_dim), one action per observation");
            var rewSet = r.dataset(root, "rewards", "(" + n + ",)");
            r.expectVector(rewSet, n, "(" + n + ",), one reward per observation");
            var termSet = r.dataset(root, "terminals", "(" + n + ",)");
            r.expectVector(termSet, n, "(" + n + ",), one flag per observation");
            var timeSet = r.optionalDataset(root, "timeouts", "(" + n + ",)");
            if (timeSet != null) r.expectVector(timeSet, n, "(" + n + ",), one flag per observation");
            var nextSet = r.optionalDataset(root, "next_observations", "(" + n + ", " + od + ")");
            if (nextSet != null) r.expectMatrix(nextSet, n, od, "(" + n + ", " + od + "), like observations");
            if (n == 0) throw r.error(obsSet.getPath(), "is empty; expected at least one step");

            start(names("obs_", od), actSet.getJavaType(), ad);
            float[] obs = r.floats(obsSet), act = r.floats(actSet), rew = r.floats(rewSet);
            float[] next = nextSet == null ? null : r.floats(nextSet);
            boolean[] term = r.flags(termSet), timeout = timeSet == null ? new boolean[n] : r.flags(timeSet);
            noteActions(act, actSet);
            int first = 0;
            for (int i = 0; i < n; i++) {
                if (!(term[i] || timeout[i] || i == n - 1)) continue;
                EpisodeAppender.append(builder, obs, null, first, act, rew, first, i - first + 1, next, null, i,
                        term[i], timeout[i]);
                first = i + 1;
                progress.progress(size * first / n, size);
            }
            return finish();
        }

        Dataset minari(Group root) {
            List<Group> episodes = Hdf5Reads.numberedGroups(root, "episode_");
            if (episodes.isEmpty()) throw r.error("/", "holds no episode_<i> groups; expected the Minari layout");
            int od = -1, ad = -1;
            for (int e = 0; e < episodes.size(); e++) {
                Group g = episodes.get(e);
                String obsShape = "(T+1, " + (od < 0 ? "obs_dim" : od) + ")";
                var obsSet = r.dataset(g, "observations", obsShape);
                int[] os = r.matrixShape(obsSet, obsShape);
                var actSet = r.dataset(g, "actions", "(T, act_dim)");
                int[] as = r.matrixShape(actSet, "(T, act_dim)");
                int t = as[0];
                if (e == 0) {
                    od = os[1];
                    ad = as[1];
                    start(names("obs_", od), actSet.getJavaType(), ad);
                }
                if (t < 1) throw r.error(actSet.getPath(), "is empty; expected at least one step");
                r.expectMatrix(obsSet, t + 1, od, "(" + (t + 1) + ", " + od + "): one more observation than the " + t + " actions");
                r.expectMatrix(actSet, t, ad, "(" + t + ", " + ad + ") as in the first episode");
                var rewSet = r.dataset(g, "rewards", "(" + t + ",)");
                r.expectVector(rewSet, t, "(" + t + ",), one reward per action");
                boolean terminated = lastFlag(r.dataset(g, "terminations", "(" + t + ",)"), t);
                boolean truncated = lastFlag(r.dataset(g, "truncations", "(" + t + ",)"), t);
                float[] obs = r.floats(obsSet), act = r.floats(actSet);
                noteActions(act, actSet);
                EpisodeAppender.append(builder, obs, null, 0, act, r.floats(rewSet), 0, t, obs, null, t, terminated, truncated);
                progress.progress(size * (e + 1) / episodes.size(), size);
            }
            return finish();
        }

        Dataset robomimic(Group root) {
            Group data = r.group(root, "data", "demo_<i> groups");
            List<Group> demos = Hdf5Reads.numberedGroups(data, "demo_");
            if (demos.isEmpty()) throw r.error(Hdf5Reads.path(root, "data"), "holds no demo_<i> groups; expected the robomimic layout");
            List<String> keys = null;
            int od = -1, ad = -1;
            for (int e = 0; e < demos.size(); e++) {
                Group g = demos.get(e);
                var actSet = r.dataset(g, "actions", "(T, act_dim)");
                int[] as = r.matrixShape(actSet, "(T, act_dim)");
                int t = as[0];
                if (t < 1) throw r.error(actSet.getPath(), "is empty; expected at least one step");
                Group obsGroup = r.group(g, "obs", "one dataset per observation key");
                if (keys == null) keys = observationKeys(obsGroup);
                Map<String, Integer> widths = new TreeMap<>();
                int rowWidth = 0;
                for (String k : keys) {
                    int w = r.matrixShape(r.dataset(obsGroup, k, "(" + t + ", k)"), "(" + t + ", k)")[1];
                    widths.put(k, w);
                    rowWidth += w;
                }
                if (e == 0) {
                    od = rowWidth;
                    ad = as[1];
                    List<String> names = new ArrayList<>();
                    for (String k : keys) for (int j = 0; j < widths.get(k); j++) names.add(k + "_" + j);
                    start(names, actSet.getJavaType(), ad);
                }
                r.expectMatrix(actSet, t, ad, "(" + t + ", " + ad + ") as in the first demo");
                float[] obs = concatenate(obsGroup, keys, t, od);
                Group next = g.getChildren().get("next_obs") instanceof Group ng ? ng : null;
                float[] fin = next == null ? null : concatenate(next, keys, t, od);
                var rewSet = r.dataset(g, "rewards", "(" + t + ",)");
                r.expectVector(rewSet, t, "(" + t + ",), one reward per action");
                var doneSet = r.dataset(g, "dones", "(" + t + ",)");
                r.expectVector(doneSet, t, "(" + t + ",), one flag per action");
                float[] act = r.floats(actSet);
                noteActions(act, actSet);
                EpisodeAppender.append(builder, obs, null, 0, act, r.floats(rewSet), 0, t, fin, null, t - 1,
                        r.flags(doneSet)[t - 1], false);
                progress.progress(size * (e + 1) / demos.size(), size);
            }
            return finish();
        }

        private List<String> observationKeys(Group obsGroup) {
            if (!options.observationKeys().isEmpty()) return options.observationKeys();
            List<String> keys = new ArrayList<>(), skipped = new ArrayList<>();
            for (Map.Entry<String, Node> e : new TreeMap<>(obsGroup.getChildren()).entrySet()) {
                if (e.getValue() instanceof io.jhdf.api.Dataset d && d.getDimensions().length <= 2) keys.add(e.getKey());
                else skipped.add(e.getKey());
            }
            if (!skipped.isEmpty())
                warnings.add(Hdf5Reads.path(obsGroup) + ": skipping observation keys that are not (T, k) arrays (e.g. images): "
                        + String.join(", ", skipped));
            if (keys.isEmpty()) throw r.error(Hdf5Reads.path(obsGroup), "holds no (T, k) observation datasets; found " + skipped);
            return keys;
        }

        /** Rows {@code 0..t-1} of the given keys, side by side: {@code t x od} floats. */
        private float[] concatenate(Group obsGroup, List<String> keys, int t, int od) {
            float[] out = new float[t * od];
            int col = 0;
            for (String k : keys) {
                var ks = r.dataset(obsGroup, k, "(" + t + ", k)");
                int w = r.matrixShape(ks, "(" + t + ", k)")[1];
                r.expectMatrix(ks, t, w, "(" + t + ", " + w + "): one row per action");
                if (col + w > od) throw r.error(ks.getPath(), "makes the observation wider than the " + od + " numbers of the first demo");
                float[] v = r.floats(ks);
                for (int i = 0; i < t; i++) System.arraycopy(v, i * w, out, i * od + col, w);
                col += w;
            }
            if (col != od) throw r.error(Hdf5Reads.path(obsGroup), "gives " + col + " observation numbers per row; the first demo gave " + od);
            return out;
        }

        private boolean lastFlag(io.jhdf.api.Dataset set, int t) {
            r.expectVector(set, t, "(" + t + ",), one flag per action");
            boolean[] f = r.flags(set);
            for (int i = 0; i < t - 1; i++)
                if (f[i]) throw r.error(set.getPath(), "is set at step " + i + " of " + t + "; expected it only at the last step");
            return f[t - 1];
        }

        private void start(List<String> obsNames, Class<?> actionType, int ad) {
            discrete = ad == 1 && (actionType == byte.class || actionType == short.class || actionType == int.class
                    || actionType == long.class);
            ActionSpace space = discrete ? new Discrete(Integer.MAX_VALUE) : Box.unbounded(ad);
            builder = new DatasetBuilder(new DatasetSpec(obsNames, space, discrete ? List.of("act") : names("act_", ad),
                    List.of(), true));
        }

        /** Tracks the largest discrete index (n is inferred from it); indices must be non-negative. */
        private void noteActions(float[] act, io.jhdf.api.Dataset set) {
            if (!discrete) return;
            for (int i = 0; i < act.length; i++) {
                if (act[i] < 0) throw r.error(set.getPath(), "holds action " + act[i] + " at step " + i
                        + "; expected non-negative integer indices of a discrete action");
                maxAction = Math.max(maxAction, act[i]);
            }
        }

        private Dataset finish() {
            Dataset d = builder.build();
            return discrete ? DatasetRespec.withActionSpace(d, new Discrete((int) Math.max(2, maxAction + 1))) : d;
        }
    }

    private static List<String> names(String prefix, int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(prefix + i);
        return out;
    }
}
