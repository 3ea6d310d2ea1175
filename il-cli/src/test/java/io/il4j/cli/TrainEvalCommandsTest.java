package io.il4j.cli;

import io.il4j.bc.BcNormalizers;
import io.il4j.bc.BcPolicy;
import io.il4j.core.policy.Policies;
import io.il4j.core.policy.Policy;
import io.il4j.envs.driving.DrivingObservation;
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

    /**
     * GCBC from the shipped driving-goal file with no goal options beyond --goal-conditioned: the goal columns
     * (goal_lane_index, goal_speed) name the observation dims relabeling takes achieved goals from; eval appends the
     * episode's goal for that policy, and runs a goal-blind policy (plain BC) in the same env on its observation alone.
     */
    @Test
    void gcbcOnDrivingGoalDataRelabelsFromLaneAndSpeedAndEvalReportsSuccess(@TempDir Path dir) throws Exception {
        Path runs = dir.resolve("runs");
        Path gcbc = dir.resolve("gcbc.zip"), blind = dir.resolve("blind.zip");
        String data = "../datasets/driving-goal/expert.csv";
        assertEquals(0, Main.run("train", "bc", "--data", data, "--policy", "mse", "--goal-conditioned", "--relabel", "future",
                "--hidden", "16", "--steps", "20", "--out", gcbc.toString(), "--runs", runs.toString(), "--name", "g"));
        BcPolicy p = (BcPolicy) Policies.load(gcbc);
        assertEquals(2, p.goalDim());
        BcNormalizers n = p.normalizers();
        assertEquals(n.observation().mean(DrivingObservation.LANE_INDEX), n.goal().mean(0), "goal 0 is the lane index");
        assertEquals(n.observation().mean(DrivingObservation.SPEED), n.goal().mean(1), "goal 1 is the speed");
        assertEquals(0, Main.run("train", "bc", "--data", data, "--policy", "mse", "--hidden", "16", "--steps", "20",
                "--out", blind.toString(), "--runs", runs.toString(), "--name", "b"));
        for (Path policy : new Path[]{gcbc, blind}) {
            String name = "eval-" + policy.getFileName();
            assertEquals(0, Main.run("eval", "--policy", policy.toString(), "--env", "driving-goal", "-o", "max_steps=20",
                    "--episodes", "2", "--runs", runs.toString(), "--name", name));
            String results = Files.readString(runs.resolve(name + "/results.json"));
            assertTrue(results.contains("\"success\""), results);
        }
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
        // an explicit gaussian is refused too (it once became categorical silently, like the default does)
        String err = stderrOf(() -> assertEquals(2, Main.run("train", "bc", "--data", csv.toString(), "--policy", "gaussian",
                "--steps", "5", "--out", dir.resolve("p.zip").toString(), "--runs", dir.resolve("runs").toString())));
        assertTrue(err.startsWith("il train bc: error: ") && err.contains("--policy categorical"), err);
        // the default head follows the action space
        assertEquals(0, Main.run("train", "bc", "--data", csv.toString(), "--steps", "5", "--validation", "0",
                "--out", dir.resolve("auto.zip").toString(), "--runs", dir.resolve("runs").toString()));
        assertTrue(Files.isDirectory(dir.resolve("runs/bc-categorical")));
    }

    @Test
    void trainerMessagesNameTheFlagsNotTheConfigFields(@TempDir Path dir) throws Exception {
        assertEquals("validation needs 2 episodes: set --validation 0 or add episodes; --lr must be > 0",
                BcConfigFlags.inFlags("validation needs 2 episodes: set validationFraction=0 or add episodes; learningRate must be > 0"));
        assertEquals("the Gaussian head keeps its history", BcConfigFlags.inFlags("the Gaussian head keeps its history"));
        Path csv = Files.writeString(dir.resolve("one.csv"), """
                episode,obs_0,act_0
                0,0.1,1
                0,0.2,0
                0,0.3,
                """);
        String err = stderrOf(() -> assertEquals(2, Main.run("train", "bc", "--data", csv.toString(),
                "--out", dir.resolve("p.zip").toString(), "--runs", dir.resolve("runs").toString())));
        assertTrue(err.contains("--validation") && !err.contains("validationFraction"), err);
    }

    @Test
    void evalInAnEnvironmentWithOtherObservationsSaysSoBeforeRollingOut(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("p.zip"), runs = dir.resolve("runs");
        assertEquals(0, Main.run("train", "bc", "--data", "../datasets/sample/driving-expert.csv", "--policy", "mse",
                "--steps", "5", "--out", policy.toString(), "--runs", runs.toString()));
        String err = stderrOf(() -> assertEquals(2, Main.run("eval", "--policy", policy.toString(), "--env", "cartpole",
                "--episodes", "1", "--runs", runs.toString())));
        assertTrue(err.contains(policy.toString()) && err.contains("cartpole gives 4"), err);
    }

    @Test
    void evalInAnEnvironmentWithOtherActionsSaysSoBeforeRollingOut(@TempDir Path dir) throws Exception {
        // four observations like CartPole's, but one continuous action where CartPole has two discrete ones
        Path csv = Files.writeString(dir.resolve("d.csv"), """
                episode,obs_0,obs_1,obs_2,obs_3,act_0
                0,0.1,0,0,0,0.5
                0,0.2,0,0,0,-0.5
                0,0.3,0,0,0,
                """);
        Path policy = dir.resolve("p.zip"), runs = dir.resolve("runs");
        assertEquals(0, Main.run("train", "bc", "--data", csv.toString(), "--policy", "mse", "--steps", "5", "--validation", "0",
                "--out", policy.toString(), "--runs", runs.toString()));
        String err = stderrOf(() -> assertEquals(2, Main.run("eval", "--policy", policy.toString(), "--env", "cartpole",
                "--episodes", "1", "--runs", runs.toString(), "--name", "e")));
        assertTrue(err.contains(policy.toString()) && err.contains("continuous (1-dim Box)") && err.contains("discrete (2 choices)"), err);
        assertTrue(Files.notExists(runs.resolve("e")), "nothing written for a refused evaluation");
    }

    @Test
    void aDirectoryGivenWhereAFileIsExpectedIsReportedAsADirectory(@TempDir Path dir) throws Exception {
        String err = stderrOf(() -> assertEquals(3, Main.run("eval", "--policy", dir.toString(), "--env", "cartpole")));
        assertTrue(err.contains(dir + ": is a directory; expected a policy file"), err);
        err = stderrOf(() -> assertEquals(3, Main.run("inspect", dir.toString())));
        assertTrue(err.contains("is a directory"), err);
    }

    /** What {@code body} printed on standard error (picocli's error writer wraps System.err at construction). */
    static String stderrOf(Runnable body) {
        java.io.PrintStream old = System.err;
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(buffer, true));
        try {
            body.run();
        } finally {
            System.setErr(old);
        }
        return buffer.toString();
    }
}
