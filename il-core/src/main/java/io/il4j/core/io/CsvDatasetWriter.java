package io.il4j.core.io;

import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetSpec;
import io.il4j.core.report.AtomicFiles;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a {@link Dataset} as a demonstration CSV that {@link CsvDatasetReader} reads back with default options:
 * {@code episode,t,obs_*,act_* (or act),reward,terminated,truncated,goal_*}. Each episode's final observation
 * (when present) is a row with empty action and reward cells; {@code terminated}/{@code truncated} are 1 only on
 * the last row of an episode. Floats are written with {@link Float#toString(float)}, which parses back to the
 * identical float, so read → write → read is exact.
 *
 * <p>Column names come from the spec; names lacking the {@code obs_}/{@code act_}/{@code goal_} prefix get it (so
 * mapped columns {@code x,y} are written as {@code obs_x,obs_y}), and a discrete action is written to column
 * {@code act}. A CSV holds no action space: bounds and a discrete n that the data never reach are not kept (NPZ
 * keeps them). The file is written to a temporary file and moved into place, never left half-written.
 * Stateless; thread-safe.
 */
public final class CsvDatasetWriter {

    private CsvDatasetWriter() {
    }

    /** Writes {@code dataset} to {@code file} atomically. */
    public static void write(Dataset dataset, Path file) throws IOException {
        List<String> header = header(dataset.spec());
        AtomicFiles.write(file, out -> writeTo(dataset, header, out));
    }

    /** The header the writer uses for {@code spec}; throws when two columns would share a name. */
    public static List<String> header(DatasetSpec spec) {
        List<String> h = new ArrayList<>(List.of("episode", "t"));
        for (String n : spec.observationNames()) h.add(prefixed(DatasetSpec.OBS_PREFIX, n));
        if (spec.actionSpace().isDiscrete()) h.add(CsvOptions.DISCRETE_ACTION);
        else for (String n : spec.actionNames()) h.add(prefixed(DatasetSpec.ACT_PREFIX, n));
        if (spec.hasRewards()) h.add("reward");
        h.add("terminated");
        h.add("truncated");
        for (String n : spec.goalNames()) h.add(prefixed(DatasetSpec.GOAL_PREFIX, n));
        Set<String> seen = new HashSet<>();
        for (String n : h)
            if (!seen.add(n)) throw new IllegalArgumentException("two CSV columns would be named '" + n + "' (header " + h
                    + "); rename the dataset's observation/action/goal names so they are unique");
        return h;
    }

    private static void writeTo(Dataset d, List<String> header, OutputStream os) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
        StringBuilder line = new StringBuilder(256);
        for (int i = 0; i < header.size(); i++) {
            if (i > 0) line.append(',');
            line.append(quote(header.get(i)));
        }
        w.append(line).append('\n');
        DatasetSpec spec = d.spec();
        int od = spec.observationDim(), ad = spec.actionDim(), gd = spec.goalDim();
        boolean discrete = spec.actionSpace().isDiscrete();
        float[] obs = d.observationData(), act = d.actionData(), rew = d.rewardData(), goals = d.goalData();
        for (int e = 0; e < d.numEpisodes(); e++) {
            int len = d.episodeLength(e), rows = d.episodeObservationCount(e);
            int row0 = d.episodeFirstObservationRow(e), step0 = d.episodeFirstStep(e);
            for (int t = 0; t < rows; t++) {
                line.setLength(0);
                line.append(e).append(',').append(t);
                int row = row0 + t;
                for (int k = 0; k < od; k++) line.append(',').append(obs[row * od + k]);
                boolean step = t < len;
                for (int k = 0; k < ad; k++) {
                    line.append(',');
                    if (!step) continue;
                    float a = act[(step0 + t) * ad + k];
                    if (discrete) line.append((int) a);
                    else line.append(a);
                }
                if (rew != null) {
                    line.append(',');
                    if (step) line.append(rew[step0 + t]);
                }
                boolean last = t == rows - 1;
                line.append(',').append(last && d.terminated(e) ? '1' : '0');
                line.append(',').append(last && d.truncated(e) ? '1' : '0');
                for (int k = 0; k < gd; k++) line.append(',').append(goals[row * gd + k]);
                w.append(line).append('\n');
            }
        }
        w.flush();
    }

    private static String prefixed(String prefix, String name) {
        return name.startsWith(prefix) && name.length() > prefix.length() ? name : prefix + name;
    }

    private static String quote(String name) {
        boolean plain = !name.isEmpty() && name.strip().equals(name) && name.chars().noneMatch(ch -> ch == ',' || ch == '"'
                || ch == '\n' || ch == '\r');
        return plain ? name : '"' + name.replace("\"", "\"\"") + '"';
    }
}
