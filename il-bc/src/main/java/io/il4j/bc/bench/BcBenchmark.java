package io.il4j.bc.bench;

import io.il4j.bc.BcConfig;
import io.il4j.bc.BcNormalizers;
import io.il4j.bc.BcPolicy;
import io.il4j.bc.HeadType;
import io.il4j.bc.internal.Dl4jEngine;
import io.il4j.bc.internal.Engine;
import io.il4j.core.nn.Head;
import io.il4j.bc.internal.Heads;
import io.il4j.bc.internal.LeanEngine;
import io.il4j.core.nn.internal.NativeFloats;
import io.il4j.core.data.DatasetSpec;
import io.il4j.core.data.Normalizer;
import io.il4j.core.nn.MlpSpec;
import io.il4j.core.nn.MlpWeights;
import io.il4j.core.report.Json;
import io.il4j.core.report.Table;
import io.il4j.core.runtime.Il4j;
import io.il4j.core.space.Box;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * {@code il bench bc}: training throughput of a 2x256 MLP (batch 256, 17-dim observations, 6-dim
 * actions) for the MSE, Gaussian and MDN heads on both engines, next to the floor of each engine's
 * matrix products alone, and the batch-1 {@code act()} latency of the embedding runtime (with DL4J's
 * {@code output()} for one row as the reference point). A training row times full steps ({@code fit}
 * on one of 8 pre-built minibatches: forward, loss, backward, Adam). Throughput is the median of
 * several timed windows after a warm-up (the machine may be shared).
 */
public final class BcBenchmark {

    static final int OBS = 17, ACT = 6, BATCH = 256;
    static final List<Integer> HIDDEN = List.of(256, 256);

    /** Training steps per second of one head on one engine. */
    public record Throughput(String head, String engine, int batchSize, double stepsPerSecond, double samplesPerSecond) {
    }

    /** Per-call latency in microseconds. */
    public record Latency(String what, int calls, double medianMicros, double p99Micros) {
    }

    /** Everything measured, with the runtime settings that matter for it. */
    public record Result(List<Throughput> training, List<Latency> latency, int nd4jThreads, String openblasCoreType) {
    }

    private BcBenchmark() {
    }

    /** Runs the benchmark with default budgets (about a minute), printing tables to {@code out}. */
    public static Result run(PrintStream out) {
        return run(out, 5, 1.0);
    }

    /** {@code windows} timed windows of at least {@code windowSeconds} per training case. */
    public static Result run(PrintStream out, int windows, double windowSeconds) {
        Il4j.configure();
        List<Throughput> training = new ArrayList<>();
        for (Throughput floor : List.of(nd4jGemmFloor(windows, windowSeconds), blasGemmFloor(windows, windowSeconds))) {
            training.add(floor);
            out.printf("  %-14s %-5s %8.0f samples/s%n", floor.head(), floor.engine(), floor.samplesPerSecond());
        }
        for (HeadType h : List.of(HeadType.MSE, HeadType.GAUSSIAN, HeadType.MDN))
            for (String engine : List.of("dl4j", "lean")) {
                Throughput t = throughput(h, engine, windows, windowSeconds);
                training.add(t);
                out.printf("  %-14s %-5s %8.0f samples/s%n", t.head(), t.engine(), t.samplesPerSecond());
            }
        List<Latency> latency = List.of(actLatency(200_000), dl4jOutputLatency(5_000));
        Result r = new Result(training, latency, Il4j.threads(), String.valueOf(System.getenv("OPENBLAS_CORETYPE")));
        print(r, out);
        return r;
    }

    public static void print(Result r, PrintStream out) {
        Table t = new Table("head", "engine", "batch", "steps/s", "samples/s").title(
                "BC training throughput, 2x256 MLP, obs " + OBS + ", act " + ACT + " (" + r.nd4jThreads() + " ND4J thread(s), OPENBLAS_CORETYPE="
                        + r.openblasCoreType() + ")");
        for (Throughput x : r.training()) t.addRow(x.head(), x.engine(), x.batchSize(), Math.round(x.stepsPerSecond()), Math.round(x.samplesPerSecond()));
        t.print(out);
        Table l = new Table("batch-1 inference", "calls", "median us", "p99 us").decimals(2, 2).decimals(3, 2);
        for (Latency x : r.latency()) l.addRow(x.what(), x.calls(), x.medianMicros(), x.p99Micros());
        l.print(out);
    }

