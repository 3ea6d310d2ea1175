package io.il4j.cli;

import io.il4j.core.metrics.DatasetStatistics;
import io.il4j.core.io.LoadResult;
import io.il4j.core.io.ShardedDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code il inspect FILE}: loads a demonstration file and prints its statistics table. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Print the statistics of a demonstration file.",
                "Load a demonstration file (.csv, .npz, .h5/.hdf5) and print its statistics:",
                "episodes, steps, returns, episode lengths and per-dimension observation/action ranges."})
final class InspectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The demonstration file, or a sharded dataset directory (read shard by shard).")
    Path file;

    @Mixin
    DataInputOptions data;

    @Override
    public Integer call() throws Exception {
        if (ShardedDataset.isSharded(file)) {
            // statistics accumulated shard by shard: a sharded dataset need not fit in memory
            ShardedDataset shards = ShardedDataset.open(file);
            DatasetStatistics.Accumulator stats = new DatasetStatistics.Accumulator(shards.spec());
            DataInputOptions.forEachShard(shards, stats::add);
            System.out.println(file + ": " + shards + "; every shard's SHA-256 matches the manifest");
            System.out.print(stats.result().format());
            return 0;
        }
        LoadResult loaded = data.load(file, System.err);
        System.out.println(file + ": " + loaded.dataset());
        System.out.print(DatasetStatistics.of(loaded.dataset()).format());
        return 0;
    }
}
