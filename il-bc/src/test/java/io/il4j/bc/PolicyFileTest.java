package io.il4j.bc;

import io.il4j.core.train.TrainingListener;
import io.il4j.core.train.Provenance;
import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.data.DatasetSpec;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.il4j.core.nn.MlpWeights;
import io.il4j.core.policy.InvalidPolicyFileException;
import io.il4j.core.policy.PolicyArchive;
import io.il4j.core.policy.Policies;
import io.il4j.core.policy.Policy;
import io.il4j.core.runtime.Il4j;
import io.il4j.core.space.Box;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.*;

class PolicyFileTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void configure() {
        Il4j.configure();
    }

    private static BcConfig.Builder tiny(HeadType head) {
        return BcConfig.builder().head(head).hiddenSizes(16, 16).maxSteps(15).validationFraction(0.25).validationInterval(5);
    }

    /** Goal-carrying data: obs (x, y), goal (gx, gy), action toward the goal. */
    private static Dataset withGoals() {
        DatasetSpec spec = new DatasetSpec(List.of("x", "y"), Box.uniform(2, -1, 1), List.of("vx", "vy"), List.of("gx", "gy"), false);
        DatasetBuilder b = new DatasetBuilder(spec);
        Random r = new Random(1);
        for (int e = 0; e < 4; e++) {
            double[] g = {r.nextDouble(), r.nextDouble()}, p = {0, 0};
            b.beginEpisode();
            for (int t = 0; t < 10; t++) {
                double[] a = {Math.tanh(g[0] - p[0]), Math.tanh(g[1] - p[1])};
                b.addStep(p.clone(), g, a, 0);
                p[0] += 0.1 * a[0];
                p[1] += 0.1 * a[1];
            }
            b.endEpisode(p.clone(), g, false, true);
        }
        return b.build();
    }

    @Test
    void saveThenLoadGivesIdenticalActionsForEveryKindOfPolicy() throws IOException {
        Dataset cont = Synthetic.continuous(4, 20, 3, 2, 1, Synthetic.smoothExpert(3, 2, 1));
        Map<String, TrainedPolicy> trained = new LinkedHashMap<>();
        trained.put("mse", BcTrainer.train(cont, tiny(HeadType.MSE).build(), TrainingListener.NONE));
        trained.put("gaussian", BcTrainer.train(cont, tiny(HeadType.GAUSSIAN).layerNorm(true).build(), TrainingListener.NONE));
        trained.put("mdn", BcTrainer.train(cont, tiny(HeadType.MDN).activation(io.il4j.core.nn.Activation.TANH).build(), TrainingListener.NONE));
        trained.put("history", BcTrainer.train(cont, tiny(HeadType.MSE).history(3).build(), TrainingListener.NONE));
        trained.put("categorical", BcTrainer.train(Synthetic.discrete(4, 20, 3, 1), tiny(HeadType.CATEGORICAL).build(), TrainingListener.NONE));
        trained.put("gcbc", BcTrainer.train(withGoals(), tiny(HeadType.MSE).goalConditioned(true).achievedGoalDims(List.of(0, 1)).build(),
                TrainingListener.NONE));
        trained.put("gcbc-dataset-goals", BcTrainer.train(withGoals(), tiny(HeadType.MSE).goalConditioned(true).relabel(Relabel.NONE).build(),
                TrainingListener.NONE));
        for (var entry : trained.entrySet()) {
            Path file = dir.resolve(entry.getKey() + ".zip");
            entry.getValue().save(file);
            Policy loaded = Policies.load(file);
            BcPolicy original = entry.getValue().policy();
            assertInstanceOf(BcPolicy.class, loaded);
            Random r = new Random(7);
            original.reset();
            loaded.reset();
            for (int i = 0; i < 50; i++) {
                double[] obs = Synthetic.randomObservation(r, original.inputDim());
                assertArrayEquals(original.act(obs), loaded.act(obs), 0.0, entry.getKey() + " state " + i);
            }
            TrainedPolicy back = TrainedPolicy.load(file);
            assertEquals(entry.getValue().provenance(), back.provenance(), entry.getKey());
            assertEquals(entry.getValue().config(), back.config(), entry.getKey());
        }
        Provenance p = trained.get("mse").provenance();
        assertEquals(cont.contentHash(), p.datasetHash());
        assertEquals(15, p.stepsTrained());
        assertTrue(p.metrics().containsKey("validation_loss"));
    }

    /**
     * Rewrites a zip, transforming entries by name (null from the function drops the entry), as a file written
     * before manifests held entry hashes: the reader's own checks of each entry's content are what is tested then.
     */
    private static void rewrite(Path src, Path dst, Map<String, UnaryOperator<byte[]>> edits) throws IOException {
        Map<String, UnaryOperator<byte[]>> all = new LinkedHashMap<>(edits);
        all.put(PolicyArchive.MANIFEST, PolicyFileTest::withoutHashes);
        rewriteKeepingManifest(src, dst, all);
    }

    /** Rewrites a zip as {@link #rewrite} does but leaves the manifest as it was: the zip's CRCs stay valid. */
    private static void rewriteKeepingManifest(Path src, Path dst, Map<String, UnaryOperator<byte[]>> edits) throws IOException {
        try (ZipFile in = new ZipFile(src.toFile()); OutputStream os = Files.newOutputStream(dst); ZipOutputStream out = new ZipOutputStream(os)) {
            for (var en = in.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (edits.containsKey(e.getName())) bytes = edits.get(e.getName()).apply(bytes);
                if (bytes == null) continue;
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
    }

    private static byte[] withoutHashes(byte[] manifest) {
        try {
            ObjectMapper json = new ObjectMapper();
            ObjectNode m = (ObjectNode) json.readTree(manifest);
            m.remove(PolicyArchive.HASHES);
            return json.writeValueAsBytes(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One weight of the network changed by a small amount: the file stays a well-formed zip of a valid network. */
    private static byte[] alterOneWeight(byte[] network) {
        try {
            MlpWeights w = MlpWeights.fromBytes(network);
            float[] weights0 = w.layers().get(0).weights();
            weights0[0] += 0.25f;
            return w.toBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void alteredWeightsWithValidCrcAreRefusedNamingFileAndEntry() throws IOException {
        Path good = dir.resolve("good.zip");
        BcTrainer.train(Synthetic.continuous(4, 20, 3, 2, 1, Synthetic.smoothExpert(3, 2, 1)), tiny(HeadType.MSE).build(),
                TrainingListener.NONE).save(good);
        String manifest = new String(PolicyArchive.read(good).entry(PolicyArchive.MANIFEST));
        assertTrue(manifest.contains("\"" + PolicyArchive.HASHES + "\"") && manifest.contains("network.bin"), manifest);

        Path tampered = dir.resolve("tampered.zip");
        rewriteKeepingManifest(good, tampered, Map.of("network.bin", PolicyFileTest::alterOneWeight));
        try (ZipFile zip = new ZipFile(tampered.toFile())) { // every CRC is valid: only the hashes can tell
            for (var en = zip.entries(); en.hasMoreElements(); ) zip.getInputStream(en.nextElement()).readAllBytes();
        }
        var e = assertThrows(InvalidPolicyFileException.class, () -> Policies.load(tampered));
        assertTrue(e.getMessage().startsWith(tampered.toString()) && e.getMessage().contains("entry 'network.bin'")
                && e.getMessage().contains("SHA-256"), e.getMessage());
        e = assertThrows(InvalidPolicyFileException.class, () -> TrainedPolicy.load(tampered));
        assertTrue(e.getMessage().contains("entry 'network.bin'"), e.getMessage());

        Path added = dir.resolve("added.zip");
        rewriteKeepingManifest(good, added, Map.of());
        try (var fs = java.nio.file.FileSystems.newFileSystem(added)) {
            Files.writeString(fs.getPath("extra.json"), "{}");
        }
        e = assertThrows(InvalidPolicyFileException.class, () -> Policies.load(added));
        assertTrue(e.getMessage().contains("entry 'extra.json'") && e.getMessage().contains("not listed"), e.getMessage());

        // a file from before entry hashes (same alteration, manifest without hashes) still loads, altered weight included
        Path legacy = dir.resolve("legacy.zip");
        rewrite(good, legacy, Map.of("network.bin", PolicyFileTest::alterOneWeight));
        float before = ((BcPolicy) Policies.load(good)).weights().layers().get(0).weights()[0];
        assertEquals(before + 0.25f, ((BcPolicy) Policies.load(legacy)).weights().layers().get(0).weights()[0]);
    }

    @Test
    void aDirectoryGivenAsPolicyFileIsReportedAsADirectory() {
        var e = assertThrows(java.nio.file.FileSystemException.class, () -> Policies.load(dir));
        assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("is a directory"), e.getMessage());
    }

    @Test
    void damagedOrInconsistentBcFilesGiveClearErrors() throws IOException {
        Path good = dir.resolve("good.zip");
        BcTrainer.train(Synthetic.continuous(4, 20, 3, 2, 1, Synthetic.smoothExpert(3, 2, 1)), tiny(HeadType.MSE).build(),
                TrainingListener.NONE).save(good);

        Path noNetwork = dir.resolve("no-network.zip");
        rewrite(good, noNetwork, Map.of("network.bin", b -> null));
        var e = assertThrows(InvalidPolicyFileException.class, () -> Policies.load(noNetwork));
        assertTrue(e.getMessage().contains("lacks entry 'network.bin'"), e.getMessage());

        Path truncatedNet = dir.resolve("truncated-network.zip");
        rewrite(good, truncatedNet, Map.of("network.bin", b -> java.util.Arrays.copyOf(b, b.length / 2)));
        e = assertThrows(InvalidPolicyFileException.class, () -> Policies.load(truncatedNet));
        assertTrue(e.getMessage().contains("network.bin") && e.getMessage().contains("truncated"), e.getMessage());

        Path wrongHead = dir.resolve("wrong-head.zip");
        rewrite(good, wrongHead, Map.of("config.json", b -> new String(b).replace("\"MSE\"", "\"MDN\"").getBytes()));
        e = assertThrows(InvalidPolicyFileException.class, () -> Policies.load(wrongHead));
        assertTrue(e.getMessage().contains("do not fit together") && e.getMessage().contains("mdn head needs"), e.getMessage());

        Path badJson = dir.resolve("bad-json.zip");
        rewrite(good, badJson, Map.of("normalizers.json", b -> "{ not json".getBytes()));
        e = assertThrows(InvalidPolicyFileException.class, () -> Policies.load(badJson));
        assertTrue(e.getMessage().contains("normalizers.json"), e.getMessage());

        byte[] bytes = Files.readAllBytes(good);
        for (int i = bytes.length / 3; i < bytes.length / 3 + 16; i++) bytes[i] ^= 0x33;
        Path flipped = dir.resolve("flipped.zip");
        Files.write(flipped, bytes);
        e = assertThrows(InvalidPolicyFileException.class, () -> Policies.load(flipped));
        assertTrue(e.getMessage().contains("corrupted") || e.getMessage().contains("not a readable zip")
                || e.getMessage().contains("network.bin"), e.getMessage());
    }
}
