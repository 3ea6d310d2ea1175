package io.il4j.bc.internal;

import io.il4j.core.nn.Head;
import io.il4j.core.nn.Activation;
import io.il4j.core.nn.MlpSpec;
import io.il4j.core.nn.MlpWeights;
import io.il4j.core.runtime.Il4j;
import org.deeplearning4j.nn.gradient.Gradient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The lean engine computes DL4J's gradients and DL4J's Adam + weight-decay update. */
class LeanEngineTest {

    @BeforeAll
    static void configure() {
        Il4j.configure();
    }

    static Head head(String name, int actDim) {
        return switch (name) {
            case "mse" -> new DeterministicHead(actDim);
            case "gaussian" -> new GaussianHead(actDim, -5, 2, 0.01);
            case "mdn" -> new MixtureDensityHead(actDim, 3, 0.05, 2);
            case "categorical" -> new CategoricalHead(4);
            default -> throw new IllegalArgumentException(name);
        };
    }

    static INDArray labels(Head h, int rows) {
        if (h instanceof CategoricalHead) {
            INDArray y = Nd4j.zeros(DataType.FLOAT, rows, 4);
            for (int i = 0; i < rows; i++) y.putScalar(i, (i * 7) % 4, 1f);
            return y;
        }
        return Nd4j.randn(DataType.FLOAT, rows, h.labelWidth());
    }

    static double relDiff(INDArray a, INDArray b) {
        double num = a.sub(b).norm2Number().doubleValue(), den = Math.max(1e-12, b.norm2Number().doubleValue());
        return num / den;
    }

    @ParameterizedTest
    @CsvSource({"RELU,mse", "TANH,gaussian", "LEAKY_RELU,mdn", "ELU,categorical", "RELU,mdn"})
    void gradientsEqualDl4jsAndTrainingFollowsTheSamePath(Activation activation, String headName) {
        MlpSpec trunk = new MlpSpec(List.of(32, 24), activation, false);
        Head h = head(headName, 3);
        int rows = 64;
        double lr = 1e-3, wd = 1e-2;
        Dl4jEngine ref = new Dl4jEngine(7, trunk, h, lr, wd, 11);
        LeanEngine lean = new LeanEngine(7, trunk, h, lr, wd, 11, rows);
        Nd4j.getRandom().setSeed(1);
        INDArray x = Nd4j.randn(DataType.FLOAT, rows, 7), y = labels(h, rows);

        // gradients of the first step
        var net = ref.network();
        net.setInput(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        Gradient g = net.gradient();
        double leanLoss = lean.computeGradients(x, y);
        // (DL4J's score adds the weight-decay term; compare the data loss)
        double refLoss = h.meanLoss(ref.output(x).data().asDouble(), y.data().asDouble(), rows);
        assertEquals(refLoss, leanLoss, 1e-5 * Math.max(1, Math.abs(leanLoss)), "loss");
        for (int l = 0; l < 3; l++) {
            // DL4J's gradient here is of the summed loss; the lean engine's of the mean
            INDArray gw = g.getGradientFor(l + "_W").div(rows), gb = g.getGradientFor(l + "_b").div(rows);
            float[][] mine = lean.gradients(l);
            INDArray myW = Nd4j.create(mine[0], gw.shape(), 'c'), myB = Nd4j.create(mine[1], new long[]{gb.length()}, 'c');
            assertTrue(relDiff(myW, gw) < 1e-5, "layer " + l + " W gradient rel. diff " + relDiff(myW, gw));
            assertTrue(relDiff(myB, gb.reshape(gb.length())) < 1e-5, "layer " + l + " b gradient rel. diff " + relDiff(myB, gb.reshape(gb.length())));
        }

        // then 10 Adam steps with weight decay on the same batches (some smaller, as an epoch's last
        // batch can be): the weights stay together
        for (int i = 0; i < 10; i++) {
            int r = i % 4 == 3 ? 29 : rows;
            INDArray xi = Nd4j.randn(DataType.FLOAT, r, 7), yi = labels(h, r);
            ref.fit(xi, yi);
            lean.fit(xi, yi);
        }
        MlpWeights a = ref.weights(), b = lean.weights();
        for (int l = 0; l < 3; l++) {
            INDArray wa = Nd4j.create(a.layers().get(l).weights()), wb = Nd4j.create(b.layers().get(l).weights());
            INDArray init = Nd4j.create(MlpWeights.initialize(7, trunk, h.outputDim(), 11).layers().get(l).weights());
            double moved = wa.sub(init).norm2Number().doubleValue(), diff = wa.sub(wb).norm2Number().doubleValue();
            assertTrue(moved > 1e-3, "training moved the weights");
            assertTrue(diff < 1e-3 * moved, "layer " + l + ": engines differ by " + diff + " after moving " + moved);
        }
        INDArray probe = Nd4j.randn(DataType.FLOAT, 5, 7);
        assertTrue(relDiff(lean.output(probe), ref.output(probe)) < 1e-3);
    }

    @org.junit.jupiter.api.Test
    void badShapesAreRejectedWithTheExpectedShape() {
        LeanEngine lean = new LeanEngine(7, new MlpSpec(List.of(8), Activation.RELU, false), new DeterministicHead(3), 1e-3, 0, 1, 4);
        var e = assertThrows(IllegalArgumentException.class, () -> lean.fit(Nd4j.zeros(DataType.FLOAT, 4, 6), Nd4j.zeros(DataType.FLOAT, 4, 3)));
        assertTrue(e.getMessage().contains("[rows, 7]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> lean.fit(Nd4j.zeros(DataType.FLOAT, 4, 7), Nd4j.zeros(DataType.FLOAT, 4, 2)));
        assertTrue(e.getMessage().contains("[4, 3]"), e.getMessage());
    }
}
