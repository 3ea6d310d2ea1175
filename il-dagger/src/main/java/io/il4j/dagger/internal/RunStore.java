package io.il4j.dagger.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetSpec;
import io.il4j.dagger.RoundSummary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A run directory of an interactive imitation run:
 * <pre>
 *   config.json          algorithm, its configuration, hash of the initial demonstrations
 *   initial.bin          the initial demonstrations (when given)
 *   round-001.bin        the data labelled in round 1 (visited observations + expert actions)
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

    private static final String MANIFEST = "config.json", INITIAL = "initial.bin";
    private final Path dir;
    private final DatasetSpec spec;
    private final Manifest manifest;

    private RunStore(Path dir, DatasetSpec spec, Manifest manifest) {
        this.dir = dir;
        this.spec = spec;
        this.manifest = manifest;
    }

    /**
     * Opens {@code dir}: creates it for a new run, or checks that an existing run was started by the same
     * algorithm with the same configuration, environment spaces and initial demonstrations.
     */
    public static RunStore open(Path dir, String algorithm, Object config, DatasetSpec spec, Dataset initial) {
        JsonNode configTree = Json.tree(config);
        Manifest wanted = new Manifest(algorithm, configTree, spec.observationDim(), spec.actionSpace().toString(),
                initial == null ? null : initial.contentHash(), initial == null ? 0 : initial.numSteps());
        Path manifestFile = dir.resolve(MANIFEST);
        try {
            if (Files.exists(manifestFile)) {
                Manifest stored = Json.read(manifestFile, Manifest.class);
                checkSameRun(dir, stored, wanted);
                return new RunStore(dir, spec, stored);
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run directory " + dir, e);
        }
        if (initial != null) DatasetFiles.write(dir.resolve(INITIAL), initial);
        Json.write(manifestFile, wanted);
        return new RunStore(dir, spec, wanted);
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
                    + "differs in " + differing + "); resume with the configuration in " + dir.resolve(MANIFEST)
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
        return dir;
    }

    /** The stored initial demonstrations, or null when the run started without any. */
    public Dataset initial() {
        if (manifest.initialDataHash() == null) return null;
        Dataset d = DatasetFiles.read(dir.resolve(INITIAL), spec);
        requireHash(d, manifest.initialDataHash(), dir.resolve(INITIAL));
        return d;
    }

    /** Completed rounds 1..m in order, each with its data (stops at the first round without a summary). */
    public List<Completed> completedRounds() {
        List<Completed> out = new ArrayList<>();
        for (int r = 1; Files.exists(summaryFile(r)); r++) {
            StoredRound s = Json.read(summaryFile(r), StoredRound.class);
            if (s.summary().round() != r)
                throw new IllegalArgumentException(summaryFile(r) + " describes round " + s.summary().round() + ", expected " + r);
            Path data = dir.resolve(s.dataFile());
            Dataset d = DatasetFiles.read(data, spec);
            requireHash(d, s.dataHash(), data);
            out.add(new Completed(s.summary(), d));
        }
        return out;
    }

    public record Completed(RoundSummary summary, Dataset data) {
    }

    /** Saves a completed round: its data first, then its summary (the completion mark), then metrics.csv. */
    public void saveRound(RoundSummary summary, Dataset data, List<RoundSummary> allRounds) {
        String dataFile = String.format(Locale.ROOT, "round-%03d.bin", summary.round());
        DatasetFiles.write(dir.resolve(dataFile), data);
        Json.write(summaryFile(summary.round()), new StoredRound(summary, dataFile, data.contentHash()));
        writeMetrics(allRounds);
    }

    private void writeMetrics(List<RoundSummary> rounds) {
        Path file = dir.resolve("metrics.csv"), tmp = dir.resolve("metrics.csv.tmp");
        TreeSet<String> evalKeys = new TreeSet<>(), detailKeys = new TreeSet<>();
        for (RoundSummary s : rounds) {
            evalKeys.addAll(s.evalMetrics().keySet());
            detailKeys.addAll(s.details().keySet());
        }
        try (Writer w = Files.newBufferedWriter(tmp)) {
            w.write("round,episodes,steps,labels,labels_total,oracle_queries,expert_action_fraction,action_disagreement,eval_return");
            for (String k : evalKeys) w.write(",eval_" + k);
            for (String k : detailKeys) w.write("," + k);
            w.write(",seconds\n");
            for (RoundSummary s : rounds) {
                w.write(s.round() + "," + s.episodes() + "," + s.steps() + "," + s.labels() + "," + s.labelsTotal() + ","
                        + s.oracleQueries() + "," + s.expertActionFraction() + "," + s.actionDisagreement() + "," + s.evalReturn());
                for (String k : evalKeys) w.write("," + s.evalMetrics().getOrDefault(k, Double.NaN));
                for (String k : detailKeys) w.write("," + s.details().getOrDefault(k, Double.NaN));
                w.write("," + s.seconds() + "\n");
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

    private Path summaryFile(int round) {
        return dir.resolve(String.format(Locale.ROOT, "round-%03d.json", round));
    }

    private static void requireHash(Dataset d, String expected, Path file) {
        if (!d.contentHash().equals(expected))
            throw new IllegalArgumentException(file + " does not match the hash recorded when it was saved (corrupted or edited); "
                    + "delete it and the rounds after it to redo them");
    }
}
