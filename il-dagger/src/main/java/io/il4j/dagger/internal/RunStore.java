package io.il4j.dagger.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.data.DatasetSpec;
import io.il4j.core.io.NpzDatasetReader;
import io.il4j.core.io.NpzDatasetWriter;
import io.il4j.core.report.Json;
import io.il4j.core.report.RunDirectory;
import io.il4j.dagger.RoundSummary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The run directory of an interactive imitation run (an il4j {@link RunDirectory}):
 * <pre>
 *   config.json          algorithm, its configuration, hash of the initial demonstrations
 *   initial.npz          the initial demonstrations (when given)
 *   round-001.npz        the data labelled in round 1 (visited observations + expert actions; numpy-readable)
 *   round-001.json       round 1's summary; written last, so its presence marks the round complete
 *   metrics.csv          one row per completed round
 * </pre>
 * Resuming checks that algorithm, configuration and initial data match, then reloads the completed rounds.
 */
public final class RunStore {
    public record Manifest(String algorithm, JsonNode config, int observationDim, String actionSpace,
                           String initialDataHash, long initialSteps) {
    }

    public record StoredRound(RoundSummary summary, String dataFile, String dataHash) {
    }

    public record Completed(RoundSummary summary, Dataset data) {
    }

    private static final String INITIAL = "initial.npz";
    private final RunDirectory dir;
    private final DatasetSpec spec;
    private final Manifest manifest;
    private final List<String> evalMetricKeys, detailKeys;

    private RunStore(RunDirectory dir, DatasetSpec spec, Manifest manifest, List<String> evalMetricKeys, List<String> detailKeys) {
        this.dir = dir;
        this.spec = spec;
        this.manifest = manifest;
        this.evalMetricKeys = List.copyOf(evalMetricKeys);
        this.detailKeys = List.copyOf(detailKeys);
    }

    /**
     * Opens {@code path}: creates it for a new run, or checks that an existing run was started by the same
     * algorithm with the same configuration, environment spaces and initial demonstrations.
     * {@code evalMetricKeys} and {@code detailKeys} fix the extra columns of metrics.csv.
     */
    public static RunStore open(Path path, String algorithm, Object config, DatasetSpec spec, Dataset initial,
                                List<String> evalMetricKeys, List<String> detailKeys) {
        Manifest wanted = new Manifest(algorithm, Configs.tree(config), spec.observationDim(), spec.actionSpace().toString(),
                initial == null ? null : initial.contentHash(), initial == null ? 0 : initial.numSteps());
        Path abs = path.toAbsolutePath().normalize();
        try {
            Path manifestFile = abs.resolve(RunDirectory.CONFIG);
            Manifest stored = Files.exists(manifestFile) ? Json.read(manifestFile, Manifest.class) : null;
            if (stored != null) checkSameRun(abs, stored, wanted);
            RunDirectory dir = RunDirectory.create(abs.getParent(), abs.getFileName().toString());
            RunStore store = new RunStore(dir, spec, stored != null ? stored : wanted, evalMetricKeys, detailKeys);
            if (stored == null) {
                if (initial != null) NpzDatasetWriter.write(initial, dir.file(INITIAL), true);
                dir.writeConfig(wanted);
            }
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open run directory " + abs, e);
        }
    }

