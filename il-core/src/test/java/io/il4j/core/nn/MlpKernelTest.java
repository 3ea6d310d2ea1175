package io.il4j.core.nn;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The training kernel's gradients (weights and inputs) against central finite differences of a
 * double-precision reference forward pass and against DL4J's backpropagation on the same weights;
 * accumulation over passes; optimizers; target networks.
 */
class MlpKernelTest {

    private static final int IN = 5, OUT = 3, ROWS = 7;

    private static float[] random(SplittableRandom r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) r.nextGaussian();
        return x;
    }

    /** The network's outputs in double, straight from the exported weights (no kernel code). */
    private static double[] forwardDouble(MlpWeights w, double[] x, int rows) {
        return forwardPerturbed(w, -1, false, -1, 0, x, rows);
    }

    /**
     * As {@link #forwardDouble} with {@code delta} added (in double) to one weight ({@code weight}) or bias of layer
     * {@code layer} ({@code layer} -1: none).
     */
    private static double[] forwardPerturbed(MlpWeights w, int layer, boolean weight, int index, double delta, double[] x, int rows) {
        double[] cur = x;
        int width = w.inputDim();
        for (int li = 0; li < w.layers().size(); li++) {
            DenseWeights l = w.layers().get(li);
            double[] next = new double[rows * l.out()];
            for (int r = 0; r < rows; r++)
                for (int j = 0; j < l.out(); j++) {
                    double z = l.bias()[j] + (li == layer && !weight && index == j ? delta : 0);
                    for (int i = 0; i < l.in(); i++) {
                        double wij = l.weights()[i * l.out() + j] + (li == layer && weight && index == i * l.out() + j ? delta : 0);
                        z += cur[r * width + i] * wij;
                    }
                    next[r * l.out() + j] = switch (l.activation()) {
                        case RELU -> Math.max(z, 0);
                        case TANH -> Math.tanh(z);
                        case LEAKY_RELU -> z >= 0 ? z : 0.01 * z;
                        case ELU -> z >= 0 ? z : Math.expm1(z);
                        case IDENTITY -> z;
                    };
                }
            cur = next;
            width = l.out();
        }
        return cur;
    }

    /** The loss used for the checks: sum over rows and outputs of c * output (so dL/dz = c). */
    private static double loss(MlpWeights w, double[] x, double[] c) {
        double[] z = forwardDouble(w, x, ROWS);
        double s = 0;
        for (int i = 0; i < z.length; i++) s += c[i] * z[i];
        return s;
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"TANH", "ELU", "RELU", "LEAKY_RELU"})
    void weightAndInputGradientsMatchFiniteDifferences(Activation activation) {
        SplittableRandom r = new SplittableRandom(3);
        MlpWeights init = MlpWeights.initialize(IN, new MlpSpec(List.of(6, 4), activation, false), OUT, 5);
        float[] x = random(r, ROWS * IN), c = random(r, ROWS * OUT);
        try (Mlp net = new Mlp(init)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> net.backward(net.newPass(), c, false, true, null));
            assertTrue(e.getMessage().contains("backward before any forward"), e.getMessage());
        }
        try (Mlp net = new Mlp(init)) {
            Mlp.Pass pass = net.newPass();
            net.forward(pass, x, ROWS);
            float[] inGrad = new float[ROWS * IN];
            net.backward(pass, c, false, true, inGrad);
            double h = 1e-6, maxRel = 0;
            // weights: perturb each parameter of the exported (double) model
            float[] p = net.parameters(), g = net.gradients();
            double[] xd = toDouble(x), cd = toDouble(c);
            for (int i = 0; i < p.length; i++) {
                double fd = (lossWithParam(net, i, p[i] + h, xd, cd) - lossWithParam(net, i, p[i] - h, xd, cd)) / (2 * h);
                maxRel = Math.max(maxRel, relErr(g[i], fd));
            }
            assertTrue(maxRel < 1e-3, activation + ": max relative weight-gradient error " + maxRel);
            maxRel = 0;
            MlpWeights w = net.weights();
            for (int i = 0; i < xd.length; i++) {
                double[] plus = xd.clone(), minus = xd.clone();
                plus[i] += h;
                minus[i] -= h;
                double fd = (loss(w, plus, cd) - loss(w, minus, cd)) / (2 * h);
                maxRel = Math.max(maxRel, relErr(inGrad[i], fd));
            }
            assertTrue(maxRel < 1e-3, activation + ": max relative input-gradient error " + maxRel);
        }
    }

    /** The loss with parameter i set to v (in double), evaluated from the exported weights. */
    private static double lossWithParam(Mlp net, int i, double v, double[] x, double[] c) {
        MlpWeights w = net.weights();
        // locate parameter i in layer l's [W; b] block
        int l = 0;
        while (l + 1 < net.numLayers() && net.parameterOffset(l + 1) <= i) l++;
        DenseWeights d = w.layers().get(l);
        int k = i - net.parameterOffset(l);
        if (k < d.in() * d.out()) return lossPerturbed(w, l, true, k, v - d.weights()[k], x, c);
        int b = k - d.in() * d.out();
        return lossPerturbed(w, l, false, b, v - d.bias()[b], x, c);
    }

    /** As {@link #loss} with {@code delta} added (in double) to one weight or bias of layer {@code layer}. */
    private static double lossPerturbed(MlpWeights w, int layer, boolean weight, int index, double delta, double[] x, double[] c) {
        double[] z = forwardPerturbed(w, layer, weight, index, delta, x, ROWS);
        double s = 0;
        for (int i = 0; i < z.length; i++) s += c[i] * z[i];
        return s;
    }

    private static double relErr(double analytic, double numeric) {
        return Math.abs(analytic - numeric) / Math.max(1e-2, Math.abs(analytic) + Math.abs(numeric));
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"TANH", "RELU"})
    void gradientsEqualDl4jBackpropagationOnTheSameWeights(Activation activation) {
        SplittableRandom r = new SplittableRandom(11);
        MlpSpec trunk = new MlpSpec(List.of(16, 8), activation, false);
        MlpWeights init = MlpWeights.initialize(IN, trunk, OUT, 2);
        float[] x = random(r, ROWS * IN), c = random(r, ROWS * OUT);
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE).list();
        int in = IN;
        for (int width : trunk.hiddenSizes()) {
            list.layer(new DenseLayer.Builder().nIn(in).nOut(width).activation(Dl4jMlp.dl4j(activation)).build());
            in = width;
        }
        // a dense (not output) last layer, so that DL4J backpropagates a given output gradient
        list.layer(new DenseLayer.Builder().nIn(in).nOut(OUT).activation(org.nd4j.linalg.activations.Activation.IDENTITY).build());
        MultiLayerConfiguration conf = list.build();
        MultiLayerNetwork ref = new MultiLayerNetwork(conf);
        ref.init();
        Dl4jMlp.load(init, ref);
        INDArray xs = Nd4j.create(toDouble(x), new long[]{ROWS, IN}, 'c');
        ref.setInput(xs);
        ref.feedForward(true, false); // keep the layer inputs for backprop
        Pair<Gradient, INDArray> back = ref.backpropGradient(Nd4j.create(toDouble(c), new long[]{ROWS, OUT}, 'c'),
                LayerWorkspaceMgr.noWorkspaces());
        try (Mlp net = new Mlp(init)) {
            Mlp.Pass pass = net.newPass();
            net.forward(pass, x, ROWS);
            float[] inGrad = new float[ROWS * IN];
            net.backward(pass, c, false, true, inGrad);
            for (int l = 0; l < net.numLayers(); l++) {
                INDArray gw = back.getFirst().getGradientFor(l + "_W").dup('c'), gb = back.getFirst().getGradientFor(l + "_b");
                int off = net.parameterOffset(l), nw = (int) gw.length();
                for (int i = 0; i < nw; i++)
                    assertEquals(gw.getDouble(i / gw.size(1), i % gw.size(1)), net.gradients()[off + i], 1e-4, "layer " + l + " W[" + i + "]");
                for (int j = 0; j < gb.length(); j++)
                    assertEquals(gb.getDouble(j), net.gradients()[off + nw + j], 1e-4, "layer " + l + " b[" + j + "]");
            }
            INDArray eps = back.getSecond();
            for (int i = 0; i < inGrad.length; i++) assertEquals(eps.getDouble(i / IN, i % IN), inGrad[i], 1e-4, "input gradient " + i);
        }
    }

    @Test
    void accumulatedPassesEqualOnePassOverTheStackedRows() {
        SplittableRandom r = new SplittableRandom(1);
        MlpWeights init = MlpWeights.initialize(IN, new MlpSpec(List.of(12), Activation.TANH, false), OUT, 9);
        float[] x = random(r, 2 * ROWS * IN), c = random(r, 2 * ROWS * OUT);
        try (Mlp a = new Mlp(init); Mlp b = new Mlp(init)) {
            a.forward(x, 2 * ROWS);
            a.backward(c);
            float[] x1 = java.util.Arrays.copyOfRange(x, 0, ROWS * IN), x2 = java.util.Arrays.copyOfRange(x, ROWS * IN, 2 * ROWS * IN);
            float[] c1 = java.util.Arrays.copyOfRange(c, 0, ROWS * OUT), c2 = java.util.Arrays.copyOfRange(c, ROWS * OUT, 2 * ROWS * OUT);
            Mlp.Pass p1 = b.newPass(), p2 = b.newPass();
            b.forward(p1, x1, ROWS);
            b.forward(p2, x2, ROWS); // two passes alive at once
            b.zeroGradients();
            b.backward(p1, c1, true, true, null);
            b.backward(p2, c2, true, true, null);
            for (int i = 0; i < a.gradients().length; i++) assertEquals(a.gradients()[i], b.gradients()[i], 1e-5, "gradient " + i);
            // a larger batch after a smaller one (the pass grows), then a smaller one again (reused)
            float[] big = random(r, 3 * ROWS * IN);
            float[] outBig = b.forward(p1, big, 3 * ROWS).clone();
            float[] outSmall = b.forward(p1, big, 1);
            for (int j = 0; j < OUT; j++) assertEquals(outBig[j], outSmall[j], 1e-6);
        }
    }

    @Test
    void targetNetworksCopyAndBlend() {
        MlpSpec trunk = new MlpSpec(List.of(4), Activation.RELU, false);
        try (Mlp online = Mlp.initialize(IN, trunk, OUT, 1); Mlp target = Mlp.initialize(IN, trunk, OUT, 2)) {
            float[] before = target.parameters().clone();
            target.blendFrom(online, 0.25);
            for (int i = 0; i < before.length; i++)
                assertEquals(0.75f * before[i] + 0.25f * online.parameters()[i], target.parameters()[i], 1e-7);
            target.copyFrom(online);
            assertArrayEquals(online.parameters(), target.parameters());
            float[] x = random(new SplittableRandom(4), IN);
            assertArrayEquals(online.forward(x, 1).clone(), target.forward(x, 1).clone());
            assertThrows(IllegalArgumentException.class, () -> target.blendFrom(online, 1.5));
            try (Mlp other = Mlp.initialize(IN + 1, trunk, OUT, 1)) {
                assertThrows(IllegalArgumentException.class, () -> target.copyFrom(other));
            }
        }
    }

    @Test
    void sgdAndAdamStepAgainstTheGradient() {
        ParameterVector p = new ParameterVector(1f, -2f);
        Sgd sgd = new Sgd(p, 0.1);
        p.gradients()[0] = 2f;
        p.gradients()[1] = -1f;
        sgd.step();
        assertEquals(0.8f, p.get(0), 1e-7);
        assertEquals(-1.9f, p.get(1), 1e-7);
        // Adam's first step moves every parameter by lr against the sign of its gradient
        Adam adam = new Adam(p, 0.01);
        adam.step();
        assertEquals(0.79f, p.get(0), 1e-5);
        assertEquals(-1.89f, p.get(1), 1e-5);
        Adam.State s = adam.state();
        Adam other = new Adam(new ParameterVector(0f, 0f), 0.01);
        other.restore(s);
        assertEquals(s, other.state());
        assertEquals(1, other.iterations());
    }
}
