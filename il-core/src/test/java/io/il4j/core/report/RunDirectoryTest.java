package io.il4j.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.data.DatasetSpec;
import io.il4j.core.metrics.DatasetStatistics;
import io.il4j.core.env.EpisodeResult;
import io.il4j.core.metrics.EvaluationSummary;
import io.il4j.core.space.Box;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class RunDirectoryTest {

    @TempDir
    Path root;

    record Config(String algorithm, int epochs, double learningRate, List<Integer> hidden) {
    }

    record Results(double meanReturn, double missing, Map<String, Double> metrics) {
    }

    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    @Test
    void writesConfigResultsAndMetricsThatReadBack() throws IOException {
        RunDirectory run = RunDirectory.create(root, "bc-cartpole");
        Config config = new Config("bc", 20, 1e-3, List.of(256, 256));
        run.writeConfig(config);
        assertEquals(config, Json.read(run.path().resolve(RunDirectory.CONFIG), Config.class));

        Results results = new Results(812.5, Double.NaN, Map.of("success", 0.9));
        run.writeResults(results);
        JsonNode tree = Json.readTree(run.path().resolve(RunDirectory.RESULTS));
        assertEquals(812.5, tree.get("meanReturn").asDouble());
        Results back = Json.read(run.path().resolve(RunDirectory.RESULTS), Results.class);
        assertTrue(Double.isNaN(back.missing()));
        assertEquals(results.metrics(), back.metrics());

        run.appendMetrics(row("epoch", 1, "loss", 0.5, "note", "warm, up"));
        run.appendMetrics(row("epoch", 2, "loss", Double.NaN, "note", "ok"));
        assertEquals(List.of("epoch,loss,note", "1,0.5,\"warm, up\"", "2,NaN,ok"),
                Files.readAllLines(run.path().resolve(RunDirectory.METRICS)));
        assertEquals(List.of("epoch", "loss", "note"), run.metricColumns());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run.appendMetrics(row("epoch", 3, "acc", 1.0)));
        assertTrue(e.getMessage().contains("missing [loss, note], unexpected [acc]"), e.getMessage());

        run.file("curve.png");
        try (var files = Files.list(run.path())) {
            assertEquals(3, files.count(), "only config, results and metrics; no temporary files");
        }
    }

    @Test
    void evaluationSummariesAndDatasetStatisticsSerialize() throws IOException {
        EvaluationSummary summary = EvaluationSummary.of(List.of(
                new EpisodeResult(0, 1.5, 10, true, false, Map.of("success", 1.0)),
                new EpisodeResult(1, 2.5, 12, false, true, Map.of("success", 0.0))));
        RunDirectory run = RunDirectory.create(root, "eval");
        run.writeResults(summary);
        assertEquals(summary, Json.read(run.path().resolve(RunDirectory.RESULTS), EvaluationSummary.class));
        DatasetSpec spec = new DatasetSpec(List.of("x"), Box.unbounded(1), List.of("a"), List.of(), false);
        DatasetBuilder b = new DatasetBuilder(spec);
        b.beginEpisode();
        b.addStep(new double[]{1}, new double[]{2}, 0);
        b.endEpisode(null, false, false);
        JsonNode stats = Json.toTree(DatasetStatistics.of(b.build()));
        assertEquals(1, stats.get("episodes").asInt());
        assertEquals("NaN", stats.get("returns").get("mean").asText());
        assertEquals("-Infinity", stats.get("spec").get("actionSpace").get("low").get(0).asText());
    }

    @Test
    void reopeningARunStartsFreshMetrics() throws IOException {
        RunDirectory first = RunDirectory.create(root, "r1");
        first.appendMetrics(row("step", 1));
        RunDirectory second = RunDirectory.create(root, "r1");
        second.appendMetrics(row("round", 1, "cost", 2.5));
        assertEquals(List.of("round,cost", "1,2.5"), Files.readAllLines(second.path().resolve(RunDirectory.METRICS)));
    }

    @Test
    void namesMustStayInsideTheRunsFolder() {
        for (String bad : new String[]{"..", "a/b", "", "x y", "../evil"})
            assertThrows(IllegalArgumentException.class, () -> RunDirectory.create(root, bad), bad);
        assertThrows(IllegalArgumentException.class, () -> RunDirectory.create(root, "ok").file("../x.png"));
    }

    @Test
    void jsonRejectsUnknownKeysOnRead() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Json.fromString("{\"algorithm\":\"bc\",\"epochs\":1,\"learningRate\":0.1,\"hidden\":[],\"epoch\":3}", Config.class));
        assertTrue(e.getMessage().contains("epoch"), e.getMessage());
    }
}
