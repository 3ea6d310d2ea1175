package io.il4j.irl.eval;

import io.il4j.core.data.Dataset;
import io.il4j.core.io.CsvDatasetWriter;
import io.il4j.core.report.AtomicFiles;
import io.il4j.irl.iq.RewardFunction;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a dataset as the standard il4j CSV with one more column, {@value #COLUMN}: the recovered reward of
 * each step that has a next observation (empty on final-observation rows and on a last step without one).
 * Atomic: a temp file, then a move.
 */
public final class RewardExport {
    public static final String COLUMN = "recovered_reward";

    private RewardExport() {
    }

    public static void writeCsv(Dataset data, RewardFunction reward, Path out) throws IOException {
        double[] r = RewardEvaluation.recoveredRewards(reward, data);
        // per global step: its transition's reward, NaN when the step has no next observation
        double[] byStep = new double[data.numSteps()];
        java.util.Arrays.fill(byStep, Double.NaN);
        var tr = data.transitions();
        for (int i = 0; i < r.length; i++) byStep[tr.step(i)] = r[i];
        if (CsvDatasetWriter.header(data.spec()).contains(COLUMN))
            throw new IllegalArgumentException("the data already name a column '" + COLUMN + "'");
        Path plain = Files.createTempFile(out.toAbsolutePath().getParent(), ".export-", ".csv");
        try {
            CsvDatasetWriter.write(data, plain);
            AtomicFiles.write(out, os -> {
                BufferedWriter w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
                try (BufferedReader in = Files.newBufferedReader(plain, StandardCharsets.UTF_8)) {
                    w.append(in.readLine()).append(',').append(COLUMN).append('\n');
                    // rows come episode by episode, each with its steps first and then (when present) the final observation
                    for (int e = 0; e < data.numEpisodes(); e++) {
                        int rows = data.episodeObservationCount(e), len = data.episodeLength(e), step0 = data.episodeFirstStep(e);
                        for (int t = 0; t < rows; t++) {
                            w.append(in.readLine()).append(',');
                            if (t < len && !Double.isNaN(byStep[step0 + t])) w.append(Double.toString(byStep[step0 + t]));
                            w.append('\n');
                        }
                    }
                }
                w.flush();
            });
        } finally {
            Files.deleteIfExists(plain);
        }
    }
}
