package io.il4j.spark;

import io.il4j.core.data.Dataset;
import io.il4j.core.io.CsvOptions;
import io.il4j.core.io.DatasetFiles;
import io.il4j.core.io.ShardedDataset;
import io.il4j.core.io.ShardedDatasetWriter;
import io.il4j.core.runtime.Il4j;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Converts many demonstration logs (CSV, or any file {@link DatasetFiles#load} reads) into one sharded dataset as a
 * Spark job: one task per input file reads it and writes it as shards with {@link ShardedDatasetWriter} into a hidden
 * part directory beside the output; the driver then checks that every part has the same spec and gathers the parts'
 * shards, in input-file order, into the output with {@link ShardedDatasetWriter#appendShards} (files moved, checksums
 * kept). Episodes are never split; each file's last shard may hold fewer than {@code shardSteps} steps. The output's
 * parent directory must be a filesystem every executor sees (on one machine: any directory). Nothing is half-written:
 * on any failure the parts are deleted and the output is left as it was.
 */
public final class SparkShardedConversion {

    private SparkShardedConversion() {
    }

    /** Converts {@code inputs} (in this order) into the sharded dataset {@code out}. */
    public static ShardedDataset convert(JavaSparkContext sc, List<Path> inputs, Path out, CsvOptions csv, int shardSteps,
                                         boolean compressed) throws IOException {
        if (inputs.isEmpty()) throw new IllegalArgumentException("no input files to convert");
        if (shardSteps < 1) throw new IllegalArgumentException("shardSteps must be >= 1, got " + shardSteps);
        for (Path in : inputs)
            if (!Files.isRegularFile(in)) throw new IllegalArgumentException(in + ": no such file");
        Path target = out.toAbsolutePath().normalize();
        DatasetFiles.checkWritable(target, shardSteps);
        Path parts = target.getParent().resolve("." + target.getFileName() + ".parts."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        Files.createDirectories(parts);
        try {
            List<Part> jobs = IntStream.range(0, inputs.size())
                    .mapToObj(i -> new Part(inputs.get(i).toAbsolutePath().toString(), parts.resolve(String.format("part-%05d", i)).toString()))
                    .toList();
            collect(sc, jobs, csv, shardSteps, compressed);
            ShardedDataset first = ShardedDataset.open(Path.of(jobs.get(0).dir()));
            try (ShardedDatasetWriter w = new ShardedDatasetWriter(target, first.spec(), shardSteps, compressed)) {
                for (Part p : jobs) {
                    ShardedDataset part = ShardedDataset.open(Path.of(p.dir()));
                    if (!part.spec().equals(first.spec()))
                        throw new IllegalArgumentException(p.input() + " has spec " + part.spec() + " but " + jobs.get(0).input()
                                + " has " + first.spec() + ": every input file must have the same columns and action space");
                    w.appendShards(part);
                }
                return w.finish();
            }
        } finally {
            deleteTree(parts);
        }
    }

    private static void collect(JavaSparkContext sc, List<Part> jobs, CsvOptions csv, int shardSteps, boolean compressed) {
        try {
            sc.parallelize(jobs, jobs.size()).foreach(p -> {
                Il4j.configure();
                Dataset data = DatasetFiles.load(Path.of(p.input()), csv).dataset();
                ShardedDatasetWriter.write(data, Path.of(p.dir()), shardSteps, compressed);
            });
        } catch (Exception e) { // Spark's SparkException is thrown from Scala, undeclared
            if (e instanceof SparkException) throw new IllegalArgumentException(rootMessage(e), e);
            throw e;
        }
    }

    /** The message of the executor's own exception (it names the file, line and column of bad input). */
    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() != null ? t.getMessage() : e.getMessage();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** One input file and the part directory its shards go to. */
    record Part(String input, String dir) implements Serializable {
    }
}
