package io.il4j.bc;

import io.il4j.core.train.TrainingListener;
import io.il4j.bc.internal.DeterministicHead;
import io.il4j.bc.internal.Dl4jEngine;
import io.il4j.core.data.Dataset;
import io.il4j.core.nn.Activation;
import io.il4j.core.nn.MlpForward;
import io.il4j.core.nn.MlpSpec;
import io.il4j.core.nn.MlpWeights;
import io.il4j.core.runtime.Il4j;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.*;

/** The embedding runtime: equal to DL4J, thread-safe, allocation-free, stateful where documented. */
class BcPolicyTest {

    @BeforeAll
    static void configure() {
        Il4j.configure();
    }

    /** A 2x256 MLP (obs 17, action 6) after some Adam steps: the plain-Java pass equals DL4J's output. */
    @Test
    void plainForwardOfATrainedTwoBy256NetworkEqualsDl4j() {
        MlpSpec trunk = new MlpSpec(List.of(256, 256), Activation.RELU, false);
        Dl4jEngine engine = new Dl4jEngine(17, trunk, new DeterministicHead(6), 1e-3, 0, 3);
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.randn(DataType.FLOAT, 256, 17), y = Nd4j.randn(DataType.FLOAT, 256, 6);
        for (int i = 0; i < 20; i++) engine.fit(x, y); // move away from the initialization
        INDArray probe = Nd4j.randn(DataType.FLOAT, 1000, 17).muli(3);
        INDArray expected = engine.output(probe);
        MlpForward f = new MlpForward(engine.weights());
        MlpForward.Workspace ws = f.newWorkspace();
        double maxDiff = 0;
        for (int i = 0; i < 1000; i++) {
            float[] out = f.forward(probe.getRow(i).toFloatVector(), ws);
            for (int j = 0; j < 6; j++) maxDiff = Math.max(maxDiff, Math.abs(out[j] - expected.getFloat(i, j)));
        }
        assertTrue(maxDiff <= 1e-5, "max |plain - dl4j| = " + maxDiff);
    }

    private static BcPolicy trainedGaussian() {
        Dataset data = Synthetic.continuous(4, 30, 5, 3, 1, Synthetic.smoothExpert(5, 3, 1));
        return BcTrainer.train(data, BcConfig.builder().head(HeadType.GAUSSIAN).hiddenSizes(64, 64).maxSteps(30)
                .validationFraction(0).build(), TrainingListener.NONE).policy();
    }

    @Test
    void concurrentActFromEightThreadsEqualsSequentialResults() throws Exception {
        BcPolicy p = trainedGaussian();
        assertFalse(p.isStateful());
        Random r = new Random(2);
        double[][] obs = new double[2000][];
        for (int i = 0; i < obs.length; i++) obs[i] = Synthetic.randomObservation(r, 5);
        double[][] sequential = new double[obs.length][];
        for (int i = 0; i < obs.length; i++) sequential[i] = p.act(obs[i]);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<double[][]>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                final int offset = t * 250;
                futures.add(pool.submit(() -> {
                    double[][] res = new double[obs.length][3];
                    for (int k = 0; k < obs.length; k++) { // each thread walks the states in its own order
                        int i = (k + offset) % obs.length;
                        p.act(obs[i], res[i]);
                    }
                    return res;
                }));
            }
            for (Future<double[][]> f : futures) {
                double[][] res = f.get();
                for (int i = 0; i < obs.length; i++) assertArrayEquals(sequential[i], res[i], 0.0, "state " + i);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void actIntoABufferAllocatesNothing() {
        BcPolicy p = trainedGaussian();
        double[] obs = {0.1, -0.2, 0.3, 0.4, -0.5}, out = new double[3];
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) p.act(obs, out); // JIT warm-up (escape analysis)
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++) {
            obs[0] = i * 1e-4;
            p.act(obs, out);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 10_000, "10,000 act() calls allocated " + allocated + " bytes");
    }

    @Test
    void actionsAreClippedIntoFiniteBounds() {
        // the expert's actions lie in [-1.5, 1.5] but the box is [-1, 1]: outputs beyond it are clipped
        Dataset narrow = Synthetic.continuous(4, 30, 2, io.il4j.core.space.Box.uniform(1, -1, 1), 3,
                o -> new double[]{1.5 * Math.signum(o[0])});
        BcConfig c = BcConfig.builder().head(HeadType.MSE).hiddenSizes(32).maxSteps(200).validationFraction(0).build();
        BcPolicy clipped = BcTrainer.train(narrow, c, TrainingListener.NONE).policy();
        BcPolicy unclipped = BcTrainer.train(narrow, c.toBuilder().clipActions(false).build(), TrainingListener.NONE).policy();
        double[] far = {3, 0};
        assertTrue(unclipped.act(far)[0] > 1.2, "unclipped " + unclipped.act(far)[0]);
        assertEquals(1.0, clipped.act(far)[0]);
    }

    @Test
    void historyPoliciesAreStatefulAndIndependentPerInstance() {
        Dataset data = Synthetic.continuous(4, 30, 2, 1, 5, o -> new double[]{o[0]});
        BcPolicy p = BcTrainer.train(data, BcConfig.builder().head(HeadType.MSE).hiddenSizes(16).history(3).maxSteps(20)
                .validationFraction(0).build(), TrainingListener.NONE).policy();
        assertTrue(p.isStateful());
        double[] a = {1, 2}, b = {-1, 0.5};
        p.reset();
        double first = p.act(a)[0];
        double afterB = p.act(b)[0];
        BcPolicy q = p.newInstance();
        q.reset();
        assertEquals(first, q.act(a)[0], 0.0, "a fresh instance starts like a reset one");
        p.reset();
        double freshB = p.act(b)[0];
        assertNotEquals(afterB, freshB, "the output depends on the previous observation");
        p.reset();
        assertEquals(first, p.act(a)[0], 0.0, "reset forgets the history");
    }

    @Test
    void samplingPoliciesAreSeededAndCentredOnTheDeterministicAction() {
        BcPolicy p = trainedGaussian();
        double[] o = {0.2, -0.1, 0.4, 0, 1};
        BcPolicy s1 = p.sampling(5), s2 = p.sampling(5);
        assertTrue(s1.isStateful());
        double[] mean = new double[3];
        int n = 4000;
        for (int i = 0; i < n; i++) {
            double[] a = s1.act(o), b = s2.act(o);
            assertArrayEquals(a, b, 0.0, "same seed, same samples");
            for (int j = 0; j < 3; j++) mean[j] += a[j] / n;
        }
        double[] det = p.act(o);
        double spread = 0;
        for (int j = 0; j < 3; j++) spread += Math.abs(s1.act(o)[j] - det[j]);
        assertTrue(spread > 1e-3, "samples vary");
        // clipping to [-2, 2] can bias the mean only where the distribution reaches the bounds; here it does not
        for (int j = 0; j < 3; j++) assertEquals(det[j], mean[j], 0.05, "dim " + j);
    }

    @Test
    void wrongObservationLengthIsRejectedWithTheExpectedLayout() {
        BcPolicy p = trainedGaussian();
        var e = assertThrows(IllegalArgumentException.class, () -> p.act(new double[4]));
        assertTrue(e.getMessage().contains("expects 5 observation"), e.getMessage());
    }

    @Test
    void weightsSurviveAsExportedFloats() {
        BcPolicy p = trainedGaussian();
        MlpWeights w = p.weights();
        assertEquals(5, w.inputDim());
        assertEquals(6, w.outputDim(), "Gaussian head: 3 means + 3 log-stds");
    }
}
