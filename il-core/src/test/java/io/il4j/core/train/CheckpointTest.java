package io.il4j.core.train;

import com.fasterxml.jackson.databind.JsonNode;
import io.il4j.core.data.MinibatchSampler;
import io.il4j.core.nn.Activation;
import io.il4j.core.nn.Adam;
import io.il4j.core.nn.MlpSpec;
import io.il4j.core.nn.MlpWeights;
import io.il4j.core.report.Json;
import io.il4j.core.report.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class CheckpointTest {

    @TempDir
    Path dir;

    record Loop(double best, double last, int count) {
    }

    private static Checkpoint sample() {
        MlpWeights w = MlpWeights.initialize(3, new MlpSpec(List.of(4), Activation.RELU, false), 2, 7);
        float[] m = {0.5f, -1e-9f, Float.MIN_VALUE}, v = {1f, 2f, 3f};
        List<LearningCurvePoint> curve = List.of(
                new LearningCurvePoint(10, 0.5, 1.25, Double.NaN, Double.NaN, Map.of(), 0.1),
                new LearningCurvePoint(20, 1.0, 0.75, 0.8, 12.5, Map.of("collision", 0.25), Map.of("td_error", 0.125), 0.2));
        return new Checkpoint("test", 20, Json.fromString("{\"lr\":0.001,\"hidden\":[4]}", JsonNode.class), "abc123",
                Map.of("policy", w, "target", w.copy()), Map.of("policy", new Adam.State(m, v, 20)),
                Map.of("train", new MinibatchSampler.State(20)), curve,
                Json.toTree(new Loop(Double.POSITIVE_INFINITY, Double.NaN, 3)));
    }

    @Test
    void writesAndReadsBackEveryPartExactly() throws IOException {
        Checkpoint c = sample();
        Path f = dir.resolve("c.zip");
        c.write(f);
        Checkpoint back = Checkpoint.read(f);
        assertEquals("test", back.trainer());
        assertEquals(20, back.step());
        assertEquals(c.config(), back.config());
        assertArrayEquals(c.network("policy").toBytes(), back.network("policy").toBytes());
        assertArrayEquals(c.network("target").toBytes(), back.network("target").toBytes());
        assertEquals(c.optimizer("policy"), back.optimizer("policy"));
        assertEquals(c.sampler("train"), back.sampler("train"));
        assertEquals(c.curve(), back.curve());
        Loop loop = Json.mapper().convertValue(back.loop(), Loop.class);
        assertEquals(Double.POSITIVE_INFINITY, loop.best());
        assertTrue(Double.isNaN(loop.last()));
        assertEquals(3, loop.count());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList(), "no temporary file left");
        }
    }

    @Test
    void aResumeOfAnotherRunIsRefusedNamingTheDifference() {
        Checkpoint c = sample();
        var e = assertThrows(IllegalArgumentException.class,
                () -> c.requireSameRun("test", Json.fromString("{\"lr\":0.002,\"hidden\":[4]}", JsonNode.class), "abc123"));
        assertTrue(e.getMessage().contains("lr 0.001 -> 0.002"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> c.requireSameRun("cql", c.config(), "abc123"));
        assertTrue(e.getMessage().contains("test trainer, not cql"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.requireSameRun("test", c.config(), "other"));
        c.requireSameRun("test", c.config(), "abc123");
    }

    @Test
    void damagedOrForeignFilesNameTheProblem() throws IOException {
        Path f = dir.resolve("c.zip");
        sample().write(f);
        byte[] b = Files.readAllBytes(f);
        Files.write(dir.resolve("half.zip"), java.util.Arrays.copyOf(b, b.length / 2));
        var e = assertThrows(IOException.class, () -> Checkpoint.read(dir.resolve("half.zip")));
        assertTrue(e.getMessage().contains("not a readable zip"), e.getMessage());
        Path policyLike = dir.resolve("p.zip");
        io.il4j.core.policy.PolicyArchive.writer("bc", "test").putText("x.txt", "1").writeTo(policyLike);
        e = assertThrows(IOException.class, () -> Checkpoint.read(policyLike));
        assertTrue(e.getMessage().contains("not an il4j checkpoint"), e.getMessage());
        e = assertThrows(IOException.class, () -> Checkpoint.read(dir));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    }

    @Test
    void recorderAppendsOneRowPerCheckAndRewritesWhenAColumnFirstAppears() throws IOException {
        RunDirectory run = RunDirectory.create(dir, "r");
        RunRecorder rec = new RunRecorder(run, "curve", List.of(), 0);
        rec.onCheckpoint(new LearningCurvePoint(5, 1, 2.0, 1.5, Double.NaN, Map.of(), 0.1), true);
        assertEquals(List.of("step,epoch,train_loss,validation_loss,eval_return,seconds", "5,1.0,2.0,1.5,NaN,0.1"),
                Files.readAllLines(run.file(RunDirectory.METRICS)));
        assertTrue(Files.isRegularFile(run.file(RunRecorder.LEARNING_CURVE)));
        rec.onCheckpoint(new LearningCurvePoint(10, 2, 1.0, 1.2, 7.5, Map.of("success", 1.0), 0.2), true);
        assertEquals(List.of("step,epoch,train_loss,validation_loss,eval_return,eval_success,seconds",
                "5,1.0,2.0,1.5,NaN,NaN,0.1", "10,2.0,1.0,1.2,7.5,1.0,0.2"), Files.readAllLines(run.file(RunDirectory.METRICS)));
        rec.onCheckpoint(new LearningCurvePoint(15, 3, 0.5, 1.1, Double.NaN, Map.of(), 0.3), false);
        assertEquals(4, Files.readAllLines(run.file(RunDirectory.METRICS)).size());
        assertTrue(Files.isRegularFile(run.file(RunRecorder.EVAL_RETURN)));

        // a resumed run starts from the earlier curve's rows
        RunDirectory again = RunDirectory.open(dir, "r");
        new RunRecorder(again, "curve", rec.points().subList(0, 2), 0);
        assertEquals(3, Files.readAllLines(again.file(RunDirectory.METRICS)).size());
    }
}
