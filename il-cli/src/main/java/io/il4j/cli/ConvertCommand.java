package io.il4j.cli;

import io.il4j.core.cluster.Cluster;
import io.il4j.core.cluster.ShardedConversion;
import io.il4j.core.io.DatasetFiles;
import io.il4j.core.io.Hdf5Options;
import io.il4j.core.io.LoadResult;
import io.il4j.core.io.ShardedDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code il convert IN OUT}: converts between CSV and NPZ, and imports HDF5. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert demonstrations between CSV, NPZ and HDF5.",
                "Convert a demonstration file between formats, chosen by extension (or, with --shard-steps, into a sharded dataset directory):",
                ".csv <-> .npz, and .h5/.hdf5 (D4RL, Minari, robomimic layouts) -> .csv/.npz.",
                "NPZ reloads much faster than CSV and is readable by numpy (np.load).",
                "A CSV file is converted into shards while it is read, so a log larger than memory converts (a discrete",
                "action space then needs --num-actions); NPZ and HDF5 inputs are loaded whole first.",
                "Several input files (il convert LOG1.csv LOG2.csv ... OUT_DIR --shard-steps N) become one sharded dataset, their "
                        + "episodes in file order, one task per file; with --spark-master the files are converted on Spark, into the same shards.",
                "The output is written to a temporary file and moved into place: a failed conversion leaves nothing behind."})
final class ConvertCommand implements Callable<Integer> {

    @Parameters(arity = "2..*", paramLabel = "FILE", description = "The input file(s) (.csv, .npz, .h5, .hdf5), then the output: a file "
            + "(.csv or .npz) or, with --shard-steps, a sharded dataset directory.")
    List<Path> paths;

    @Option(names = "--compress", description = "Deflate NPZ entries, as np.savez_compressed (default: off, as np.savez).")
    boolean compress;

    @Option(names = "--shard-steps", paramLabel = "N", defaultValue = "0",
            description = "Write OUT as a sharded dataset: a directory of NPZ shards of at most N steps (episodes are never "
                    + "split) plus manifest.json with SHA-256 checksums; 0 = one file (default: ${DEFAULT-VALUE}).")
    int shardSteps;

    @Option(names = "--spark-master", paramLabel = "URL", description = "Convert the input files on Spark (needs --shard-steps), one task "
            + "per file: local[*], local[N] or spark://host:port; the output's parent directory must be visible to every executor. "
            + "The il launcher then adds il-spark and Spark to the classpath (default: none, here).")
    String sparkMaster;

    @Mixin
    DataInputOptions data;

    @Override
    public Integer call() throws Exception {
        if (shardSteps < 0) throw new IllegalArgumentException("--shard-steps must be >= 0 (0 = one file), got " + shardSteps);
        List<Path> inputs = paths.subList(0, paths.size() - 1);
        Path out = paths.get(paths.size() - 1);
        DatasetFiles.checkWritable(out, shardSteps); // fail on a bad output before reading anything
        if (inputs.size() > 1 || sparkMaster != null) {
            if (shardSteps == 0)
                throw new IllegalArgumentException((inputs.size() > 1 ? inputs.size() + " input files convert" : "--spark-master converts")
                        + " into one sharded dataset: give --shard-steps N");
            if (!data.hdf5Options().equals(Hdf5Options.defaults()))
                throw new IllegalArgumentException("the HDF5 options apply to one input file; several files are read with the detected layout");
            try (Cluster cluster = Cluster.open(sparkMaster)) {
                ShardedDataset shards = ShardedConversion.convert(cluster, inputs, out, data.csvOptions(), shardSteps, compress,
                        w -> System.err.println("warning: " + w));
                System.out.println("wrote " + out + ": " + shards);
            }
            return 0;
        }
        Path in = inputs.get(0);
        if (shardSteps > 0) {
            System.out.println("wrote " + out + ": " + data.convertToShards(in, out, shardSteps, compress, System.err));
            return 0;
        }
        LoadResult loaded = data.load(in, System.err);
        DatasetFiles.save(loaded.dataset(), out, compress, shardSteps);
        System.out.println("wrote " + out + ": " + loaded.dataset());
        return 0;
    }
}