    private static void checkSameRun(Path dir, Manifest stored, Manifest wanted) {
        if (!stored.algorithm().equals(wanted.algorithm()))
            throw new IllegalArgumentException("run directory " + dir + " holds a " + stored.algorithm()
                    + " run; cannot resume it as " + wanted.algorithm() + " (use another directory)");
        if (!stored.config().equals(wanted.config())) {
            TreeSet<String> differing = new TreeSet<>();
            for (Iterator<String> it = stored.config().fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!stored.config().get(f).equals(wanted.config().get(f))) differing.add(f);
            }
            for (Iterator<String> it = wanted.config().fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!stored.config().has(f)) differing.add(f);
            }
            throw new IllegalArgumentException("run directory " + dir + " was started with a different configuration ("
                    + "differs in " + differing + "); resume with the configuration in " + dir.resolve(RunDirectory.CONFIG)
                    + " or use another directory");
        }
        if (stored.observationDim() != wanted.observationDim() || !stored.actionSpace().equals(wanted.actionSpace()))
            throw new IllegalArgumentException("run directory " + dir + " was started on an environment with "
                    + stored.observationDim() + "-dim observations and " + stored.actionSpace() + "; this one has "
                    + wanted.observationDim() + " and " + wanted.actionSpace());
        if (wanted.initialDataHash() != null && !wanted.initialDataHash().equals(stored.initialDataHash()))
            throw new IllegalArgumentException("run directory " + dir + " was started with other initial demonstrations ("
                    + stored.initialSteps() + " steps, hash " + stored.initialDataHash() + "); pass the same data or none");
    }

    public Path directory() {
        return dir.path();
    }

    /** The stored initial demonstrations, or null when the run started without any. */
    public Dataset initial() {
        if (manifest.initialDataHash() == null) return null;
        return readChecked(dir.file(INITIAL), manifest.initialDataHash());
    }

    /**
     * Completed rounds 1..m in order, each with its data (stops at the first round without a summary);
     * their rows are written again to the fresh metrics.csv.
     */
    public List<Completed> completedRounds() {
        List<Completed> out = new ArrayList<>();
        try {
            for (int r = 1; Files.exists(summaryFile(r)); r++) {
                StoredRound s = Json.read(summaryFile(r), StoredRound.class);
                if (s.summary().round() != r)
                    throw new IllegalArgumentException(summaryFile(r) + " describes round " + s.summary().round() + ", expected " + r);
                Dataset data = s.dataFile() == null ? new DatasetBuilder(spec).build() : readChecked(dir.file(s.dataFile()), s.dataHash());
                out.add(new Completed(s.summary(), data));
                dir.appendMetrics(metricsRow(s.summary()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rounds saved in " + dir.path(), e);
        }
        return out;
    }

    /** Saves a completed round: its data first, then its summary (the completion mark), then its metrics row. */
    public void saveRound(RoundSummary summary, Dataset data) {
        // A round without labels (HG-DAgger without takeovers) has no data file: NPZ datasets hold >= 1 episode.
        String dataFile = data.numEpisodes() == 0 ? null : String.format(Locale.ROOT, "round-%03d.npz", summary.round());
        try {
            if (dataFile != null) NpzDatasetWriter.write(data, dir.file(dataFile), true);
            Json.write(summaryFile(summary.round()), new StoredRound(summary, dataFile, data.contentHash()));
            dir.appendMetrics(metricsRow(summary));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save round " + summary.round() + " in " + dir.path(), e);
        }
    }

    /** Writes the run's final results ({@code results.json}). */
    public void writeResults(Object results) {
        try {
            dir.writeResults(results);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results in " + dir.path(), e);
        }
    }

    private Map<String, Object> metricsRow(RoundSummary s) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("round", s.round());
        row.put("episodes", s.episodes());
        row.put("steps", s.steps());
        row.put("labels", s.labels());
        row.put("labels_total", s.labelsTotal());
        row.put("oracle_queries", s.oracleQueries());
        row.put("expert_action_fraction", s.expertActionFraction());
        row.put("action_disagreement", s.actionDisagreement());
        row.put("eval_return", s.evalReturn());
        for (String k : evalMetricKeys) row.put("eval_" + k, s.evalMetrics().getOrDefault(k, Double.NaN));
        for (String k : detailKeys) row.put(k, s.details().getOrDefault(k, Double.NaN));
        row.put("seconds", s.seconds());
        return row;
    }

    private Path summaryFile(int round) {
        return dir.file(String.format(Locale.ROOT, "round-%03d.json", round));
    }

    /** Reads saved data, checking that spec and contents are what was saved. */
    private Dataset readChecked(Path file, String expectedHash) {
        Dataset d;
        try {
            d = NpzDatasetReader.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (!d.spec().equals(spec))
            throw new IllegalArgumentException(file + " holds data with spec " + d.spec() + "; this run's environment needs " + spec);
        if (!d.contentHash().equals(expectedHash))
            throw new IllegalArgumentException(file + " does not match the hash recorded when it was saved (corrupted or edited); "
                    + "delete it and the rounds after it to redo them");
        return d;
    }
}