    static Throughput throughput(HeadType headType, String engineName, int windows, double windowSeconds) {
        BcConfig c = BcConfig.builder().head(headType).hiddenSizes(HIDDEN).batchSize(BATCH).build();
        Head head = Heads.create(c, Box.uniform(ACT, -1, 1));
        MlpSpec trunk = c.trunk();
        Engine e = engineName.equals("lean") ? new LeanEngine(OBS, trunk, head, c.learningRate(), 0, 1, BATCH)
                : new Dl4jEngine(OBS, trunk, head, c.learningRate(), 0, 1);
        Nd4j.getRandom().setSeed(1);
        int nb = 8;
        INDArray[] xs = new INDArray[nb], ys = new INDArray[nb];
        for (int i = 0; i < nb; i++) {
            xs[i] = Nd4j.randn(DataType.FLOAT, BATCH, OBS);
            ys[i] = Nd4j.randn(DataType.FLOAT, BATCH, ACT).muli(0.5);
        }
        int[] step = {0};
        double rate = stepsPerSecond(() -> {
            e.fit(xs[step[0] % nb], ys[step[0] % nb]);
            step[0]++;
        }, windows, windowSeconds);
        return new Throughput(headType.cliName(), engineName, BATCH, rate, rate * BATCH);
    }

    /**
     * Median over {@code windows} timed windows (at least {@code windowSeconds} and 20 steps each), after a
     * warm-up of one window (the JIT compiles while the first case runs; a fixed count of warm-up steps
     * left the first row measurably slow).
     */
    static double stepsPerSecond(Runnable step, int windows, double windowSeconds) {
        long limit = (long) (windowSeconds * 1e9);
        for (long t0 = System.nanoTime(), i = 0; i < 60 || System.nanoTime() - t0 < limit; i++) step.run();
        double[] rates = new double[windows];
        for (int w = 0; w < windows; w++) {
            long t0 = System.nanoTime();
            int n = 0;
            while (n < 20 || System.nanoTime() - t0 < limit) {
                step.run();
                n++;
            }
            rates[w] = n / ((System.nanoTime() - t0) / 1e9);
        }
        Arrays.sort(rates);
        return rates[windows / 2];
    }

    /**
     * The floor under the DL4J path: only the 8 matrix products of one training step (3 forward, 3 weight
     * gradients, 2 input gradients) as ND4J gemm calls, nothing else. On a shared machine it moves with
     * the load; the engines' distance to it does not.
     */
    static Throughput nd4jGemmFloor(int windows, double windowSeconds) {
        int[] dims = {OBS, HIDDEN.get(0), HIDDEN.get(1), ACT};
        INDArray[] act = new INDArray[4], w = new INDArray[3], gw = new INDArray[3], d = new INDArray[4];
        Nd4j.getRandom().setSeed(1);
        act[0] = Nd4j.rand(DataType.FLOAT, BATCH, OBS);
        d[0] = act[0].like();
        for (int l = 0; l < 3; l++) {
            w[l] = Nd4j.rand(DataType.FLOAT, dims[l], dims[l + 1]);
            gw[l] = w[l].like();
            act[l + 1] = Nd4j.create(DataType.FLOAT, BATCH, dims[l + 1]);
            d[l + 1] = Nd4j.rand(DataType.FLOAT, BATCH, dims[l + 1]);
        }
        double rate = stepsPerSecond(() -> {
            for (int l = 0; l < 3; l++) Nd4j.gemm(act[l], w[l], act[l + 1], false, false, 1.0, 0.0);
            for (int l = 2; l >= 0; l--) {
                Nd4j.gemm(act[l], d[l + 1], gw[l], true, false, 1.0, 0.0);
                if (l > 0) Nd4j.gemm(d[l + 1], w[l], d[l], false, true, 1.0, 0.0);
            }
        }, windows, windowSeconds);
        return new Throughput("(8 gemms only)", "nd4j", BATCH, rate, rate * BATCH);
    }

