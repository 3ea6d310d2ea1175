package io.il4j.spark;

import io.il4j.core.cluster.ShardedConversion;
import io.il4j.core.io.CsvOptions;
import io.il4j.core.io.ShardedDataset;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Many demonstration logs into one sharded dataset as a Spark job, from Java: {@link ShardedConversion} with one Spark task
 * per input file ({@code il convert LOG… OUT --shard-steps N --spark-master URL} runs the same). The shards are the same
 * as a local conversion's of the same files; the output's parent directory must be a filesystem every executor sees (on
 * one machine: any directory). Nothing is half-written.
 */
public final class SparkShardedConversion {

    private SparkShardedConversion() {
    }

    /** Converts {@code inputs} (in this order) into the sharded dataset {@code out}; the readers' warnings are dropped. */
    public static ShardedDataset convert(JavaSparkContext sc, List<Path> inputs, Path out, CsvOptions csv, int shardSteps,
                                         boolean compressed) throws IOException {
        return ShardedConversion.convert(SparkCluster.on(sc), inputs, out, csv, shardSteps, compressed, warning -> {
        });
    }
}
