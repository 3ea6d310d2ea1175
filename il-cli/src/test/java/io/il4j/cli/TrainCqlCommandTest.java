package io.il4j.cli;

import io.il4j.bc.BcPolicy;
import io.il4j.bc.HeadType;
import io.il4j.core.policy.Policies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.il4j.cli.TrainEvalCommandsTest.stderrOf;
import static org.junit.jupiter.api.Assertions.*;

/** il train cql and filtered BC end to end on the shipped data, and the bad inputs the command refuses. */
class TrainCqlCommandTest {

    @Test
    void continuousCqlWritesAPolicyFileCriticsAndRunDirectoryAndEvalReadsIt(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("p.zip");
        assertEquals(0, Main.run("train", "cql", "--data", "../datasets/pendulum/medium.csv", "--action-low", "-2", "--action-high", "2",
                "--hidden", "16,16", "--steps", "20", "--eval-interval", "10", "--batch", "32", "--sampled-actions", "2",
                "--out", policy.toString(), "--runs", dir.resolve("runs").toString(), "--name", "c"));
        BcPolicy p = (BcPolicy) Policies.load(policy);
        assertEquals(HeadType.TANH_GAUSSIAN, p.config().head());
        assertTrue(Files.isRegularFile(dir.resolve("p.critics.zip")));
        for (String f : new String[]{"config.json", "dataset.json", "metrics.csv", "results.json", "report.html",
                "learning_curve.png", "critic_loss.png", "q_vs_return.png", "conservative_gap.png"})
            assertTrue(Files.isRegularFile(dir.resolve("runs/c").resolve(f)), f);
        List<String> metrics = Files.readAllLines(dir.resolve("runs/c/metrics.csv"));
        assertEquals(3, metrics.size(), "header and one row per interval");
        assertTrue(metrics.get(0).startsWith("step,epoch,train_loss,validation_loss,eval_return,td_error,conservative_gap,alpha"), metrics.get(0));
        double[] a = p.act(new double[]{1, 0, 0});
        assertTrue(a[0] >= -2 && a[0] <= 2);
        assertEquals(0, Main.run("eval", "--policy", policy.toString(), "--env", "pendulum", "--episodes", "2", "--runs", dir.toString(), "--name", "e"));
    }

    @Test
    void badInputsGetOneLineAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("p.zip");
        String err = stderrOf(() -> assertEquals(2, Main.run("train", "cql", "--data", "../datasets/pendulum/medium.csv", "--out", out.toString(),
                "--runs", dir.toString())));
        assertTrue(err.contains("finite bounds") && err.contains("--action-low"), err);
        err = stderrOf(() -> assertEquals(2, Main.run("train", "cql", "--data", "../datasets/cartpole/medium.csv", "--continuous",
                "--out", out.toString(), "--runs", dir.toString())));
        assertTrue(err.contains("continuous CQL needs continuous (Box) actions") && err.contains("--discrete"), err);
        err = stderrOf(() -> assertEquals(2, Main.run("train", "cql", "--data", "../datasets/pendulum/medium.csv", "--discrete",
                "--action-low", "-2", "--action-high", "2", "--out", out.toString(), "--runs", dir.toString())));
        assertTrue(err.contains("discrete CQL needs discrete actions"), err);
        Path noRewards = dir.resolve("nr.csv");
        Files.writeString(noRewards, "episode,obs_0,act_0\n0,0.1,1\n0,0.2,0\n0,0.3,1\n0,0.4,\n");
        err = stderrOf(() -> assertEquals(2, Main.run("train", "cql", "--data", noRewards.toString(), "--action-low", "0", "--action-high", "1",
                "--out", out.toString(), "--runs", dir.toString())));
        assertTrue(err.contains("offline RL needs rewards; BC does not"), err);
        Path outside = dir.resolve("out.csv");
        Files.writeString(outside, "episode,obs_0,act_0,reward\n0,0.1,0.5,1\n0,0.2,3,0\n0,0.3,0.1,1\n0,0.4,,\n");
        err = stderrOf(() -> assertEquals(2, Main.run("train", "cql", "--data", outside.toString(), "--action-low", "-1", "--action-high", "1",
                "--out", out.toString(), "--runs", dir.toString())));
        assertTrue(err.contains("act_0 = 3.0 at episode 0, step 1 is outside the declared box"), err);
        Path single = dir.resolve("one.csv");
        Files.writeString(single, "episode,obs_0,act_0,reward\n0,0.1,0.5,1\n0,0.2,,\n");
        err = stderrOf(() -> assertEquals(2, Main.run("train", "cql", "--data", single.toString(), "--action-low", "-1", "--action-high", "1",
                "--out", out.toString(), "--runs", dir.toString())));
        assertTrue(err.contains("at least two transitions"), err);
        assertEquals(1, err.strip().lines().count(), err);
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(dir.resolve("cql")));
    }

    @Test
    void filteredBcTrainsOnTheTopEpisodesByReturn(@TempDir Path dir) throws Exception {
        java.io.PrintStream old = System.out;
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(buf, true));
        try {
            assertEquals(0, Main.run("train", "bc", "--data", "../datasets/cartpole/medium.csv", "--top-fraction", "0.25", "--steps", "5",
                    "--hidden", "8", "--validation", "0", "--out", dir.resolve("f.zip").toString(), "--runs", dir.toString()));
        } finally {
            System.setOut(old);
        }
        assertTrue(buf.toString().contains("filtered BC: 5 of 20 episodes"), buf.toString());
        String err = stderrOf(() -> assertEquals(2, Main.run("train", "bc", "--data", "../datasets/cartpole/medium.csv", "--top-fraction", "1.5",
                "--out", dir.resolve("g.zip").toString(), "--runs", dir.toString())));
        assertTrue(err.contains("--top-fraction") && err.contains("(0, 1]"), err);
    }
}
