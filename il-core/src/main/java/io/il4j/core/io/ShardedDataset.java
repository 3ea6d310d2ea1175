package io.il4j.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.il4j.core.report.Json;
import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.data.DatasetSpec;
import io.il4j.core.data.DatasetSpecJson;
import io.il4j.core.data.ShardSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A dataset larger than memory: a directory of NPZ shards (each in the layout of {@link NpzDatasetWriter}, episodes
 * never split across shards) plus {@value #MANIFEST}:
 * <pre>
 * {"format": "il4j-sharded-dataset", "version": 1, "spec": {the spec_json of the shards},
 *  "episodes": E, "steps": S, "observations": O,
 *  "shards": [{"file": "shard-00000.npz", "episodes": e, "steps": s, "observations": o, "sha256": "..."}, ...]}
 * </pre>
 * {@link #open} reads the manifest and checks that every shard file exists; {@link #shard} checks a shard's SHA-256,
 * spec and counts against the manifest before returning it. Every error is one line naming the shard. Written by
 * {@link ShardedDatasetWriter}. Immutable; thread-safe (shards may be loaded from several threads).
 */
public final class ShardedDataset implements ShardSource {

    public static final String MANIFEST = "manifest.json";
    static final String FORMAT = "il4j-sharded-dataset";
    static final int VERSION = 1;

    /** One shard as the manifest describes it. */
    public record Shard(String file, int episodes, int steps, int observations, String sha256) {
    }

    private final Path dir;
    private final DatasetSpec spec;
    private final List<Shard> shards;
    private final long episodes, steps;

    private ShardedDataset(Path dir, DatasetSpec spec, List<Shard> shards) {
        this.dir = dir;
        this.spec = spec;
        this.shards = List.copyOf(shards);
        this.episodes = shards.stream().mapToLong(Shard::episodes).sum();
        this.steps = shards.stream().mapToLong(Shard::steps).sum();
    }

    /** Whether {@code path} is a sharded dataset: a directory holding {@value #MANIFEST}, or that file itself. */
    public static boolean isSharded(Path path) {
        return (Files.isDirectory(path) && Files.isRegularFile(path.resolve(MANIFEST)))
                || (path.getFileName() != null && path.getFileName().toString().equals(MANIFEST));
    }

    /** Opens the sharded dataset in {@code path} (the directory or its manifest), checking that every shard exists. */
    public static ShardedDataset open(Path path) throws IOException {
        Path dir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest))
            throw DatasetFormatException.inFile(dir, "has no " + MANIFEST + "; expected a sharded dataset directory written by "
                    + "'il convert --shard-steps N'");
        JsonNode root;
        try {
            // il4j's one mapper, built on first use: isSharded, which runs before every load, must not build it
            // (hundreds of Jackson classes, ~0.4 s of an `il inspect FILE.csv`)
            root = Json.mapper().readTree(manifest.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw DatasetFormatException.inFile(manifest, "is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !FORMAT.equals(root.path("format").asText()))
            throw DatasetFormatException.inFile(manifest, "has format '" + (root == null ? "" : root.path("format").asText())
                    + "'; expected '" + FORMAT + "'");
        if (root.path("version").asInt(-1) != VERSION)
            throw DatasetFormatException.inFile(manifest, "has version " + root.path("version") + "; expected " + VERSION);
        if (!root.path("spec").isObject()) throw DatasetFormatException.inFile(manifest, "lacks the object 'spec'");
        DatasetSpec spec;
        try {
            spec = DatasetSpecJson.decode(root.path("spec"));
        } catch (IllegalArgumentException e) {
            throw DatasetFormatException.inFile(manifest, "object 'spec' " + e.getMessage());
        }
        JsonNode list = root.path("shards");
        if (!list.isArray() || list.isEmpty())
            throw DatasetFormatException.inFile(manifest, "lists no shards; expected a non-empty array 'shards'");
        List<Shard> shards = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            String file = s.path("file").asText("");
            if (file.isEmpty() || file.contains("/") || file.contains("\\") || file.startsWith("."))
                throw DatasetFormatException.inFile(manifest, "shard " + i + " has file name '" + file
                        + "'; expected a plain file name inside " + dir);
            int episodes = count(manifest, s, "episodes", file), steps = count(manifest, s, "steps", file),
                    observations = count(manifest, s, "observations", file);
            String sha = s.path("sha256").asText("");
            if (!sha.matches("[0-9a-f]{64}"))
                throw DatasetFormatException.inFile(manifest, "shard '" + file + "' has sha256 '" + sha + "'; expected 64 hex digits");
            if (!Files.isRegularFile(dir.resolve(file)))
                throw DatasetFormatException.inFile(dir.resolve(file), "is missing: the manifest lists it as shard " + i + " of "
                        + list.size());
            shards.add(new Shard(file, episodes, steps, observations, sha));
        }
        ShardedDataset d = new ShardedDataset(dir, spec, shards);
        if (root.path("steps").asLong(-1) != d.steps || root.path("episodes").asLong(-1) != d.episodes)
            throw DatasetFormatException.inFile(manifest, "totals (episodes " + root.path("episodes") + ", steps " + root.path("steps")
                    + ") disagree with the sum over its shards (" + d.episodes + ", " + d.steps + ")");
        return d;
    }

    private static int count(Path manifest, JsonNode shard, String key, String file) {
        JsonNode n = shard.path(key);
        if (!n.canConvertToInt() || n.asInt() < 1)
            throw DatasetFormatException.inFile(manifest, "shard '" + file + "' has " + key + " " + n + "; expected a positive integer");
        return n.asInt();
    }

    public Path directory() {
        return dir;
    }

    public List<Shard> shards() {
        return shards;
    }

    @Override
    public DatasetSpec spec() {
        return spec;
    }

    @Override
    public int numShards() {
        return shards.size();
    }

    @Override
    public int shardSteps(int i) {
        return shards.get(i).steps();
    }

    @Override
    public long numSteps() {
        return steps;
    }

    @Override
    public long numEpisodes() {
        return episodes;
    }

    /** The file of shard {@code i}. */
    public Path shardFile(int i) {
        return dir.resolve(shards.get(i).file());
    }

    @Override
    public Dataset shard(int i) {
        Shard s = shards.get(i);
        Path file = shardFile(i);
        try {
            verifyChecksum(i);
            Dataset d = NpzDatasetReader.read(file);
            if (!d.spec().equals(spec))
                throw DatasetFormatException.inFile(file, "has spec " + d.spec() + "; the manifest (and so the other shards) has "
                        + spec + ": every shard of a dataset must have the same spec");
            if (d.numEpisodes() != s.episodes() || d.numSteps() != s.steps() || d.numObservations() != s.observations())
                throw DatasetFormatException.inFile(file, "holds " + d.numEpisodes() + " episodes, " + d.numSteps() + " steps, "
                        + d.numObservations() + " observations; the manifest says " + s.episodes() + ", " + s.steps() + ", "
                        + s.observations());
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read shard " + file + ": " + e.getMessage(), e);
        }
    }

    /** Recomputes shard {@code i}'s SHA-256 and compares it with the manifest's. */
    public void verifyChecksum(int i) throws IOException {
        String actual = sha256(shardFile(i));
        if (!actual.equals(shards.get(i).sha256()))
            throw DatasetFormatException.inFile(shardFile(i), "has SHA-256 " + actual + " but the manifest says "
                    + shards.get(i).sha256() + ": the shard was modified or corrupted after it was written");
    }

    /** Every shard loaded and concatenated in manifest order: only for data that fit in memory. */
    public Dataset loadAll() {
        if (shards.size() == 1) return shard(0);
        DatasetBuilder b = new DatasetBuilder(spec);
        for (int i = 0; i < shards.size(); i++) b.appendAll(shard(i));
        return b.build();
    }

    /** SHA-256 over the manifest's spec and the shards' checksums, in order. */
    @Override
    public String contentHash() {
        MessageDigest md = sha256();
        md.update(DatasetSpecJson.encode(spec));
        for (Shard s : shards) md.update(s.sha256().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(md.digest());
    }

    static String sha256(Path file) throws IOException {
        MessageDigest md = sha256();
        byte[] buf = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "ShardedDataset[" + dir.getFileName() + ": " + shards.size() + " shards, " + episodes + " episodes, " + steps
                + " steps, obs " + spec.observationDim() + ", " + spec.actionSpace() + (spec.hasGoals() ? ", goal " + spec.goalDim() : "")
                + (spec.hasRewards() ? ", rewards" : "") + "]";
    }
}
