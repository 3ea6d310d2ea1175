package io.il4j.core.nn;

import io.il4j.core.runtime.Il4j;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class MlpForwardTest {

    @BeforeAll
    static void configure() {
        Il4j.configure();
    }

    /**
     * The plain-Java pass must compute what DL4J computes, for every activation, with and without layer
     * norm, and for both weight layouts (wide layers: rows of W; narrow ones, under {@link MlpForward#NARROW}
     * outputs: columns), in any position (a narrow hidden layer, a wide output layer).
     */
    @ParameterizedTest
    @CsvSource({"RELU,false,64;48,6", "TANH,false,64;48,6", "LEAKY_RELU,false,64;48,6", "ELU,false,64;48,6",
            "RELU,true,64;48,6", "TANH,true,64;48,6", "RELU,false,9;37,21", "TANH,true,5;30,16"})
    void plainForwardEqualsDl4jOutput(Activation act, boolean layerNorm, String hidden, int outputs) {
        MlpSpec spec = new MlpSpec(MlpSpec.parseSizes(hidden.replace(';', ',')), act, layerNorm);
        MultiLayerNetwork net = Dl4jMlp.build(17, spec, outputs, new LossMSE(), new Adam(1e-3), 0, 7);
        // Perturb biases and gains away from their init (0 and 1) so the test exercises them.
        Random r = new Random(3);
        MlpWeights w0 = Dl4jMlp.export(net, spec);
        List<DenseWeights> perturbed = new java.util.ArrayList<>();
        for (DenseWeights l : w0.layers()) {
            float[] b = l.bias().clone(), g = l.gain() == null ? null : l.gain().clone();
            for (int j = 0; j < b.length; j++) b[j] = (float) r.nextGaussian() * 0.3f;
            if (g != null) for (int j = 0; j < g.length; j++) g[j] = 1f + (float) r.nextGaussian() * 0.3f;
            perturbed.add(new DenseWeights(l.in(), l.out(), l.weights(), b, g, l.activation()));
        }
        MlpWeights weights = new MlpWeights(perturbed);
        Dl4jMlp.load(weights, net);

        INDArray x = Nd4j.randn(DataType.FLOAT, 200, 17).muli(2);
        for (int i = 0; i < 200; i++) for (int j = (i % 5); j < 17; j += 5) x.putScalar(i, j, 0f); // skipped zero inputs
        INDArray expected = net.output(x);
        MlpForward fwd = new MlpForward(Dl4jMlp.export(net, spec));
        MlpForward.Workspace ws = fwd.newWorkspace();
        double maxDiff = 0;
        float[] row = new float[17];
        for (int i = 0; i < 200; i++) {
            for (int j = 0; j < 17; j++) row[j] = x.getFloat(i, j);
            float[] y = fwd.forward(row, ws);
            for (int j = 0; j < outputs; j++) maxDiff = Math.max(maxDiff, Math.abs(y[j] - expected.getFloat(i, j)));
        }
        assertTrue(maxDiff <= 1e-5, "max |plain - dl4j| = " + maxDiff);
        // and the outputs are not trivially equal (the network is not constant)
        assertTrue(expected.stdNumber().doubleValue() > 1e-2);
    }

    @org.junit.jupiter.api.Test
    void weightsRoundTripThroughBytesAndNetwork() throws Exception {
        MlpSpec spec = new MlpSpec(List.of(8), Activation.TANH, true);
        MultiLayerNetwork net = Dl4jMlp.build(3, spec, 2, new LossMSE(), new Adam(1e-3), 0, 1);
        MlpWeights w = Dl4jMlp.export(net, spec);
        MlpWeights back = MlpWeights.fromBytes(w.toBytes());
        assertEquals(w.layers().size(), back.layers().size());
        for (int i = 0; i < w.layers().size(); i++) {
            assertArrayEquals(w.layers().get(i).weights(), back.layers().get(i).weights());
            assertArrayEquals(w.layers().get(i).bias(), back.layers().get(i).bias());
            assertEquals(w.layers().get(i).activation(), back.layers().get(i).activation());
        }
        assertArrayEquals(w.layers().get(0).gain(), back.layers().get(0).gain());
        MultiLayerNetwork other = Dl4jMlp.build(3, spec, 2, new LossMSE(), new Adam(1e-3), 0, 99);
        Dl4jMlp.load(back, other);
        INDArray x = Nd4j.randn(DataType.FLOAT, 5, 3);
        assertEquals(net.output(x), other.output(x));
    }

    @org.junit.jupiter.api.Test
    void corruptWeightBytesAreRejectedWithAReason() {
        byte[] bytes = Dl4jMlp.export(Dl4jMlp.build(3, new MlpSpec(List.of(4), Activation.RELU, false), 2,
                new LossMSE(), new Adam(1e-3), 0, 1), new MlpSpec(List.of(4), Activation.RELU, false)).toBytes();
        var truncated = java.util.Arrays.copyOf(bytes, bytes.length - 5);
        var e = assertThrows(java.io.IOException.class, () -> MlpWeights.fromBytes(truncated));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        bytes[0] = 'X';
        e = assertThrows(java.io.IOException.class, () -> MlpWeights.fromBytes(bytes));
        assertTrue(e.getMessage().contains("not an il4j network"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void mlpSpecRejectsBadSizesWithTheirPosition() {
        var e = assertThrows(IllegalArgumentException.class, () -> new MlpSpec(List.of(64, 0), Activation.RELU, false));
        assertTrue(e.getMessage().contains("hidden layer 1"), e.getMessage());
        assertEquals(List.of(256, 128), MlpSpec.parseSizes("256, 128"));
        e = assertThrows(IllegalArgumentException.class, () -> MlpSpec.parseSizes("256,x"));
        assertTrue(e.getMessage().contains("item 1"), e.getMessage());
    }
}
