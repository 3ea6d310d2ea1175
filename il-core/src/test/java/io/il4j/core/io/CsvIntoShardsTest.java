package io.il4j.core.io;

import io.il4j.core.data.Dataset;
import io.il4j.core.space.Discrete;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A CSV streamed into shards while it is read ({@link CsvDatasetReader#readIntoShards}) gives exactly the shards of the
 * same file loaded whole and then sharded, with the same warnings and errors, and leaves nothing behind on error.
 */
class CsvIntoShardsTest {

    @TempDir
    Path tmp;

    private static ShardedDataset shardsOfWholeLoad(Path csv, Path dir, int shardSteps) throws IOException {
        LoadResult whole = new CsvDatasetReader(CsvOptions.defaults()).read(csv);
        return ShardedDatasetWriter.write(whole.dataset(), dir, shardSteps, false);
    }

    private static List<String> checksums(ShardedDataset d) {
        return d.shards().stream().map(ShardedDataset.Shard::sha256).toList();
    }

    @Test
    void streamedShardsEqualTheShardsOfTheWholeFileForBlockAndSequentialParses() throws IOException {
        Path csv = Files.writeString(tmp.resolve("demo.csv"), CsvBlockParseTest.demo(80, 3, "\n"));
        // the same rows with one quoted cell: the whole file goes through the sequential (Commons CSV) parser
        Path quoted = Files.writeString(tmp.resolve("quoted.csv"), CsvBlockParseTest.demo(80, 3, "\n").replaceFirst(",x\n", ",\"x\"\n"));
        for (Path file : List.of(csv, quoted))
            for (int shardSteps : new int[]{1, 57, 400, 1 << 20}) {
                ShardedDataset expected = shardsOfWholeLoad(file, tmp.resolve("whole-" + shardSteps), shardSteps);
                for (int block : new int[]{64, 1 << 20}) {
                    Path dir = tmp.resolve("streamed-" + file.getFileName() + "-" + shardSteps + "-" + block);
                    ShardedLoadResult streamed = new CsvDatasetReader(CsvOptions.defaults(), block)
                            .readIntoShards(file, dir, shardSteps, false, ProgressListener.NONE);
                    assertEquals(checksums(expected), checksums(streamed.shards()), file.getFileName() + " shards of " + shardSteps + ", block " + block);
                    assertEquals(expected.loadAll().contentHash(), ShardedDataset.open(dir).loadAll().contentHash());
                    assertEquals(new CsvDatasetReader(CsvOptions.defaults()).read(file).warnings(), streamed.warnings());
                }
            }
        assertTrue(ShardedDataset.open(tmp.resolve("streamed-demo.csv-57-64")).numShards() > 5, "several shards were written");
    }

    @Test
    void anErrorLateInTheFileIsTheWholeReadsErrorAndLeavesNoShards() throws IOException {
        String text = CsvBlockParseTest.demo(80, 4, "\n");
        int late = text.length() * 9 / 10;
        int lineStart = text.indexOf('\n', late) + 1;
        String[] cells = text.substring(lineStart, text.indexOf('\n', lineStart)).split(",", -1);
        cells[2] = "abc";
        String bad = text.substring(0, lineStart) + String.join(",", cells) + text.substring(text.indexOf('\n', lineStart));
        Path csv = Files.writeString(tmp.resolve("bad.csv"), bad);
        String expected = assertThrows(DatasetFormatException.class, () -> new CsvDatasetReader(CsvOptions.defaults()).read(csv)).getMessage();
        Path out = tmp.resolve("out");
        for (int block : new int[]{64, 1 << 20}) {
            DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> new CsvDatasetReader(CsvOptions.defaults(), block)
                    .readIntoShards(csv, out, 50, false, ProgressListener.NONE));
            assertEquals(expected, e.getMessage());
            assertFalse(Files.exists(out), "no dataset directory after the error");
            try (Stream<Path> left = Files.list(tmp)) {
                assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith(".out")).toList(), "no temporary shards left");
            }
        }
    }

    @Test
    void aDiscreteActionSpaceMustBeGivenWhenStreaming() throws IOException {
        StringBuilder sb = new StringBuilder("episode,t,obs_0,act\n");
        for (int e = 0; e < 6; e++) for (int t = 0; t < 5; t++) sb.append(e).append(',').append(t).append(',').append(t * 0.5).append(',').append((e + t) % 3).append('\n');
        Path csv = Files.writeString(tmp.resolve("discrete.csv"), sb.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CsvDatasetReader(CsvOptions.defaults())
                .readIntoShards(csv, tmp.resolve("d"), 10, false, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("discrete.csv") && e.getMessage().contains("number of discrete actions"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("d")));

        ShardedDataset shards = new CsvDatasetReader(CsvOptions.builder().discreteActionCount(3).build())
                .readIntoShards(csv, tmp.resolve("d"), 10, false, ProgressListener.NONE).shards();
        Dataset all = shards.loadAll();
        assertEquals(new Discrete(3), all.spec().actionSpace());
        assertEquals(6 * 5, all.numSteps());
        assertEquals(3, shards.numShards());
    }
}
