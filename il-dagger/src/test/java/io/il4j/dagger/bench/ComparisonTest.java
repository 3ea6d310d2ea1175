package io.il4j.dagger.bench;

import io.il4j.dagger.BetaSchedule;
import io.il4j.dagger.DartConfig;
import io.il4j.dagger.TakeoverRule;
import io.il4j.dagger.testing.NearestNeighbourLearner;
import io.il4j.dagger.testing.UnstableLane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The benchmark pipeline end to end on the cheap {@link UnstableLane} task. */
class ComparisonTest {

    static BenchmarkTask laneTask() {
        return new BenchmarkTask("lane", UnstableLane::new, UnstableLane.EXPERT, new NearestNeighbourLearner(),
                8, 1, 100, 400, BetaSchedule.expertFirstRound(), DartConfig.NoiseMode.FIXED, 0.05, 1,
                TakeoverRule.stateDeviation(0.05, 0), 10, 30, 200, new int[]{25, 50, 100, 200, 400}, 10, null, "off_road");
    }

    @Test
    void benchmarkWritesResultsTablePlotsAndTheClaimsHoldOnTheLaneTask(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        List<Comparison.TaskResult> results = BcVsDaggerBenchmark.run(List.of(laneTask()), List.of(Method.values()),
                new long[]{0, 1}, dir.resolve("bench"), new PrintStream(console, true));

        Comparison.TaskResult r = results.get(0);
        assertEquals(4, r.methods().size());
        for (Comparison.MethodSummary m : r.methods()) {
            assertEquals(2, m.seeds().size());
            assertTrue(m.labels() <= 400, m.method() + " used " + m.labels() + " labels");
            assertEquals(5, m.costMean().length);
        }
        assertEquals(400, r.method(Method.BC).labels());
        assertEquals(400, r.method(Method.DAGGER).labels());
        // BC's curve: policies trained on 100, 200, 300 labels (rounds 2-4) and the final one on 400.
        assertArrayEquals(new double[]{100, 200, 300, 400}, r.method(Method.BC).curveLabels());
        Comparison.Claims c = r.claims();
        assertTrue(c.allHold(), BcVsDaggerBenchmark.claimsText(r));
        String out = console.toString();
        System.out.print(out);
        assertTrue(out.contains("cost@400") && out.contains("HG-DAgger") && out.contains("claim <= 0.5: holds"), out);
        Path bench = dir.resolve("bench");
        for (String f : List.of("results.json", "config.json", "lane_cost_vs_horizon.png", "lane_return_vs_labels.png"))
            assertTrue(Files.size(bench.resolve(f)) > 0, f);
        assertTrue(Files.exists(bench.resolve("lane/bc-seed1/round-004.json")));
        String json = Files.readString(bench.resolve("results.json"));
        assertTrue(json.contains("\"costRatio\"") && json.contains("\"slopeOfMeanCost\""), json.substring(0, 400));
    }
}
