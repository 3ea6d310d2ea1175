package io.il4j.cli;

import io.il4j.bc.BcConfig;
import io.il4j.bc.BcPolicy;
import io.il4j.bc.BcTrainer;
import io.il4j.bc.HeadType;
import io.il4j.bc.internal.BcPolicyFile;
import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.env.Env;
import io.il4j.core.env.Rollouts;
import io.il4j.core.io.DatasetFiles;
import io.il4j.core.io.ShardedDataset;
import io.il4j.core.metrics.EvaluationSummary;
import io.il4j.core.report.Json;
import io.il4j.core.train.Provenance;
import io.il4j.envs.Envs;
import io.il4j.spark.SparkJobs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The il commands with {@code --spark-master local[2]} against the same commands without it: the same table and files.
 * The commands find Spark through il-core's Cluster seam (il-cli has no Spark on its classpath); in this JVM they share
 * the tests' local[2] context.
 */
class SparkCommandsTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void startSpark() {
        SparkJobs.acquire("local[2]", "il4j-tests"); // never released: the commands below share it, the JVM stops it
    }

    private record Outcome(int exit, String out, String err) {
    }

    /** Runs {@code il args} with its standard output and error captured. */
    private static Outcome il(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        System.setErr(new PrintStream(err, true));
        try {
            int code = Main.commandLine().execute(args);
            return new Outcome(code, out.toString(), err.toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void evalOnSparkPrintsTheLocalTableAndWritesTheSameResults() throws Exception {
        Env env = Envs.make("pendulum");
        Dataset demos = Rollouts.collect(env, Envs.expert("pendulum"), 5, 7, 100).dataset();
        BcConfig c = BcConfig.builder().head(HeadType.MSE).hiddenSizes(32, 32).maxSteps(200).validationFraction(0).patience(0).build();
        BcPolicy policy = (BcPolicy) new BcTrainer(c).fit(demos, 3, null); // imperfect: episodes differ from seed to seed
        Path file = tmp.resolve("policy.zip");
        BcPolicyFile.write(policy, Provenance.of("test", "", "", 3, 0, 0, false, Map.of()), file);

        List<String> args = List.of("eval", "--policy", file.toString(), "--env", "pendulum", "-o", "max_steps=120", "--episodes", "7",
                "--runs", tmp.resolve("runs").toString());
        Outcome local = il(concat(args, "--name", "local", "--seed", "1000"));
        Outcome spark = il(concat(args, "--name", "spark", "--seed", "1000", "--spark-master", "local[2]"));
        assertEquals(0, local.exit, local.err);
        assertEquals(0, spark.exit, spark.err);
        assertTrue(local.out.lines().count() > 3, local.out + local.err);
        assertEquals(table(local.out), table(spark.out));
        Path results = Path.of("results.json");
        assertEquals(Files.readString(tmp.resolve("runs/local").resolve(results)), Files.readString(tmp.resolve("runs/spark").resolve(results)));
        // the summary is the policy's, on episodes seeded 1000 .. 1006
        EvaluationSummary direct = EvaluationSummary.of(Rollouts.evaluate(Envs.make("pendulum", Map.of("max_steps", "120")), policy, 7, 1000,
                Integer.MAX_VALUE));
        assertEquals(direct.toTable().render(), table(spark.out));
        // not vacuous: other seeds give another table
        Outcome other = il(concat(args, "--name", "other", "--spark-master", "local[2]", "--seed", "2000"));
        assertEquals(0, other.exit, other.err);
        assertNotEquals(table(local.out), table(other.out));
    }

    /** The printed table without its title line (which names the policy file). */
    private static String table(String out) {
        List<String> lines = new ArrayList<>(out.lines().filter(l -> !l.startsWith("results:")).toList());
        return String.join("\n", lines.subList(1, lines.size()));
    }

    /** Three CSV logs of Pendulum expert episodes (40 steps each; 3, 4 and 5 episodes). */
    private List<Path> logs() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Dataset d = Rollouts.collect(Envs.make("pendulum"), Envs.expert("pendulum"), 3 + i, 100L * i, 40).dataset();
            Path f = tmp.resolve("log-" + i + ".csv");
            DatasetFiles.save(d, f);
            files.add(f);
        }
        return files;
    }

    @Test
    void convertOfManyLogsOnSparkWritesTheShardsOfTheLocalConversion() throws Exception {
        List<Path> logs = logs();
        List<String> in = new ArrayList<>(List.of("convert"));
        logs.forEach(f -> in.add(f.toString()));
        Outcome local = il(concat(in, tmp.resolve("local").toString(), "--shard-steps", "100"));
        Outcome spark = il(concat(in, tmp.resolve("spark").toString(), "--shard-steps", "100", "--spark-master", "local[2]"));
        assertEquals(0, local.exit, local.err);
        assertEquals(0, spark.exit, spark.err);
        // the manifests (shard files, counts, SHA-256 of every shard) are byte-identical, so are the shards
        assertEquals(Files.readString(tmp.resolve("local/manifest.json")), Files.readString(tmp.resolve("spark/manifest.json")));
        ShardedDataset shards = ShardedDataset.open(tmp.resolve("spark"));
        for (int i = 0; i < shards.numShards(); i++)
            assertArrayEquals(Files.readAllBytes(tmp.resolve("local").resolve(shards.shards().get(i).file())),
                    Files.readAllBytes(shards.shardFile(i)));
        // one task per file: 120, 160, 200 steps in shards of at most 100 steps, episodes whole, in file order
        assertEquals(List.of(80, 40, 80, 80, 80, 80, 40), shards.shards().stream().map(ShardedDataset.Shard::steps).toList());
        DatasetBuilder all = null;
        for (Path f : logs) {
            Dataset d = DatasetFiles.load(f).dataset();
            if (all == null) all = new DatasetBuilder(d.spec());
            all.appendAll(d);
        }
        assertEquals(all.build().contentHash(), shards.loadAll().contentHash());
    }

    @Test
    void aBadCellInOneLogIsOneLineNamingFileLineAndColumnAndNothingIsWritten() throws Exception {
        List<Path> logs = logs();
        List<String> lines = new ArrayList<>(Files.readAllLines(logs.get(1)));
        String[] cells = lines.get(3).split(",", -1);
        cells[2] = "oops";
        lines.set(3, String.join(",", cells));
        Files.write(logs.get(1), lines);

        Outcome o = il("convert", logs.get(0).toString(), logs.get(1).toString(), logs.get(2).toString(), tmp.resolve("fleet").toString(),
                "--shard-steps", "100", "--spark-master", "local[2]");
        assertEquals(2, o.exit, o.err);
        List<String> errLines = o.err.lines().filter(l -> !l.isBlank() && !l.startsWith("SLF4J:")).toList();
        assertEquals(1, errLines.size(), o.err);
        // file:line, the column and the cell
        assertTrue(errLines.get(0).contains("log-1.csv:4:") && errLines.get(0).contains("obs_cos_theta") && errLines.get(0).contains("oops"), o.err);
        assertFalse(Files.exists(tmp.resolve("fleet")));
        try (Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no part directory left behind");
        }
    }

    @Test
    void benchOfflineOnSparkGivesTheLocalTablesAndRows() throws Exception {
        List<String> args = List.of("bench", "offline", "--tasks", "pendulum", "--tiers", "expert,medium", "--methods", "bc,cql", "--seeds", "1",
                "--bc-steps", "60", "--cql-steps", "20", "--sampled-actions", "2", "--eval-episodes", "2", "--datasets",
                Path.of("..", "datasets").toString());
        Outcome local = il(concat(args, "--out", tmp.resolve("local").toString()));
        Outcome spark = il(concat(args, "--out", tmp.resolve("spark").toString(), "--spark-master", "local[2]"));
        assertEquals(0, local.exit, local.err);
        assertEquals(0, spark.exit, spark.err);
        assertEquals(withoutTimes(Files.readString(tmp.resolve("local/summary.md"))), withoutTimes(Files.readString(tmp.resolve("spark/summary.md"))));
        Map<?, ?> a = Json.read(tmp.resolve("local/results.json"), Map.class), b = Json.read(tmp.resolve("spark/results.json"), Map.class);
        assertEquals(a.get("results"), b.get("results"));
        assertEquals(runsWithoutSeconds(tmp.resolve("local/runs.csv")), runsWithoutSeconds(tmp.resolve("spark/runs.csv")));
        assertEquals(5, runsWithoutSeconds(tmp.resolve("spark/runs.csv")).size(), "header and 4 cells");
        // not vacuous: the cells' scores differ from one another
        assertEquals(4, ((List<?>) a.get("results")).stream().map(r -> ((Map<?, ?>) r).get("normalized_score")).distinct().count());
    }

    private static String withoutTimes(String summary) {
        return summary.lines().filter(l -> !l.startsWith("wall time")).reduce("", (x, y) -> x + y + "\n");
    }

    /** runs.csv rows without their {@code seconds} column (the 8th). */
    private static List<String> runsWithoutSeconds(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().map(l -> {
            List<String> c = new ArrayList<>(List.of(l.split(",", -1)));
            c.remove(7);
            return String.join(",", c);
        }).toList();
    }

    private static String[] concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }
}