    /**
     * The floor under the lean engine: the same 8 products as OpenBLAS calls on native memory, shaped as
     * the lean engine shapes them (each layer's input with a ones column, so K is one larger), nothing else.
     */
    static Throughput blasGemmFloor(int windows, double windowSeconds) {
        int[] dims = {OBS, HIDDEN.get(0), HIDDEN.get(1), ACT};
        int[] ld = new int[4]; // row stride of each layer's input (and of the delta at that width): a ones column below the output
        for (int l = 0; l < 4; l++) ld[l] = l < 3 ? dims[l] + 1 : dims[l];
        List<NativeFloats> all = new ArrayList<>();
        FloatPointer[] act = new FloatPointer[4], d = new FloatPointer[4], w = new FloatPointer[3], gw = new FloatPointer[3];
        Random r = new Random(1);
        for (int l = 0; l < 4; l++) {
            act[l] = randomNative(r, BATCH * ld[l], all);
            d[l] = randomNative(r, BATCH * ld[l], all);
        }
        for (int l = 0; l < 3; l++) {
            w[l] = randomNative(r, (dims[l] + 1) * dims[l + 1], all);
            gw[l] = randomNative(r, (dims[l] + 1) * dims[l + 1], all);
        }
        double rate = stepsPerSecond(() -> {
            for (int l = 0; l < 3; l++)
                NativeFloats.gemm(false, false, BATCH, dims[l + 1], dims[l] + 1, act[l], ld[l], w[l], dims[l + 1], act[l + 1], ld[l + 1]);
            for (int l = 2; l >= 0; l--) {
                NativeFloats.gemm(true, false, dims[l] + 1, dims[l + 1], BATCH, act[l], ld[l], d[l + 1], ld[l + 1], gw[l], dims[l + 1]);
                if (l > 0) NativeFloats.gemm(false, true, BATCH, dims[l], dims[l + 1], d[l + 1], ld[l + 1], w[l], dims[l + 1], d[l], ld[l]);
            }
        }, windows, windowSeconds);
        all.forEach(NativeFloats::close);
        return new Throughput("(8 gemms only)", "blas", BATCH, rate, rate * BATCH);
    }

    private static FloatPointer randomNative(Random r, int n, List<NativeFloats> owner) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) r.nextGaussian();
        NativeFloats f = new NativeFloats(n);
        f.copyFrom(v, 0, n);
        owner.add(f);
        return f.at(0);
    }

    /** A 2x256 MSE policy with random weights (latency does not depend on training). */
    static BcPolicy latencyPolicy() {
        BcConfig c = BcConfig.builder().head(HeadType.MSE).hiddenSizes(HIDDEN).build();
        List<String> obs = new ArrayList<>(), act = new ArrayList<>();
        for (int i = 0; i < OBS; i++) obs.add("o" + i);
        for (int i = 0; i < ACT; i++) act.add("a" + i);
        DatasetSpec spec = new DatasetSpec(obs, Box.uniform(ACT, -1, 1), act, List.of(), false);
        MlpWeights w = MlpWeights.initialize(OBS, c.trunk(), ACT, 1);
        return new BcPolicy(w, c, spec, new BcNormalizers(Normalizer.identity(OBS), null, Normalizer.identity(ACT)));
    }

    static Latency actLatency(int calls) {
        BcPolicy p = latencyPolicy();
        Random r = new Random(1);
        double[][] obs = new double[1024][OBS];
        for (double[] o : obs) for (int i = 0; i < OBS; i++) o[i] = r.nextGaussian();
        double[] out = new double[ACT];
        for (int i = 0; i < 100_000; i++) p.act(obs[i & 1023], out); // JIT warm-up
        long[] ns = new long[calls];
        for (int i = 0; i < calls; i++) {
            long t0 = System.nanoTime();
            p.act(obs[i & 1023], out);
            ns[i] = System.nanoTime() - t0;
        }
        return latency("BcPolicy.act(obs, out) 2x256", ns);
    }

    static Latency dl4jOutputLatency(int calls) {
        BcConfig c = BcConfig.builder().head(HeadType.MSE).hiddenSizes(HIDDEN).build();
        Dl4jEngine e = new Dl4jEngine(OBS, c.trunk(), Heads.create(c, Box.uniform(ACT, -1, 1)), 1e-3, 0, 1);
        INDArray x = Nd4j.randn(DataType.FLOAT, 1, OBS);
        for (int i = 0; i < 2_000; i++) e.output(x);
        long[] ns = new long[calls];
        for (int i = 0; i < calls; i++) {
            long t0 = System.nanoTime();
            e.output(x);
            ns[i] = System.nanoTime() - t0;
        }
        return latency("DL4J MultiLayerNetwork.output, 1 row", ns);
    }

    private static Latency latency(String what, long[] ns) {
        long[] s = ns.clone();
        Arrays.sort(s);
        return new Latency(what, s.length, s[s.length / 2] / 1e3, s[(int) Math.floor(s.length * 0.99)] / 1e3);
    }

}
