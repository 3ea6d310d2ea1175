package io.il4j.offline.bench;

import io.il4j.bc.BcConfig;
import io.il4j.bc.HeadType;
import io.il4j.bc.internal.Heads;
import io.il4j.bc.internal.LeanEngine;
import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.data.DatasetSpec;
import io.il4j.core.runtime.Il4j;
import io.il4j.core.space.ActionSpace;
import io.il4j.core.space.Box;
import io.il4j.core.space.Discrete;
import io.il4j.offline.ContinuousCql;
import io.il4j.offline.CqlConfig;
import io.il4j.offline.DiscreteCql;
import io.il4j.offline.DiscreteCqlConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * {@code il bench cql}: gradient steps per second of continuous CQL (twin 2x256 critics, 2x256 actor,
 * batch 256, N = 10 actions of each of three kinds) and discrete CQL (2x256, batch 256), next to one BC
 * step (2x256 Gaussian head, batch 256, il4j's engine) at the same observation and action sizes. A CQL step
 * is the full update: targets, sampled actions, both critics, actor, temperature, target networks.
 * Throughput is the median over timed windows of the wall-clock rate and of the rate per CPU-second of the
 * training thread (the second is the one that survives a loaded machine). Synthetic data with rewards.
 */
public final class CqlBenchmark {

    /** One measured learner. */
    public record Row(String what, double stepsPerSecond, double msPerStep, double stepsPerCpuSecond, double cpuMsPerStep) {
    }

    private CqlBenchmark() {
    }

    /** Runs every row with {@code windows} windows of at least {@code windowSeconds} each. */
    public static List<Row> run(int obsDim, int actDim, int discreteActions, int windows, double windowSeconds, PrintStream out) {
        Il4j.configure();
        List<Row> rows = new ArrayList<>();
        CqlConfig cc = CqlConfig.builder().steps(Integer.MAX_VALUE - 1).evalInterval(Integer.MAX_VALUE - 1).build();
        Dataset cont = synthetic(obsDim, Box.uniform(actDim, -1, 1));
        rows.add(measure("continuous CQL (SAC, 2x256, batch 256, N=10)", ContinuousCql.benchmarkStep(cont, cc), windows, windowSeconds, out));
        DiscreteCqlConfig dc = DiscreteCqlConfig.builder().steps(Integer.MAX_VALUE - 1).evalInterval(Integer.MAX_VALUE - 1).build();
        rows.add(measure("discrete CQL (double DQN, 2x256, batch 256, " + discreteActions + " actions)",
                DiscreteCql.benchmarkStep(synthetic(obsDim, new Discrete(discreteActions)), dc), windows, windowSeconds, out));
        rows.add(measure("BC step (Gaussian head, 2x256, batch 256)", bcStep(obsDim, actDim), windows, windowSeconds, out));
        return rows;
    }

    private static Runnable bcStep(int obsDim, int actDim) {
        BcConfig c = BcConfig.builder().head(HeadType.GAUSSIAN).hiddenSizes(256, 256).batchSize(256).build();
        LeanEngine e = new LeanEngine(obsDim, c.trunk(), Heads.create(c, Box.uniform(actDim, -1, 1)), c.learningRate(), 0, 1, 256);
        Nd4j.getRandom().setSeed(1);
        INDArray[] xs = new INDArray[8], ys = new INDArray[8];
        for (int i = 0; i < 8; i++) {
            xs[i] = Nd4j.randn(DataType.FLOAT, 256, obsDim);
            ys[i] = Nd4j.randn(DataType.FLOAT, 256, actDim).muli(0.5);
        }
        int[] k = {0};
        return () -> {
            e.fit(xs[k[0] % 8], ys[k[0] % 8]);
            k[0]++;
        };
    }

    /** 50 episodes of 200 random transitions with rewards. */
    static Dataset synthetic(int obsDim, ActionSpace space) {
        List<String> obs = IntStream.range(0, obsDim).mapToObj(i -> "o" + i).toList();
        List<String> act = space.isDiscrete() ? List.of("a") : IntStream.range(0, space.storageDim()).mapToObj(i -> "a" + i).toList();
        DatasetBuilder b = new DatasetBuilder(new DatasetSpec(obs, space, act, List.of(), true));
        Random r = new Random(1);
        for (int e = 0; e < 50; e++) {
            b.beginEpisode();
            for (int t = 0; t < 200; t++) {
                double[] o = r.doubles(obsDim).toArray();
                double[] a = space instanceof Discrete d ? new double[]{r.nextInt(d.n())} : r.doubles(space.storageDim(), -1, 1).toArray();
                b.addStep(o, a, r.nextDouble());
            }
            b.endEpisode(r.doubles(obsDim).toArray(), false, true);
        }
        return b.build();
    }

    private static Row measure(String what, Runnable step, int windows, double windowSeconds, PrintStream out) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long limit = (long) (windowSeconds * 1e9);
        for (long t0 = System.nanoTime(), i = 0; i < 5 || System.nanoTime() - t0 < limit; i++) step.run(); // warm-up window
        double[] wall = new double[windows], cpu = new double[windows];
        for (int w = 0; w < windows; w++) {
            long t0 = System.nanoTime(), c0 = mx.getCurrentThreadCpuTime();
            int n = 0;
            while (n < 3 || System.nanoTime() - t0 < limit) {
                step.run();
                n++;
            }
            wall[w] = n / ((System.nanoTime() - t0) / 1e9);
            cpu[w] = n / ((mx.getCurrentThreadCpuTime() - c0) / 1e9);
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        double sw = wall[windows / 2], sc = cpu[windows / 2];
        Row row = new Row(what, sw, 1000 / sw, sc, 1000 / sc);
        out.printf(java.util.Locale.ROOT, "  %-60s %9.2f steps/s (%8.2f ms)   %9.2f steps per CPU-s (%8.2f ms)%n", what, sw, 1000 / sw, sc, 1000 / sc);
        return row;
    }
}
