package io.il4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.il4j.core.report.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.il4j.cli.TrainEvalCommandsTest.stderrOf;
import static org.junit.jupiter.api.Assertions.*;

class IrlCommandsTest {

    @TempDir
    Path dir;

    @Test
    void maxEntIrlOnGridWorldRecoversTheReward() throws Exception {
        Path data = dir.resolve("grid.csv");
        assertEquals(0, Main.run("generate", "--env", "gridworld", "--policy", "expert", "--episodes", "30", "--seed", "1", "--out", data.toString()));
        Path out = dir.resolve("reward.csv");
        assertEquals(0, Main.run("train", "maxent-irl", "--env", "gridworld", "--data", data.toString(), "--out", out.toString(),
                "--runs", dir.toString()));
        JsonNode r = Json.readTree(dir.resolve("maxent-irl/results.json"));
        assertTrue(r.get("pearson").asDouble() >= 0.9, r.toString());
        assertTrue(r.get("policy_agreement").asDouble() >= 0.95, r.toString());
        assertEquals(26, Files.readAllLines(out).size()); // header + 25 states
        assertTrue(Files.readString(dir.resolve("maxent-irl/report.html")).contains("pearson"), "the run's report shows its results");

        // IQ-Learn's reward on the same grid, tabulated with the exact model by il reward eval
        Path policy = dir.resolve("grid-iq.zip");
        assertEquals(0, Main.run("train", "iqlearn", "--data", data.toString(), "--env", "gridworld", "--gamma", "0.95", "--steps", "1500",
                "--out", policy.toString(), "--runs", dir.toString(), "--name", "grid-iq"));
        assertEquals(0, Main.run("reward", "eval", "--reward", dir.resolve("grid-iq-reward.zip").toString(), "--env", "gridworld",
                "--episodes", "3", "--runs", dir.toString(), "--name", "grid-eval"));
        JsonNode tab = Json.readTree(dir.resolve("grid-eval/results.json")).get("tabular");
        double epic = tab.get("epic").asDouble();
        assertTrue(epic >= 0 && epic <= 1, tab.toString());
        double shaped = tab.get("shaped_pearson").asDouble();
        assertTrue(shaped >= -1 && shaped <= 1, tab.toString());
        // the greedy policy re-trained on the recovered reward earns at least 90% of the expert's return
        assertTrue(tab.get("greedy_return_on_recovered").asDouble() >= 0.9 * tab.get("expert_return").asDouble(), tab.toString());
    }

    @Test
    void maxEntIrlRefusesAnEnvironmentWithoutATabularModel() throws Exception {
        String err = stderrOf(() -> assertEquals(2, Main.run("train", "maxent-irl", "--env", "cartpole", "--data",
                "../datasets/cartpole/expert.csv", "--out", dir.resolve("r.csv").toString(), "--runs", dir.toString())));
        assertTrue(err.contains("no exact tabular model"), err);
        assertFalse(Files.exists(dir.resolve("r.csv")));
    }

