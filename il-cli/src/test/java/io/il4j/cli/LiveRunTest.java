package io.il4j.cli;

import io.il4j.bc.BcPolicy;
import io.il4j.core.policy.Policies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** {@code il train bc} and {@code il train cql} as a user watches and interrupts them: a live run directory, Ctrl-C, {@code --resume}. */
class LiveRunTest {

    private static final String DATA = "../datasets/sample/driving-expert.csv";

    private static int rows(Path csv) throws IOException {
        if (!Files.exists(csv)) return -1;
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        return Math.max(0, lines.size() - 1);
    }

    @Test
    void theRunDirectoryFillsWhileTrainingRuns(@TempDir Path dir) throws Exception {
        Path runs = dir.resolve("runs"), metrics = runs.resolve("live/metrics.csv");
        AtomicInteger exit = new AtomicInteger(-1);
        Thread training = new Thread(() -> exit.set(Main.run("train", "bc", "--data", DATA, "--policy", "mse", "--hidden", "32,32",
                "--steps", "3000", "--batch", "64", "--out", dir.resolve("p.zip").toString(), "--runs", runs.toString(),
                "--name", "live")));
        training.start();
        TreeSet<Integer> seenWhileRunning = new TreeSet<>();
        boolean configEarly = false;
        while (training.isAlive()) {
            int n = rows(metrics);
            if (n > 0) {
                seenWhileRunning.add(n);
                configEarly |= Files.isRegularFile(runs.resolve("live/config.json")) && !Files.exists(runs.resolve("live/results.json"));
            }
            Thread.sleep(5);
        }
        training.join();
        assertEquals(0, exit.get());
        assertTrue(configEarly, "config.json exists while training runs, before results.json");
        assertTrue(seenWhileRunning.size() >= 3, "metrics.csv grew row by row while training ran: saw row counts " + seenWhileRunning);
        int total = rows(metrics);
        assertTrue(total >= seenWhileRunning.last(), total + " rows at the end");
        assertTrue(Files.isRegularFile(runs.resolve("live/results.json")));
        assertTrue(Files.isRegularFile(runs.resolve("live/learning_curve.png")));
        String header = Files.readAllLines(metrics).get(0);
        assertEquals("step,epoch,train_loss,validation_loss,eval_return,seconds", header);
    }

    /**
     * A real stop signal: a child JVM runs {@code il train bc}, gets SIGTERM after a few checks, writes its checkpoint
     * and prints the resume command; that command finishes the run with the weights of an uninterrupted one. Ctrl-C
     * (SIGINT) takes the same path (the JVM's shutdown hook), but SIGTERM is the signal a test can rely on: a JVM
     * started from a background job of a non-interactive shell (as {@code mvn verify &}) inherits SIGINT ignored.
     */
    @Test
    void aStopSignalKeepsACheckpointAndTheResumeCommandFinishesTheRunBitIdentically(@TempDir Path dir) throws Exception {
        assertStoppedAndResumedBitIdentically(dir, "bc", List.of("--data", DATA, "--policy", "gaussian", "--hidden", "32,32",
                "--steps", "1200", "--patience", "0", "--batch", "64"));
    }

    /** The same for {@code il train cql}: its resume command ends with the policy and critics of an uninterrupted run. */
    @Test
    void aStoppedCqlRunResumesToThePolicyAndCriticsOfAnUninterruptedOne(@TempDir Path dir) throws Exception {
        assertStoppedAndResumedBitIdentically(dir, "cql", List.of("--data", "../datasets/pendulum/medium.csv", "--action-low", "-2",
                "--action-high", "2", "--hidden", "32,32", "--steps", "400", "--eval-interval", "40", "--batch", "64",
                "--sampled-actions", "3"));
        for (String critic : List.of("critic_0.bin", "critic_1.bin"))
            assertArrayEquals(entry(dir.resolve("whole.critics.zip"), critic), entry(dir.resolve("resumed.critics.zip"), critic), critic);
    }

