package io.il4j.core.cluster;

import io.il4j.core.io.CsvOptions;
import io.il4j.core.io.DatasetFiles;
import io.il4j.core.io.Hdf5Options;
import io.il4j.core.io.InputFiles;
import io.il4j.core.io.ShardedDataset;
import io.il4j.core.io.ShardedDatasetWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Many demonstration logs (CSV streamed in bounded memory, or any file {@link DatasetFiles#convertToShards} reads) into
 * one sharded dataset: one {@link Part} task per input file converts it into shards in a hidden part directory beside the
 * output; then this JVM checks that every part has the same spec and gathers the parts' shards, in input-file order,
 * into the output ({@link ShardedDatasetWriter#appendShards}: files moved, checksums kept). Episodes are never split;
 * each file's last shard may hold fewer than {@code shardSteps} steps. The shards are the same whichever
 * {@link Cluster} ran the parts. On a cluster, the output's parent directory must be a filesystem every executor sees.
 * Nothing is half-written: on any failure the parts are deleted and the output is left as it was.
 */
public final class ShardedConversion {

    private ShardedConversion() {
    }

    /** Converts {@code inputs} (in this order) into the sharded dataset {@code out}; readers' warnings go to {@code warnings}. */
    public static ShardedDataset convert(Cluster cluster, List<Path> inputs, Path out, CsvOptions csv, int shardSteps,
                                         boolean compressed, Consumer<String> warnings) throws IOException {
        if (inputs.isEmpty()) throw new IllegalArgumentException("no input files to convert");
        if (shardSteps < 1) throw new IllegalArgumentException("shardSteps must be >= 1, got " + shardSteps);
        for (Path in : inputs) InputFiles.requireRegularFile(in, "demonstration file");
        Path target = out.toAbsolutePath().normalize();
        DatasetFiles.checkWritable(target, shardSteps);
        Path parts = target.getParent().resolve("." + target.getFileName() + ".parts."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        Files.createDirectories(parts);
        try {
            List<Part> tasks = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++)
                tasks.add(new Part(inputs.get(i).toAbsolutePath().toString(), parts.resolve(String.format("part-%05d", i)).toString(),
                        csv, shardSteps, compressed));
            for (List<String> w : cluster.<ArrayList<String>>run(tasks)) w.forEach(warnings);
            ShardedDataset first = ShardedDataset.open(Path.of(tasks.get(0).dir()));
            try (ShardedDatasetWriter w = new ShardedDatasetWriter(target, first.spec(), shardSteps, compressed)) {
                for (Part p : tasks) {
                    ShardedDataset part = ShardedDataset.open(Path.of(p.dir()));
                    if (!part.spec().equals(first.spec()))
                        throw new IllegalArgumentException(p.input() + " has spec " + part.spec() + " but " + tasks.get(0).input()
                                + " has " + first.spec() + ": every input file must have the same columns and action space");
                    w.appendShards(part);
                }
                return w.finish();
            }
        } finally {
            deleteTree(parts);
        }
    }

    /** One input file converted into shards in its part directory; returns the reader's warnings. */
    public record Part(String input, String dir, CsvOptions csv, int shardSteps, boolean compressed) implements ClusterTask<ArrayList<String>> {
        @Override
        public ArrayList<String> run() throws IOException {
            return new ArrayList<>(DatasetFiles.convertToShards(Path.of(input), Path.of(dir), csv, Hdf5Options.defaults(), compressed,
                    shardSteps, null).warnings());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
