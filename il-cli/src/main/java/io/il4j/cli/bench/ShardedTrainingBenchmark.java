package io.il4j.cli.bench;

import io.il4j.bc.BcConfig;
import io.il4j.bc.BcTrainer;
import io.il4j.bc.HeadType;
import io.il4j.core.data.Dataset;
import io.il4j.core.data.StreamingSampler;
import io.il4j.core.io.ShardedDataset;
import io.il4j.core.io.ShardedDatasetWriter;
import io.il4j.core.report.Table;
import io.il4j.core.runtime.Il4j;
import io.il4j.core.train.TrainingListener;
import io.il4j.envs.BehaviourTier;
import io.il4j.envs.DatasetGenerator;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * BC on a Driving dataset larger than the heap ({@code il bench shards}), one phase per JVM so each phase's peak RSS
 * is its own:
 * <ul>
 * <li>{@code generate}: records expert Driving episodes (episode i reset with seed {@code 1 + i}, chunks of
 *     {@value #CHUNK_EPISODES} episodes generated on {@code threads} threads and appended in order, so the data do
 *     not depend on the thread count) into a sharded dataset of at least {@code steps} steps; an existing dataset of
 *     at least that size in {@code dataDir} is reused.</li>
 * <li>{@code in-memory}: loads the first shards (at least {@code inMemorySteps} steps) whole and trains BC with the
 *     in-memory sampler.</li>
 * <li>{@code streamed}: trains BC on every shard with the streaming sampler ({@code bufferShards} shards at a time).</li>
 * </ul>
 * Both training phases take {@code trainSteps} Gaussian-head steps of a 2x256 MLP at batch 256 without validation.
 * Samples/s count the training loop only (from the trainer's {@code onStart}, after normalizers are fitted and the
 * first batch source is ready, to {@code onFinish}); the setup time, which for the streamed phase is the one pass
 * over all shards (SHA-256 check, NPZ parse, normalizer statistics), is reported separately. Peak RSS is the
 * process's {@code VmHWM}. Run one phase per JVM.
 */
public final class ShardedTrainingBenchmark {

    static final int CHUNK_EPISODES = 200;
    static final String ENV = "driving";

    public enum Phase { GENERATE, IN_MEMORY, STREAMED }

    /** What to measure; {@code steps} is the dataset size to generate (or reuse). */
    public record Options(Phase phase, Path dataDir, long steps, int shardSteps, int bufferShards, int trainSteps,
                          long inMemorySteps, int threads) {
        public Options {
            if (steps < 1 || shardSteps < 1 || bufferShards < 1 || trainSteps < 1 || inMemorySteps < 1 || threads < 1)
                throw new IllegalArgumentException("steps, shardSteps, bufferShards, trainSteps, inMemorySteps and threads must be >= 1");
        }
    }

    public record Generation(long steps, long episodes, int shards, long bytesOnDisk, double seconds, boolean reused,
                             double stepsPerSecond) {
    }

    /**
     * One training phase. {@code loopCpuSeconds} is the training thread's CPU time over the loop (the shard loader's
     * thread not included): samples per CPU-second move less with the machine's load than samples/s.
     */
    public record Training(String sampler, long datasetSteps, int shards, int bufferShards, int gradientSteps, int batchSize,
                           double setupSeconds, double loopSeconds, double samplesPerSecond, double loopCpuSeconds,
                           double samplesPerCpuSecond, double finalLoss) {
    }

    public record Result(Phase phase, Generation generation, Training training, long peakRssBytes, long maxHeapBytes,
                         double systemLoadAverage, int processors) {
    }

    private ShardedTrainingBenchmark() {
    }

    public static Result run(Options o, PrintStream out) throws IOException {
        Il4j.configure();
        Generation g = null;
        Training t = null;
        switch (o.phase()) {
            case GENERATE -> g = generate(o, out);
            case IN_MEMORY -> t = inMemory(o);
            case STREAMED -> t = streamed(o);
        }
        Result r = new Result(o.phase(), g, t, peakRss(), Runtime.getRuntime().maxMemory(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        out.println(table(r).render());
        return r;
    }

    static Generation generate(Options o, PrintStream out) throws IOException {
        if (Files.isRegularFile(o.dataDir().resolve(ShardedDataset.MANIFEST))) {
            ShardedDataset existing = ShardedDataset.open(o.dataDir());
            if (existing.numSteps() >= o.steps()) {
                out.println("reusing " + existing);
                return new Generation(existing.numSteps(), existing.numEpisodes(), existing.numShards(), bytes(o.dataDir()), 0, true, Double.NaN);
            }
        }
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(o.threads());
        Deque<Future<Dataset>> inFlight = new ArrayDeque<>();
        long written = 0, nextChunk = 0, consumed = 0;
        try (ShardedDatasetWriter writer = new ShardedDatasetWriter(o.dataDir(), spec(), o.shardSteps(), false)) {
            while (written < o.steps()) {
                while (inFlight.size() < o.threads() + 1) {
                    long seed = 1 + nextChunk++ * CHUNK_EPISODES;
                    inFlight.add(pool.submit(() -> DatasetGenerator.generate(ENV, BehaviourTier.EXPERT, CHUNK_EPISODES, seed, Map.of(),
                            done -> { }).rollouts().dataset()));
                }
                Dataset chunk = inFlight.poll().get();
                writer.append(chunk);
                written += chunk.numSteps();
                if (++consumed % 50 == 0)
                    out.printf(java.util.Locale.ROOT, "generated %,d of %,d steps (%.0f s)%n", written, o.steps(), (System.nanoTime() - started) / 1e9);
            }
            inFlight.forEach(f -> f.cancel(true));
            ShardedDataset d = writer.finish();
            double s = (System.nanoTime() - started) / 1e9;
            return new Generation(d.numSteps(), d.numEpisodes(), d.numShards(), bytes(o.dataDir()), s, false, d.numSteps() / s);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("generation failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static io.il4j.core.data.DatasetSpec spec() {
        return DatasetGenerator.generate(ENV, BehaviourTier.EXPERT, 1, 0, Map.of(), done -> { }).rollouts().dataset().spec();
    }

    static BcConfig config(int trainSteps) {
        return BcConfig.builder().head(HeadType.GAUSSIAN).maxSteps(trainSteps).validationFraction(0).seed(0).build();
    }

    static Training inMemory(Options o) throws IOException {
        ShardedDataset shards = ShardedDataset.open(o.dataDir());
        int n = 0;
        long steps = 0;
        while (n < shards.numShards() && steps < o.inMemorySteps()) steps += shards.shardSteps(n++);
        int[] first = new int[n];
        for (int i = 0; i < n; i++) first[i] = i;
        Dataset data = StreamingSampler.load(shards, first);
        Timer timer = new Timer();
        long t0 = System.nanoTime();
        var trained = new BcTrainer(config(o.trainSteps()), timer, null).train(data);
        return timer.training("in-memory (MinibatchSampler)", data.numSteps(), n, n, o.trainSteps(), t0,
                trained.provenance().metrics().get("train_loss"));
    }

    static Training streamed(Options o) throws IOException {
        ShardedDataset shards = ShardedDataset.open(o.dataDir());
        Timer timer = new Timer();
        long t0 = System.nanoTime();
        var trained = new BcTrainer(config(o.trainSteps()), timer, null).train(shards, o.bufferShards());
        return timer.training("streamed (StreamingSampler)", shards.numSteps(), shards.numShards(), o.bufferShards(), o.trainSteps(), t0,
                trained.provenance().metrics().get("train_loss"));
    }

    /** Times the training loop between the trainer's onStart and onFinish. */
    private static final class Timer implements TrainingListener {
        private final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start, end, cpuStart, cpuEnd;

        @Override
        public void onStart(int totalSteps, int trainSteps, int validationSteps) {
            start = System.nanoTime();
            cpuStart = threads.getCurrentThreadCpuTime();
        }

        @Override
        public void onFinish() {
            end = System.nanoTime();
            cpuEnd = threads.getCurrentThreadCpuTime();
        }

        Training training(String sampler, long datasetSteps, int shards, int buffer, int steps, long t0, double loss) {
            int batch = config(steps).batchSize();
            double loop = (end - start) / 1e9, cpu = (cpuEnd - cpuStart) / 1e9;
            return new Training(sampler, datasetSteps, shards, buffer, steps, batch, (start - t0) / 1e9, loop,
                    (double) steps * batch / loop, cpu, (double) steps * batch / cpu, loss);
        }
    }

    /** The process's peak resident set ({@code VmHWM} of /proc/self/status), or -1 where there is no /proc. */
    static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status")))
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static long bytes(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            long total = 0;
            for (Path p : s.toList()) total += Files.size(p);
            return total;
        }
    }

    static Table table(Result r) {
        Table t = new Table("measure", "value");
        if (r.generation() != null) {
            Generation g = r.generation();
            t.addRow("dataset steps", g.steps());
            t.addRow("episodes", g.episodes());
            t.addRow("shards", g.shards());
            t.addRow("GB on disk", g.bytesOnDisk() / 1e9);
            t.addRow(g.reused() ? "generation (reused)" : "generation seconds", g.seconds());
            t.addRow("generated steps/s", g.stepsPerSecond());
        }
        if (r.training() != null) {
            Training x = r.training();
            t.addRow("sampler", x.sampler());
            t.addRow("dataset steps", x.datasetSteps());
            t.addRow("shards / buffered", x.shards() + " / " + x.bufferShards());
            t.addRow("gradient steps x batch", x.gradientSteps() + " x " + x.batchSize());
            t.addRow("setup seconds (normalizers, first batch source)", x.setupSeconds());
            t.addRow("training loop seconds", x.loopSeconds());
            t.addRow("samples/s", x.samplesPerSecond());
            t.addRow("training thread CPU seconds", x.loopCpuSeconds());
            t.addRow("samples per CPU-second", x.samplesPerCpuSecond());
            t.addRow("final train loss", x.finalLoss());
        }
        t.addRow("peak RSS (MB)", r.peakRssBytes() / 1e6);
        t.addRow("max heap (MB)", r.maxHeapBytes() / 1e6);
        t.addRow("load average", r.systemLoadAverage());
        return t.title("bench shards: " + r.phase().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }
}