    private static byte[] entry(Path zip, String name) throws IOException {
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            return z.getInputStream(z.getEntry(name)).readAllBytes();
        }
    }

    /**
     * Runs {@code il train <trainer> <options>} in a child JVM, stops it with SIGTERM after two checks, runs the resume
     * command it prints, then the same training uninterrupted, and compares the two policy files' weights and metrics.
     */
    private static void assertStoppedAndResumedBitIdentically(Path dir, String trainer, List<String> options) throws Exception {
        Path runs = dir.resolve("runs");
        // the child checkpoints after every step, which keeps it busy long enough to be interrupted mid-run on a fast
        // machine; the checkpoint cadence is not part of the configuration, so the resumed and the reference runs skip it
        List<String> args = new ArrayList<>(List.of("train", trainer));
        args.addAll(options);
        args.addAll(List.of("--checkpoint-every", "1", "--runs", runs.toString(), "--name", "r", "--out", dir.resolve("resumed.zip").toString()));
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        Path childOut = dir.resolve("child-stdout.txt");
        Process child = new ProcessBuilder(command).redirectError(dir.resolve("child-stderr.txt").toFile())
                .redirectOutput(childOut.toFile()).start();
        Path metrics = runs.resolve("r/metrics.csv");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (rows(metrics) < 2 && child.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
        assertTrue(child.isAlive(), "the child ran to the end before it could be interrupted; give it more steps");
        child.destroy(); // SIGTERM
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child did not stop after SIGTERM");
        String out = Files.readString(childOut) + "\n--- stderr:\n" + Files.readString(dir.resolve("child-stderr.txt"));
        assertEquals(128 + 15, child.exitValue(), "exit status of a JVM ended by SIGTERM\n" + out);
        assertTrue(Files.isRegularFile(runs.resolve("r/" + CheckpointOptions.CHECKPOINT)), out);
        assertFalse(Files.exists(dir.resolve("resumed.zip")), "no policy file from a stopped run");
        String resume = out.lines().filter(l -> l.startsWith("resume with: ")).findFirst().orElseThrow(() -> new AssertionError(out))
                .substring("resume with: il ".length());
        assertTrue(resume.endsWith(" --resume") && resume.startsWith("train " + trainer + " --data "), resume);
        int stoppedAt = Integer.parseInt(out.replaceAll("(?s).*stopped after step (\\d+);.*", "$1"));
        int steps = Integer.parseInt(options.get(options.indexOf("--steps") + 1));
        assertTrue(stoppedAt > 0 && stoppedAt < steps, out);

        assertTrue(resume.contains(" --checkpoint-every 1 "), resume);
        assertEquals(0, Main.run(resume.replace(" --checkpoint-every 1 ", " --checkpoint-every 0 ").split(" ")));
        assertEquals(0, Main.run(args.stream().map(a -> a.equals("r") ? "whole" : a.equals("1") ? "0" : a.replace("resumed.zip", "whole.zip"))
                .toArray(String[]::new)));
        BcPolicy resumed = (BcPolicy) Policies.load(dir.resolve("resumed.zip")), whole = (BcPolicy) Policies.load(dir.resolve("whole.zip"));
        assertArrayEquals(whole.weights().toBytes(), resumed.weights().toBytes(), "stopped at step " + stoppedAt);
        // the resumed run's metrics.csv continues the stopped one's: one row per check of the whole run
        assertEquals(rows(runs.resolve("whole/metrics.csv")), rows(metrics));
    }

    /** {@code il train iqlearn} (offline, continuous): the same, for its policy and reward networks, with evaluations in metrics.csv. */
    @Test
    void aStoppedIqLearnRunResumesToThePolicyAndRewardOfAnUninterruptedOne(@TempDir Path dir) throws Exception {
        assertStoppedAndResumedBitIdentically(dir, "iqlearn", List.of("--data", "../datasets/pendulum/expert.csv", "--env", "pendulum",
                "--hidden", "16,16", "--batch", "32", "--steps", "600", "--eval-every", "200", "--eval-episodes", "2"));
        assertArrayEquals(entry(dir.resolve("whole-reward.zip"), "critic.bin"), entry(dir.resolve("resumed-reward.zip"), "critic.bin"));
        Path runs = dir.resolve("runs");
        List<String> lines = Files.readAllLines(runs.resolve("whole/metrics.csv"));
        int ret = List.of(lines.get(0).split(",")).indexOf("eval_return");
        assertEquals(List.of("200", "400", "600"), lines.stream().skip(1).filter(l -> !l.split(",")[ret].equals("NaN"))
                .map(l -> l.split(",")[0]).toList(), "evaluation rows every --eval-every steps");
        assertTrue(Files.readString(runs.resolve("r/report.html")).contains("eval_return"));
    }

    @Test
    void onlineIqLearnRefusesToResume(@TempDir Path dir) {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.err;
        int code;
        try {
            System.setErr(new java.io.PrintStream(err, true));
            code = Main.run("train", "iqlearn", "--data", "../datasets/cartpole/expert.csv", "--env", "cartpole", "--online", "--resume",
                    "--runs", dir.resolve("runs").toString(), "--out", dir.resolve("p.zip").toString());
        } finally {
            System.setErr(old);
        }
        assertNotEquals(0, code);
        assertTrue(err.toString().contains("--resume: online IQ-Learn keeps no checkpoints"), err.toString());
        assertFalse(Files.exists(dir.resolve("runs")), "nothing written");
    }
}
