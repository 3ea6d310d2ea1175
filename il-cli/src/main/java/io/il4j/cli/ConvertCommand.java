package io.il4j.cli;

import io.il4j.core.io.DatasetFiles;
import io.il4j.core.io.LoadResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code il convert IN OUT}: converts between CSV and NPZ, and imports HDF5. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert demonstrations between CSV, NPZ and HDF5.",
                "Convert a demonstration file between formats, chosen by extension (or, with --shard-steps, into a sharded dataset directory):",
                ".csv <-> .npz, and .h5/.hdf5 (D4RL, Minari, robomimic layouts) -> .csv/.npz.",
                "NPZ reloads much faster than CSV and is readable by numpy (np.load).",
                "A CSV file is converted into shards while it is read, so a log larger than memory converts (a discrete",
                "action space then needs --num-actions); NPZ and HDF5 inputs are loaded whole first.",
                "The output is written to a temporary file and moved into place: a failed conversion leaves nothing behind."})
final class ConvertCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN", description = "Input file (.csv, .npz, .h5, .hdf5).")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "Output file (.csv or .npz).")
    Path out;

    @Option(names = "--compress", description = "Deflate NPZ entries, as np.savez_compressed (default: off, as np.savez).")
    boolean compress;

    @Option(names = "--shard-steps", paramLabel = "N", defaultValue = "0",
            description = "Write OUT as a sharded dataset: a directory of NPZ shards of at most N steps (episodes are never "
                    + "split) plus manifest.json with SHA-256 checksums; 0 = one file (default: ${DEFAULT-VALUE}).")
    int shardSteps;

    @Mixin
    DataInputOptions data;

    @Override
    public Integer call() throws Exception {
        if (shardSteps < 0) throw new IllegalArgumentException("--shard-steps must be >= 0 (0 = one file), got " + shardSteps);
        DatasetFiles.checkWritable(out, shardSteps); // fail on a bad output before reading anything
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
