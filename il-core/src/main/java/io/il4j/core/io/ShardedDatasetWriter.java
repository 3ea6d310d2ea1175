package io.il4j.core.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.data.DatasetSpec;
import io.il4j.core.data.DatasetSpecJson;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Writes a {@link ShardedDataset} episode by episode, so a dataset larger than memory can be written from chunks:
 * {@link #append} buffers whole episodes and writes a shard as soon as the next episode would take it past
 * {@code shardSteps} steps (a shard is longer only when one episode is). Everything goes to a hidden sibling
 * directory first; {@link #finish} writes the manifest and moves the directory into place (an existing sharded
 * dataset there is replaced), {@link #close} without {@code finish} deletes it: nothing is half-written.
 * Not thread-safe.
 */
public final class ShardedDatasetWriter implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path target, tmp;
    private final DatasetSpec spec;
    private final int shardSteps;
    private final boolean compressed;
    private final List<ShardedDataset.Shard> written = new ArrayList<>();
    private DatasetBuilder pending;
    private boolean finished;

    /**
     * @param dir        the dataset directory to create (or replace, if it holds a sharded dataset)
     * @param shardSteps steps per shard, at least 1 (episodes are never split)
     * @param compressed deflate the shards' NPZ entries
     */
    public ShardedDatasetWriter(Path dir, DatasetSpec spec, int shardSteps, boolean compressed) throws IOException {
        if (shardSteps < 1) throw new IllegalArgumentException("shardSteps must be >= 1, got " + shardSteps);
        this.target = dir.toAbsolutePath();
        checkReplaceable(target);
        this.spec = spec;
        this.shardSteps = shardSteps;
        this.compressed = compressed;
        Files.createDirectories(target.getParent());
        this.tmp = target.getParent().resolve("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        Files.createDirectory(tmp);
        this.pending = new DatasetBuilder(spec);
    }

    /** Writes {@code data} as shards of at most {@code shardSteps} steps in {@code dir}, atomically. */
    public static ShardedDataset write(Dataset data, Path dir, int shardSteps, boolean compressed) throws IOException {
        try (ShardedDatasetWriter w = new ShardedDatasetWriter(dir, data.spec(), shardSteps, compressed)) {
            w.append(data);
            return w.finish();
        }
    }

    /** Appends every episode of {@code data} (same spec), writing shards as they fill. */
    public void append(Dataset data) throws IOException {
        if (finished) throw new IllegalStateException("finish() was already called");
        if (!data.spec().equals(spec))
            throw new IllegalArgumentException("cannot append data with spec " + data.spec() + " to a sharded dataset with spec " + spec);
        for (int e = 0; e < data.numEpisodes(); e++) {
            if (pending.numSteps() > 0 && pending.numSteps() + data.episodeLength(e) > shardSteps) flush();
            pending.appendEpisode(data, e);
        }
    }

    /**
     * Adds the shards of a sharded dataset written elsewhere (e.g. one input file converted on another machine), after
     * everything appended so far (whose last shard is written first): its shard files are moved in, renumbered, and keep
     * their checksums (the bytes do not change). The part's directory is left without them. Its spec must be this one's.
     */
    public void appendShards(ShardedDataset part) throws IOException {
        if (finished) throw new IllegalStateException("finish() was already called");
        if (!part.spec().equals(spec))
            throw new IllegalArgumentException(part.directory() + " has spec " + part.spec() + "; the sharded dataset being written has "
                    + spec + ": every part must have the same columns and action space");
        if (pending.numSteps() > 0) flush();
        for (int i = 0; i < part.numShards(); i++) {
            ShardedDataset.Shard s = part.shards().get(i);
            String name = shardName(written.size());
            Files.move(part.shardFile(i), tmp.resolve(name));
            written.add(new ShardedDataset.Shard(name, s.episodes(), s.steps(), s.observations(), s.sha256()));
        }
    }

    /** Writes the last shard and the manifest, and moves the directory into place. */
    public ShardedDataset finish() throws IOException {
        if (finished) throw new IllegalStateException("finish() was already called");
        if (pending.numSteps() > 0) flush();
        if (written.isEmpty()) throw new IllegalArgumentException("no episodes were appended: a sharded dataset needs at least one");
        ObjectNode root = JSON.createObjectNode();
        root.put("format", ShardedDataset.FORMAT);
        root.put("version", ShardedDataset.VERSION);
        root.set("spec", JSON.readTree(DatasetSpecJson.encode(spec)));
        root.put("episodes", written.stream().mapToLong(ShardedDataset.Shard::episodes).sum());
        root.put("steps", written.stream().mapToLong(ShardedDataset.Shard::steps).sum());
        root.put("observations", written.stream().mapToLong(ShardedDataset.Shard::observations).sum());
        root.put("shard_steps", shardSteps);
        ArrayNode list = root.putArray("shards");
        for (ShardedDataset.Shard s : written) {
            ObjectNode n = list.addObject();
            n.put("file", s.file());
            n.put("episodes", s.episodes());
            n.put("steps", s.steps());
            n.put("observations", s.observations());
            n.put("sha256", s.sha256());
        }
        Files.write(tmp.resolve(ShardedDataset.MANIFEST), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        moveIntoPlace();
        finished = true;
        return ShardedDataset.open(target);
    }

    private void flush() throws IOException {
        Dataset shard = pending.build();
        pending = new DatasetBuilder(spec);
        String name = shardName(written.size());
        MessageDigest md = ShardedDataset.sha256();
        try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp.resolve(name)), 1 << 16), md)) {
            NpzDatasetWriter.writeTo(shard, out, compressed);
        }
        written.add(new ShardedDataset.Shard(name, shard.numEpisodes(), shard.numSteps(), shard.numObservations(),
                HexFormat.of().formatHex(md.digest())));
    }

    private static String shardName(int index) {
        return String.format(Locale.ROOT, "shard-%05d.npz", index);
    }

    private static void checkReplaceable(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        if (!Files.isDirectory(dir))
            throw new IllegalArgumentException("cannot write a sharded dataset to '" + dir + "': it is a file; expected a directory "
                    + "name (a sharded dataset is a directory)");
        try (Stream<Path> s = Files.list(dir)) {
            if (s.findAny().isPresent() && !Files.isRegularFile(dir.resolve(ShardedDataset.MANIFEST)))
                throw new IllegalArgumentException("cannot write a sharded dataset to '" + dir + "': the directory exists, is not "
                        + "empty and holds no " + ShardedDataset.MANIFEST + "; choose a new directory");
        }
    }

    /** Moves the finished temporary directory to the target; a previous dataset there is moved aside, then deleted. */
    private void moveIntoPlace() throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.getParent().resolve("." + target.getFileName() + ".old." + Long.toHexString(ThreadLocalRandom.current().nextLong()));
            Files.move(target, old);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target);
        }
        if (old != null) deleteTree(old);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** Deletes the temporary directory unless {@link #finish} succeeded. */
    @Override
    public void close() throws IOException {
        if (!finished) deleteTree(tmp);
    }
}