    @Test
    void iqLearnWritesPolicyAndRewardThatEvalAndExportRead() throws Exception {
        Path policy = dir.resolve("iq.zip");
        assertEquals(0, Main.run("train", "iqlearn", "--data", "../datasets/cartpole/expert.csv", "--steps", "200", "--hidden", "16",
                "--out", policy.toString(), "--env", "cartpole", "--eval-episodes", "2", "--runs", dir.toString()));
        Path reward = dir.resolve("iq-reward.zip");
        assertTrue(Files.isRegularFile(reward));
        List<String> metrics = Files.readAllLines(dir.resolve("iqlearn/metrics.csv"));
        assertEquals("step,epoch,train_loss,validation_loss,eval_return,expert_reward,value_term,chi2_penalty,seconds", metrics.get(0));
        assertEquals(4, metrics.size(), "header + steps 1, 100 and 200");
        assertTrue(Files.isRegularFile(dir.resolve("iqlearn/learning_curve.png")));
        assertTrue(Files.isRegularFile(dir.resolve("iqlearn/report.html")));
        assertEquals(Json.readTree(dir.resolve("iqlearn/results.json")).get("eval_return").asDouble(),
                Json.readTree(dir.resolve("iqlearn/results.json")).get("evaluation").get("totalReturn").get("mean").asDouble());
        assertEquals(0, Main.run("eval", "--policy", policy.toString(), "--env", "cartpole", "--episodes", "2", "--runs", dir.toString()));
        Path csv = dir.resolve("scored.csv");
        assertEquals(0, Main.run("reward", "export", "--reward", reward.toString(), "--data", "../datasets/cartpole/expert.csv",
                "--out", csv.toString()));
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).endsWith(",recovered_reward"), lines.get(0));
        assertFalse(lines.get(1).endsWith(","), "a step row carries a reward: " + lines.get(1));
        assertEquals(0, Main.run("reward", "eval", "--reward", reward.toString(), "--env", "cartpole", "--episodes", "2",
                "--runs", dir.toString()));
        assertTrue(Files.isRegularFile(dir.resolve("reward-eval/scatter.png")));
    }

    @Test
    void iqLearnBadInputsFailWithOneLineAndWriteNothing() throws Exception {
        Path one = dir.resolve("one.csv");
        Files.writeString(one, "episode,obs_0,act\n0,0.5,1\n0,0.7,\n");
        Path out = dir.resolve("p.zip");
        String err = stderrOf(() -> assertEquals(2, Main.run("train", "iqlearn", "--data", one.toString(), "--out", out.toString(),
                "--runs", dir.toString())));
        assertTrue(err.contains("at least 2 expert transitions"), err);
        err = stderrOf(() -> assertEquals(2, Main.run("train", "iqlearn", "--data", "../datasets/cartpole/expert.csv", "--online",
                "--env", "nosuchenv", "--out", out.toString(), "--runs", dir.toString())));
        assertTrue(err.contains("nosuchenv"), err);
        err = stderrOf(() -> assertEquals(2, Main.run("train", "iqlearn", "--data", "../datasets/cartpole/expert.csv", "--online",
                "--env", "pendulum", "--out", out.toString(), "--runs", dir.toString())));
        assertTrue(err.contains("action space"), err);
        err = stderrOf(() -> assertEquals(2, Main.run("train", "iqlearn", "--data", "../datasets/pendulum/expert.csv", "--online",
                "--env", "cartpole", "--out", out.toString(), "--runs", dir.toString())));
        assertTrue(err.contains("action space"), err);
        err = stderrOf(() -> assertEquals(2, Main.run("train", "iqlearn", "--data", "../datasets/cartpole/expert.csv", "--online",
                "--out", out.toString(), "--runs", dir.toString())));
        assertTrue(err.contains("--online needs --env"), err);
        err = stderrOf(() -> assertEquals(2, Main.run("train", "iqlearn", "--data", "../datasets/cartpole/expert.csv", "--online",
                "--env", "cartpole", "--absorbing-weight", "twice", "--out", out.toString(), "--runs", dir.toString())));
        assertTrue(err.contains("--absorbing-weight must be discounted or once"), err);
        // continuous data without bounds and without an environment to take them from
        err = stderrOf(() -> assertEquals(2, Main.run("train", "iqlearn", "--data", "../datasets/pendulum/expert.csv",
                "--out", out.toString(), "--runs", dir.toString())));
        assertTrue(err.contains("finite action bounds"), err);
        for (String e : err.split("\n")) assertFalse(e.startsWith("\tat "), "no stack trace: " + err);
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(dir.resolve("p-reward.zip")));
    }

    /** Online continuous IQ-Learn takes V(s') from a target critic unless told otherwise; offline does not. */
    @Test
    void onlineContinuousDefaultsToATargetCritic() throws Exception {
        for (boolean online : new boolean[]{true, false}) {
            String name = online ? "on" : "off";
            List<String> args = new java.util.ArrayList<>(List.of("train", "iqlearn", "--data", "../datasets/pendulum/expert.csv", "--env",
                    "pendulum", "--steps", "1020", "--start-steps", "1000", "--hidden", "8", "--batch", "16", "--eval-every", "0",
                    "--eval-episodes", "1", "--out", dir.resolve(name + ".zip").toString(), "--runs", dir.toString(), "--name", name));
            if (online) args.add("--online");
            assertEquals(0, Main.run(args.toArray(String[]::new)));
            assertEquals(online ? 0.005 : 0.0, Json.readTree(dir.resolve(name + "/config.json")).get("iqlearn").get("targetTau").asDouble());
        }
    }
}
