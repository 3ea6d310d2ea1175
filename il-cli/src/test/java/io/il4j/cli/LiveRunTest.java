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

/** {@code il train bc} as a user watches and interrupts it: a live run directory, Ctrl-C, {@code --resume}. */
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
            Thread.sleep(20);
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
     * A real Ctrl-C: a child JVM runs {@code il train bc}, gets SIGINT after a few checks, writes its checkpoint and
     * prints the resume command; that command finishes the run with the weights of an uninterrupted one.
     */
    @Test
    void ctrlCKeepsACheckpointAndTheResumeCommandFinishesTheRunBitIdentically(@TempDir Path dir) throws Exception {
        Path runs = dir.resolve("runs");
        List<String> args = new ArrayList<>(List.of("train", "bc", "--data", DATA, "--policy", "gaussian", "--hidden", "32,32",
                "--steps", "5000", "--batch", "64", "--checkpoint-every", "500", "--runs", runs.toString(), "--name", "r",
                "--out", dir.resolve("resumed.zip").toString()));
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Path metrics = runs.resolve("r/metrics.csv");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (rows(metrics) < 2 && child.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
        assertTrue(child.isAlive(), "the child ran to the end before it could be interrupted; give it more steps");
        new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child did not stop after SIGINT");
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(CheckpointOptions.STOPPED, child.exitValue(), out);
        assertTrue(Files.isRegularFile(runs.resolve("r/" + CheckpointOptions.CHECKPOINT)), out);
        assertFalse(Files.exists(dir.resolve("resumed.zip")), "no policy file from a stopped run");
        String resume = out.lines().filter(l -> l.startsWith("resume with: ")).findFirst().orElseThrow(() -> new AssertionError(out))
                .substring("resume with: il ".length());
        assertTrue(resume.endsWith(" --resume") && resume.startsWith("train bc --data "), resume);
        int stoppedAt = Integer.parseInt(out.replaceAll("(?s).*stopped after step (\\d+);.*", "$1"));
        assertTrue(stoppedAt > 0 && stoppedAt < 5000, out);

        assertEquals(0, Main.run(resume.split(" ")));
        assertEquals(0, Main.run(args.stream().map(a -> a.equals("r") ? "whole" : a.replace("resumed.zip", "whole.zip"))
                .toArray(String[]::new)));
        BcPolicy resumed = (BcPolicy) Policies.load(dir.resolve("resumed.zip")), whole = (BcPolicy) Policies.load(dir.resolve("whole.zip"));
        assertArrayEquals(whole.weights().toBytes(), resumed.weights().toBytes(), "stopped at step " + stoppedAt);
        // the resumed run's metrics.csv continues the stopped one's: one row per check of the whole run
        assertEquals(rows(runs.resolve("whole/metrics.csv")), rows(metrics));
    }
}
