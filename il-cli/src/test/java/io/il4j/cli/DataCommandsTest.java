package io.il4j.cli;

import io.il4j.core.data.Dataset;
import io.il4j.core.io.DatasetFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataCommandsTest {

    private static final String GOOD = """
            episode,t,obs_0,obs_1,act_0,reward,terminated,truncated
            0,0,0.1,0.2,1.0,1,,
            0,1,0.2,0.3,0.5,1,,
            0,2,0.3,0.4,,,1,0
            1,0,0.0,0.0,0.1,0.5,,
            1,1,0.1,0.1,0.1,0.5,0,1
            """;

    @TempDir
    Path dir;

    private record Outcome(int exit, String out, String err) {
    }

    private Outcome run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        try {
            int code = cl.execute(args);
            return new Outcome(code, out.toString(), err.toString());
        } finally {
            System.setOut(oldOut);
        }
    }

    @Test
    void convertWritesShardsThatInspectAndTrainReadAndACorruptShardIsOneLineNamingIt() throws Exception {
        Path csv = Files.writeString(dir.resolve("demo.csv"), GOOD);
        Path shards = dir.resolve("shards");
        Outcome c = run("convert", csv.toString(), shards.toString(), "--shard-steps", "2");
        assertEquals(0, c.exit, c.err);
        assertTrue(c.out.contains("2 shards, 2 episodes, 4 steps"), c.out);
        Outcome i = run("inspect", shards.toString());
        assertEquals(0, i.exit, i.err);
        assertTrue(i.out.contains("every shard's SHA-256 matches the manifest"), i.out);
        assertTrue(i.out.matches("(?s).*return\\s+1\\.500.*"), i.out);
        // --data accepts the directory: converted back to one file, it equals the CSV
        Path npz = dir.resolve("back.npz");
        assertEquals(0, run("convert", shards.toString(), npz.toString()).exit);
        assertEquals(DatasetFiles.load(csv).dataset().contentHash(), DatasetFiles.load(npz).dataset().contentHash());
        Outcome t = run("train", "bc", "--data", shards.toString(), "--validation", "0", "--steps", "5", "--hidden", "8",
                "--out", dir.resolve("p.zip").toString(), "--runs", dir.resolve("runs").toString());
        assertEquals(0, t.exit, t.err);
        assertTrue(t.out.contains("training gaussian BC on ShardedDataset[shards: 2 shards"), t.out);

        Path shard = shards.resolve("shard-00001.npz");
        byte[] bytes = Files.readAllBytes(shard);
        bytes[bytes.length - 30] ^= 0x10;
        Files.write(shard, bytes);
        Outcome bad = run("inspect", shards.toString());
        assertEquals(2, bad.exit);
        assertEquals(1, bad.err.strip().lines().count(), bad.err);
        assertTrue(bad.err.contains(shard + ": has SHA-256"), bad.err);
        Files.delete(shard);
        Outcome missing = run("train", "bc", "--data", shards.toString(), "--validation", "0", "--out", dir.resolve("q.zip").toString());
        assertEquals(2, missing.exit);
        assertTrue(missing.err.contains(shard + ": is missing"), missing.err);
    }

    @Test
    void inspectPrintsStatistics() throws Exception {
        Path csv = Files.writeString(dir.resolve("demo.csv"), GOOD);
        Outcome o = run("inspect", csv.toString());
        assertEquals(0, o.exit, o.err);
        assertTrue(o.out.contains("2 episodes, 4 steps"), o.out);
        assertTrue(o.out.matches("(?s).*return\\s+1\\.500.*"), o.out);
    }

    @Test
    void badCellIsReportedWithFileLineAndColumnAndExitCode2() throws Exception {
        Path csv = Files.writeString(dir.resolve("bad.csv"), GOOD.replace("1,1,0.1,0.1,", "1,1,0.1,zz,"));
        Outcome o = run("inspect", csv.toString());
        assertEquals(2, o.exit);
        assertTrue(o.err.contains("bad.csv:6: column 'obs_1'"), o.err);
    }

    @Test
    void tabSeparatedFileNamesTheDelimiterOptionWhichReadsIt() throws Exception {
        Path tsv = Files.writeString(dir.resolve("tabs.csv"), GOOD.replace(',', '\t'));
        Outcome wrong = run("inspect", tsv.toString());
        assertEquals(2, wrong.exit);
        assertTrue(wrong.err.contains("contains a tab") && wrong.err.contains("--delimiter tab"), wrong.err);
        for (String tab : new String[]{"tab", "\\t", "\t"}) {
            Outcome o = run("inspect", tsv.toString(), "--delimiter", tab);
            assertEquals(0, o.exit, o.err);
            assertTrue(o.out.contains("2 episodes, 4 steps"), o.out);
        }
        assertEquals(2, run("inspect", tsv.toString(), "--delimiter", "ab").exit);
    }

    @Test
    void flagColumnsWithOtherNamesAreMappedByOption() throws Exception {
        Path csv = Files.writeString(dir.resolve("done.csv"), GOOD.replace("terminated,truncated", "done,timeout"));
        Path npz = dir.resolve("done.npz");
        Outcome o = run("convert", csv.toString(), npz.toString(), "--terminated-col", "done", "--truncated-col", "timeout");
        assertEquals(0, o.exit, o.err);
        Dataset d = DatasetFiles.load(npz).dataset(), reference = DatasetFiles.load(Files.writeString(dir.resolve("ref.csv"), GOOD)).dataset();
        assertTrue(d.terminated(0) && !d.truncated(0) && !d.terminated(1) && d.truncated(1));
        assertEquals(reference.contentHash(), d.contentHash());
    }

    @Test
    void convertCsvToNpzRoundTripsAndLeavesNothingOnFailure() throws Exception {
        Path csv = Files.writeString(dir.resolve("demo.csv"), GOOD);
        Path npz = dir.resolve("demo.npz");
        assertEquals(0, run("convert", csv.toString(), npz.toString()).exit);
        Dataset a = DatasetFiles.load(csv).dataset(), b = DatasetFiles.load(npz).dataset();
        assertEquals(a.contentHash(), b.contentHash());

        Path bad = Files.writeString(dir.resolve("bad.csv"), GOOD.replace("0,2,0.3,", "0,5,0.3,"));
        Path out = dir.resolve("out.npz");
        Outcome o = run("convert", bad.toString(), out.toString());
        assertEquals(2, o.exit);
        assertTrue(o.err.contains("bad.csv:4"), o.err);
        assertFalse(Files.exists(out));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void imitationsNpzLayoutIsInspectedAndConverted() throws Exception {
        Path npz = Path.of("../il-core/src/test/resources/io/imitation_continuous.npz");
        Outcome o = run("inspect", npz.toString());
        assertEquals(0, o.exit, o.err);
        assertTrue(o.out.contains("3 episodes, 6 steps"), o.out);
        Path csv = dir.resolve("from-imitation.csv");
        assertEquals(0, run("convert", npz.toString(), csv.toString()).exit);
        assertEquals(DatasetFiles.load(npz).dataset().contentHash(), DatasetFiles.load(csv).dataset().contentHash());
    }

    @Test
    void unknownOutputExtensionIsRejectedBeforeReading() throws Exception {
        Path csv = Files.writeString(dir.resolve("demo.csv"), GOOD);
        Outcome o = run("convert", csv.toString(), dir.resolve("x.parquet").toString());
        assertEquals(2, o.exit);
        assertTrue(o.err.contains("expected .csv"), o.err);
    }
}
