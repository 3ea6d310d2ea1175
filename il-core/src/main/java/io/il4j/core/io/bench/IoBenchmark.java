package io.il4j.core.io.bench;

import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.data.DatasetSpec;
import io.il4j.core.io.CsvDatasetReader;
import io.il4j.core.io.CsvDatasetWriter;
import io.il4j.core.io.CsvOptions;
import io.il4j.core.io.NpzDatasetReader;
import io.il4j.core.io.NpzDatasetWriter;
import io.il4j.core.io.ProgressListener;
import io.il4j.core.space.Box;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The IO benchmark ({@code il bench io}): generates a random demonstration CSV (1000-step episodes with final
 * observations, rewards and flags), then measures CSV parse throughput, NPZ write and load throughput (stored and
 * deflated), and the memory a loaded dataset holds per raw float32 byte (heap delta after GC via
 * {@code MemoryMXBean}, direct/off-heap buffer delta, and {@link Dataset#heapBytes()}). CSV is read twice: in parallel
 * blocks (what {@code il} does) and sequentially with Commons CSV (the fallback for quoted files); CPU seconds are the
 * whole process's. Every reload is checked
 * against the parsed dataset's content hash. MB means 10^6 bytes. Generated files are deleted at the end, and
 * so is the work directory if the run created it.
 * Stateless; run one at a time per JVM (the memory figures assume nothing else allocates meanwhile).
 */
public final class IoBenchmark {

    public static final int DEFAULT_STEPS = 1_000_000;
    public static final int DEFAULT_OBS_DIM = 17;
    public static final int DEFAULT_ACT_DIM = 6;
    static final int EPISODE_LENGTH = 1000;

    /**
     * Timing of one file format: wall-clock seconds, and the reading thread's CPU seconds for the load (a steadier
     * figure on a shared machine). MB/s are file bytes per second.
     */
    public record FormatTiming(String format, long fileBytes, double writeSeconds, double loadSeconds,
                               double loadCpuSeconds, double writeMBps, double loadMBps, double loadMBpsCpu) {
        static FormatTiming of(String format, long bytes, double write, Timing load) {
            return new FormatTiming(format, bytes, write, load.wall, load.cpu, bytes / 1e6 / write, bytes / 1e6 / load.wall,
                    bytes / 1e6 / load.cpu);
        }
    }

    /** Memory held by a loaded dataset, measured after full GCs. */
    public record Memory(String loadedFrom, long heapDeltaBytes, long offHeapDeltaBytes, long datasetHeapBytes,
                         double heapPlusOffHeapPerRawByte, double datasetHeapPerRawByte) {
    }

    /** Everything measured; the CLI serializes it to JSON. */
    public record Result(int steps, int obsDim, int actDim, int episodes, long rawFloat32Bytes, double systemLoadAverage,
                         int processors, List<FormatTiming> formats, List<Memory> memory) {
    }

    private IoBenchmark() {
    }

    public static Result run(Path workDir, int steps, int obsDim, int actDim, PrintStream out) throws IOException {
        if (steps < 1 || obsDim < 1 || actDim < 1)
            throw new IllegalArgumentException("steps, obsDim and actDim must be >= 1, got " + steps + ", " + obsDim + ", " + actDim);
        boolean createdWorkDir = !Files.isDirectory(workDir);
        Files.createDirectories(workDir);
        Path csv = workDir.resolve("io-bench.csv"), npz = workDir.resolve("io-bench.npz"),
                npzc = workDir.resolve("io-bench-compressed.npz");
        try {
            out.printf("il4j IO benchmark: %,d steps, obs %d, act %d, %d-step episodes%n", steps, obsDim, actDim, EPISODE_LENGTH);
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            int cpus = Runtime.getRuntime().availableProcessors();
            Generated gen = writeGenerated(csv, steps, obsDim, actDim);
            List<Memory> memory = new ArrayList<>();
            // Only this holder references loaded datasets, so the GC-based deltas see exactly one dataset each time.
            Dataset[] held = new Dataset[1];

            long[] before = usedMemory();
            Timing csvLoad = timed(() -> held[0] = new CsvDatasetReader(CsvOptions.defaults()).read(csv).dataset());
            memory.add(memory("csv", held[0], before, gen.rawBytes));
            check(held[0], gen.hash, "CSV");
            held[0] = null;
            Timing csvSequential = timed(() -> held[0] = new CsvDatasetReader(CsvOptions.defaults())
                    .readSequentially(csv, Files.size(csv), ProgressListener.NONE).dataset());
            check(held[0], gen.hash, "CSV (sequential)");
            double npzWrite = seconds(() -> NpzDatasetWriter.write(held[0], npz, false));
            double npzcWrite = seconds(() -> NpzDatasetWriter.write(held[0], npzc, true));

            held[0] = null;
            before = usedMemory();
            Timing npzLoad = timed(() -> held[0] = NpzDatasetReader.read(npz));
            memory.add(memory("npz", held[0], before, gen.rawBytes));
            check(held[0], gen.hash, "NPZ");
            held[0] = null;
            Timing npzcLoad = timed(() -> held[0] = NpzDatasetReader.read(npzc));
            check(held[0], gen.hash, "compressed NPZ");

            List<FormatTiming> formats = List.of(
                    FormatTiming.of("csv", Files.size(csv), gen.csvWriteSeconds, csvLoad),
                    FormatTiming.of("csv sequential", Files.size(csv), gen.csvWriteSeconds, csvSequential),
                    FormatTiming.of("npz (stored)", Files.size(npz), npzWrite, npzLoad),
                    FormatTiming.of("npz (deflated)", Files.size(npzc), npzcWrite, npzcLoad));
            Result result = new Result(steps, obsDim, actDim, gen.episodes, gen.rawBytes, load, cpus, formats, memory);
            print(result, out);
            return result;
        } finally {
            Files.deleteIfExists(csv);
            Files.deleteIfExists(npz);
            Files.deleteIfExists(npzc);
            if (createdWorkDir) deleteIfEmpty(workDir);
        }
    }

    /** Removes a directory this run created, unless something else was put there meanwhile. */
    private static void deleteIfEmpty(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            if (entries.findAny().isEmpty()) Files.delete(dir);
        }
    }

    private record Generated(String hash, long rawBytes, int episodes, double csvWriteSeconds) {
    }

    /** Generates the data and writes the CSV; the generated dataset is unreachable once this returns. */
    private static Generated writeGenerated(Path csv, int steps, int obsDim, int actDim) throws IOException {
        Dataset d = generate(steps, obsDim, actDim, 42);
        double write = seconds(() -> CsvDatasetWriter.write(d, csv));
        return new Generated(d.contentHash(), rawFloat32Bytes(d), d.numEpisodes(), write);
    }

    /** Random Gaussian data in episodes of {@value #EPISODE_LENGTH} steps, each with its final observation. */
    static Dataset generate(int steps, int obsDim, int actDim, long seed) {
        List<String> obsNames = new ArrayList<>(), actNames = new ArrayList<>();
        for (int i = 0; i < obsDim; i++) obsNames.add(DatasetSpec.OBS_PREFIX + i);
        for (int i = 0; i < actDim; i++) actNames.add(DatasetSpec.ACT_PREFIX + i);
        DatasetBuilder b = new DatasetBuilder(new DatasetSpec(obsNames, Box.unbounded(actDim), actNames, List.of(), true));
        Random rnd = new Random(seed);
        float[] o = new float[obsDim], a = new float[actDim];
        for (int done = 0, e = 0; done < steps; e++) {
            int len = Math.min(EPISODE_LENGTH, steps - done);
            b.beginEpisode();
            for (int t = 0; t < len; t++) {
                fill(rnd, o);
                fill(rnd, a);
                b.addStep(o, 0, null, 0, a, 0, (float) rnd.nextGaussian());
            }
            fill(rnd, o);
            b.endEpisode(o, 0, null, 0, e % 2 == 0, e % 2 == 1);
            done += len;
        }
        return b.build();
    }

    private static void fill(Random rnd, float[] v) {
        for (int i = 0; i < v.length; i++) v[i] = (float) rnd.nextGaussian();
    }

    static long rawFloat32Bytes(Dataset d) {
        long floats = d.observationData().length + d.actionData().length
                + (d.rewardData() == null ? 0 : d.rewardData().length) + (d.goalData() == null ? 0 : d.goalData().length);
        return 4 * floats;
    }

    private static Memory memory(String from, Dataset loaded, long[] before, long raw) {
        long[] after = usedMemory();
        long heap = after[0] - before[0], off = after[1] - before[1];
        return new Memory(from, heap, off, loaded.heapBytes(), (double) (heap + off) / raw, (double) loaded.heapBytes() / raw);
    }

    /** Heap used and direct-buffer memory used, after GCs settle. */
    private static long[] usedMemory() {
        long heap = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            heap = Math.min(heap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        long direct = 0;
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) direct += pool.getMemoryUsed();
        return new long[]{heap, direct};
    }

    private static void check(Dataset loaded, String expectedHash, String what) {
        if (!loaded.contentHash().equals(expectedHash))
            throw new IllegalStateException(what + " reload differs from the generated dataset (content hash mismatch)");
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    private static double seconds(IoAction action) throws IOException {
        return timed(action).wall;
    }

    private record Timing(double wall, double cpu) {
    }

    /** Wall time and the process's CPU time (every thread: the CSV parse runs on worker threads too). */
    private static Timing timed(IoAction action) throws IOException {
        long c0 = processCpuNanos(), t0 = System.nanoTime();
        action.run();
        long t1 = System.nanoTime(), c1 = processCpuNanos();
        return new Timing((t1 - t0) / 1e9, c0 < 0 ? Double.NaN : (c1 - c0) / 1e9);
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    private static void print(Result r, PrintStream out) {
        out.printf("(%d processors, system load average %.1f when started)%n", r.processors(), r.systemLoadAverage());
        out.printf("%-16s %9s %9s %11s %9s %10s %11s %14s%n", "format", "file MB", "write s", "write MB/s", "load s",
                "load MB/s", "load cpu s", "load MB/cpu-s");
        for (FormatTiming f : r.formats())
            out.printf("%-16s %9.1f %9.2f %11.1f %9.2f %10.1f %11.2f %14.1f%n", f.format(), f.fileBytes() / 1e6,
                    f.writeSeconds(), f.writeMBps(), f.loadSeconds(), f.loadMBps(), f.loadCpuSeconds(), f.loadMBpsCpu());
        out.printf("raw float32 data: %.1f MB (%,d episodes)%n", r.rawFloat32Bytes() / 1e6, r.episodes());
        out.printf("%-16s %14s %14s %16s %18s%n", "memory after", "heap delta MB", "off-heap MB", "per raw byte", "Dataset.heapBytes");
        for (Memory m : r.memory())
            out.printf("%-16s %14.1f %14.1f %16.3f %18.3f%n", m.loadedFrom() + " load", m.heapDeltaBytes() / 1e6,
                    m.offHeapDeltaBytes() / 1e6, m.heapPlusOffHeapPerRawByte(), m.datasetHeapPerRawByte());
    }
}
