package io.il4j.spark;

import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.env.Rollouts;
import io.il4j.core.io.CsvOptions;
import io.il4j.core.io.DatasetFiles;
import io.il4j.core.io.ShardedDataset;
import io.il4j.envs.Envs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparkShardedConversionTest {

    @TempDir
    Path tmp;

    /** Three CSV logs of Pendulum expert episodes (40 steps each; 3, 4 and 5 episodes). */
    List<Path> logs() throws Exception {
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
    void manyCsvLogsBecomeOneShardedDatasetInFileOrder() throws Exception {
        List<Path> files = logs();
        ShardedDataset out = SparkShardedConversion.convert(SparkTestContext.get(), files, tmp.resolve("fleet"),
                CsvOptions.builder().build(), 100, true);

        DatasetBuilder expected = null;
        for (Path f : files) {
            Dataset d = DatasetFiles.load(f).dataset();
            if (expected == null) expected = new DatasetBuilder(d.spec());
            expected.appendAll(d);
        }
        Dataset all = expected.build();
        assertEquals(all.contentHash(), out.loadAll().contentHash());
        assertEquals(12, out.numEpisodes());
        // one task per file: 120, 160, 200 steps in shards of at most 100 steps, episodes whole
        assertEquals(List.of(80, 40, 80, 80, 80, 80, 40), out.shards().stream().map(ShardedDataset.Shard::steps).toList());
        for (int i = 0; i < out.numShards(); i++) out.verifyChecksum(i);
        try (Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no part directory left behind");
        }
    }

    @Test
    void aBadCellInOneLogNamesTheFileAndWritesNothing() throws Exception {
        List<Path> files = logs();
        List<String> lines = new ArrayList<>(Files.readAllLines(files.get(1)));
        String[] cells = lines.get(3).split(",", -1);
        cells[2] = "oops";
        lines.set(3, String.join(",", cells));
        Files.write(files.get(1), lines);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkShardedConversion.convert(
                SparkTestContext.get(), files, tmp.resolve("fleet"), CsvOptions.builder().build(), 100, false));
        assertTrue(e.getMessage().contains("log-1.csv") && e.getMessage().contains("oops"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("fleet")));
        try (Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no part directory left behind");
        }
    }
}
