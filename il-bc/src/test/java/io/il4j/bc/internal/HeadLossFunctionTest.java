package io.il4j.bc.internal;

import io.il4j.core.nn.Head;
import io.il4j.core.nn.Activation;
import io.il4j.core.nn.Dl4jMlp;
import io.il4j.core.nn.MlpSpec;
import io.il4j.core.runtime.Il4j;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The DL4J adapter: DL4J's own gradient check through a tiny double-precision network, for every head. */
class HeadLossFunctionTest {

    @BeforeAll
    static void configure() {
        Il4j.configure();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @org.junit.jupiter.api.AfterAll
    static void restore() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }

    @Test
    void dl4jGradientCheckPassesForEveryHead() {
        Head[] heads = {new DeterministicHead(2), new GaussianHead(2, -5, 2, 0.1), new MixtureDensityHead(2, 3, 0.05, 2),
                new CategoricalHead(3)};
        Nd4j.getRandom().setSeed(3);
        for (Head h : heads) {
            MultiLayerNetwork net = Dl4jMlp.build(4, new MlpSpec(List.of(5), Activation.TANH, false), h.outputDim(),
                    new HeadLossFunction(h), new NoOp(), 0, 12, DataType.DOUBLE);
            INDArray x = Nd4j.randn(DataType.DOUBLE, 6, 4);
            INDArray y = Nd4j.randn(DataType.DOUBLE, 6, h.labelWidth());
            if (h instanceof CategoricalHead) {
                y = Nd4j.zeros(DataType.DOUBLE, 6, 3);
                for (int i = 0; i < 6; i++) y.putScalar(i, i % 3, 1.0);
            }
            boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(x).labels(y)
                    .epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-9));
            assertTrue(ok, "DL4J gradient check failed for " + h.getClass().getSimpleName());
        }
    }

    @Test
    void scoreIsTheMeanLossAndTheGradientIsOfTheSum() {
        Head h = new GaussianHead(1, -5, 2, 0);
        HeadLossFunction f = new HeadLossFunction(h);
        INDArray z = Nd4j.create(new double[][]{{0.1, 0.2}, {-0.3, 0.5}});
        INDArray y = Nd4j.create(new double[][]{{1.0}, {-1.0}});
        double mean = h.meanLoss(z.data().asDouble(), y.data().asDouble(), 2);
        var identity = new org.nd4j.linalg.activations.impl.ActivationIdentity();
        assertEquals(mean, f.computeScore(y, z, identity, null, true), 1e-12);
        assertEquals(2 * mean, f.computeScore(y, z, identity, null, false), 1e-12);
        assertEquals(mean, f.lastMeanLoss(), 1e-12);
        double[] grad = new double[4];
        h.lossSum(z.data().asDouble(), y.data().asDouble(), 2, grad, null);
        assertArrayEquals(grad, f.computeGradient(y, z, identity, null).data().asDouble(), 1e-12);
        var e = assertThrows(IllegalStateException.class, () -> f.computeScore(Nd4j.zeros(2, 3), z, identity, null, true));
        assertTrue(e.getMessage().contains("labels"), e.getMessage());
    }
}
