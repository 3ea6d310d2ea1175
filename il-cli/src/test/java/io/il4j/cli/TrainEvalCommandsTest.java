package io.il4j.cli;

import io.il4j.core.policy.Policies;
import io.il4j.core.policy.Policy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The train → policy file → eval path a user takes, end to end on the shipped sample. */
class TrainEvalCommandsTest {

    @Test
    void trainBcWritesALoadablePolicyAndRunDirectoryAndEvalWritesResults(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("p.zip");
        Path runs = dir.resolve("runs");
        assertEquals(0, Main.run("train", "bc", "--data", "../datasets/sample/driving-expert.csv", "--policy", "mse",
                "--hidden", "32,32", "--steps", "200", "--out", policy.toString(), "--runs", runs.toString(), "--name", "t"));
        Policy p = Policies.load(policy);
        double[] a = p.act(new double[22]);
        assertEquals(2, a.length);
        assertTrue(Files.isRegularFile(runs.resolve("t/config.json")));
        assertTrue(Files.isRegularFile(runs.resolve("t/metrics.csv")));
        assertTrue(Files.isRegularFile(runs.resolve("t/learning_curve.png")));

        assertEquals(0, Main.run("eval", "--policy", policy.toString(), "--env", "driving", "-o", "max_steps=50",
                "--episodes", "2", "--runs", runs.toString(), "--name", "e"));
        String results = Files.readString(runs.resolve("e/results.json"));
        assertTrue(results.contains("\"episodes\" : 2"), results);
    }

    @Test
    void gaussianHeadOnDiscreteDataIsRejectedWithAHint(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("d.csv"), """
                episode,obs_0,act
                0,0.1,1
                0,0.2,0
                0,0.3,
                """);
        assertEquals(2, Main.run("train", "bc", "--data", csv.toString(), "--policy", "mdn", "--steps", "5",
                "--out", dir.resolve("p.zip").toString(), "--runs", dir.resolve("runs").toString()));
    }
}
