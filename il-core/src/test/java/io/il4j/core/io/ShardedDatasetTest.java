package io.il4j.core.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.data.DatasetSpec;
import io.il4j.core.space.Box;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class ShardedDatasetTest {

    @TempDir
    Path tmp;

    static final DatasetSpec SPEC = new DatasetSpec(List.of("x", "y"), Box.uniform(1, -5, 5), List.of("a"), List.of(), true);

    /** Episodes of lengths 3, 7, 2, 9, 4, 5 (30 steps), some without their final observation. */
    static Dataset episodes(DatasetSpec spec, long seed) {
        DatasetBuilder b = new DatasetBuilder(spec);
        Random r = new Random(seed);
        int[] lengths = {3, 7, 2, 9, 4, 5};
        for (int e = 0; e < lengths.length; e++) {
            b.beginEpisode();
            for (int t = 0; t < lengths[e]; t++) {
                double[] o = new double[spec.observationDim()];
                for (int i = 0; i < o.length; i++) o[i] = r.nextGaussian();
                b.addStep(o, new double[]{r.nextDouble()}, t);
            }
            double[] fin = e % 2 == 0 ? new double[spec.observationDim()] : null;
            b.endEpisode(fin, e % 3 == 0, e % 3 != 0);
        }
        return b.build();
    }

    @Test
    void shardsHoldWholeEpisodesAtMostShardStepsAndReloadEqual() throws IOException {
        Dataset data = episodes(SPEC, 1);
        ShardedDataset sharded = ShardedDatasetWriter.write(data, tmp.resolve("d"), 10, false);
        // greedy packing of 3,7 | 2 | 9 | 4,5 : the next episode would pass 10 steps
        assertEquals(4, sharded.numShards());
        assertEquals(List.of(10, 2, 9, 9), sharded.shards().stream().map(ShardedDataset.Shard::steps).toList());
        assertEquals(30, sharded.numSteps());
        assertEquals(6, sharded.numEpisodes());
        for (int i = 0; i < sharded.numShards(); i++) assertTrue(sharded.shardSteps(i) <= 10);
        assertEquals(data.contentHash(), sharded.loadAll().contentHash());
        assertEquals(data.contentHash(), DatasetFiles.load(tmp.resolve("d")).dataset().contentHash());
        assertEquals(data.contentHash(), DatasetFiles.load(tmp.resolve("d").resolve(ShardedDataset.MANIFEST)).dataset().contentHash());
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("d"), s.map(p -> p.getFileName().toString()).toList(), "no temporary directory left behind");
        }
    }

    @Test
    void shardsWrittenElsewhereAreAppendedInOrderWithTheirChecksums() throws IOException {
        Dataset a = episodes(SPEC, 1), b = episodes(SPEC, 2);
        ShardedDataset partA = ShardedDatasetWriter.write(a, tmp.resolve("part-a"), 10, false);
        ShardedDataset partB = ShardedDatasetWriter.write(b, tmp.resolve("part-b"), 10, true);
        List<ShardedDataset.Shard> expected = Stream.concat(partA.shards().stream(), partB.shards().stream()).toList();
        ShardedDataset merged;
        try (ShardedDatasetWriter w = new ShardedDatasetWriter(tmp.resolve("d"), SPEC, 10, false)) {
            w.appendShards(partA);
            w.appendShards(partB);
            merged = w.finish();
        }
        assertEquals(expected.stream().map(ShardedDataset.Shard::sha256).toList(),
                merged.shards().stream().map(ShardedDataset.Shard::sha256).toList());
        for (int i = 0; i < merged.numShards(); i++) merged.verifyChecksum(i);
        DatasetBuilder both = new DatasetBuilder(SPEC);
        both.appendAll(a);
        both.appendAll(b);
        assertEquals(both.build().contentHash(), merged.loadAll().contentHash());
    }

    @Test
    void appendingShardsOfAnotherSpecNamesThePart() throws IOException {
        DatasetSpec other = new DatasetSpec(List.of("x", "z"), Box.uniform(1, -5, 5), List.of("a"), List.of(), true);
        ShardedDataset part = ShardedDatasetWriter.write(episodes(other, 1), tmp.resolve("part-z"), 10, false);
        try (ShardedDatasetWriter w = new ShardedDatasetWriter(tmp.resolve("d"), SPEC, 10, false)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.appendShards(part));
            assertTrue(e.getMessage().contains("part-z"), e.getMessage());
        }
        assertFalse(Files.exists(tmp.resolve("d")), "nothing written");
    }

    @Test
    void anEpisodeLongerThanAShardGetsAShardOfItsOwn() throws IOException {
        ShardedDataset sharded = ShardedDatasetWriter.write(episodes(SPEC, 2), tmp.resolve("d"), 4, true);
        assertEquals(List.of(3, 7, 2, 9, 4, 5), sharded.shards().stream().map(ShardedDataset.Shard::steps).toList());
    }

    @Test
    void convertWritesShardsAndReplacesAPreviousShardedDataset() throws IOException {
        Path npz = tmp.resolve("in.npz");
        DatasetFiles.save(episodes(SPEC, 3), npz);
        DatasetFiles.convert(npz, tmp.resolve("out"), CsvOptions.defaults(), Hdf5Options.defaults(), false, 20, ProgressListener.NONE);
        assertEquals(2, ShardedDataset.open(tmp.resolve("out")).numShards());
        DatasetFiles.convert(npz, tmp.resolve("out"), CsvOptions.defaults(), Hdf5Options.defaults(), false, 5, ProgressListener.NONE);
        ShardedDataset again = ShardedDataset.open(tmp.resolve("out"));
        assertEquals(6, again.numShards());
        try (Stream<Path> s = Files.list(tmp.resolve("out"))) {
            assertEquals(7, s.count(), "6 shards and the manifest; the old shards are gone");
        }
        assertEquals(DatasetFiles.Format.SHARDED, DatasetFiles.Format.of(tmp.resolve("out")));
    }

    @Test
    void refusesToOverwriteADirectoryThatIsNotAShardedDataset() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(dir.resolve("notes.txt"), "keep");
        var e = assertThrows(IllegalArgumentException.class, () -> ShardedDatasetWriter.write(episodes(SPEC, 1), dir, 10, false));
        assertTrue(e.getMessage().contains("holds no manifest.json"), e.getMessage());
        assertEquals("keep", Files.readString(dir.resolve("notes.txt")));
    }

    @Test
    void aModifiedShardFailsItsChecksumNamingTheShard() throws IOException {
        ShardedDataset sharded = ShardedDatasetWriter.write(episodes(SPEC, 1), tmp.resolve("d"), 10, false);
        Path shard = sharded.shardFile(2);
        byte[] bytes = Files.readAllBytes(shard);
        bytes[bytes.length / 2] ^= 1;
        Files.write(shard, bytes);
        var e = assertThrows(DatasetFormatException.class, () -> ShardedDataset.open(tmp.resolve("d")).shard(2));
        assertTrue(e.getMessage().startsWith(shard.toString() + ": has SHA-256 "), e.getMessage());
        assertTrue(e.getMessage().contains("the manifest says"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        ShardedDataset.open(tmp.resolve("d")).shard(1); // the others still load
    }

    @Test
    void aMissingShardIsNamedWhenOpening() throws IOException {
        ShardedDataset sharded = ShardedDatasetWriter.write(episodes(SPEC, 1), tmp.resolve("d"), 10, false);
        Files.delete(sharded.shardFile(3));
        var e = assertThrows(DatasetFormatException.class, () -> ShardedDataset.open(tmp.resolve("d")));
        assertEquals(sharded.shardFile(3) + ": is missing: the manifest lists it as shard 3 of 4", e.getMessage());
    }

    @Test
    void aShardWithAnotherSpecIsNamed() throws IOException {
        ShardedDataset sharded = ShardedDatasetWriter.write(episodes(SPEC, 1), tmp.resolve("d"), 10, false);
        DatasetSpec other = new DatasetSpec(List.of("x", "z"), Box.uniform(1, -5, 5), List.of("a"), List.of(), true);
        Dataset replacement = episodes(other, 1).selectEpisodes(new int[]{2}); // the 2-step episode of shard 1
        Path shard = sharded.shardFile(1);
        NpzDatasetWriter.write(replacement, shard, false);
        // a consistent manifest (right checksum) for a shard with a different spec
        ObjectMapper json = new ObjectMapper();
        Path manifest = tmp.resolve("d").resolve(ShardedDataset.MANIFEST);
        ObjectNode root = (ObjectNode) json.readTree(manifest.toFile());
        ((ObjectNode) root.withArray("shards").get(1)).put("sha256", ShardedDataset.sha256(shard));
        json.writeValue(manifest.toFile(), root);
        var e = assertThrows(DatasetFormatException.class, () -> ShardedDataset.open(tmp.resolve("d")).shard(1));
        assertTrue(e.getMessage().startsWith(shard + ": has spec "), e.getMessage());
        assertTrue(e.getMessage().contains("every shard of a dataset must have the same spec"), e.getMessage());
    }

    @Test
    void aDirectoryWithoutManifestIsRejected() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("empty"));
        var e = assertThrows(DatasetFormatException.class, () -> ShardedDataset.open(dir));
        assertTrue(e.getMessage().contains("has no manifest.json"), e.getMessage());
        // to the format-by-name loaders a directory without a manifest is just a directory
        assertThrows(java.nio.file.FileSystemException.class, () -> DatasetFiles.load(dir));
    }
}
