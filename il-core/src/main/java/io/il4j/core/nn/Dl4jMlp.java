package io.il4j.core.nn;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.ILossFunction;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds DL4J {@link MultiLayerNetwork}s from an {@link MlpSpec} trunk plus a linear output layer,
 * and moves weights between such networks and {@link MlpWeights}. Stateless; thread-safe.
 *
 * <p>Parameter keys follow DL4J's dense layers: {@code W} ({@code [in, out]}), {@code b}, and
 * {@code g} (layer-norm gain) when layer norm is on.
 */
public final class Dl4jMlp {

    private Dl4jMlp() {
    }

    /**
     * A float32 network {@code inputDim -> trunk -> outputDim} whose output layer has identity
     * activation and the given loss (heads interpret the raw outputs). Weights come from
     * {@link MlpWeights#initialize} with {@code seed} (DL4J's own seeding ignores seed 0, and a
     * Java-side initialization lets other engines start from the same weights). {@code weightDecay} is DL4J's
     * decoupled weight decay on weights (not biases), scaled by the learning rate.
     */
    public static MultiLayerNetwork build(int inputDim, MlpSpec trunk, int outputDim, ILossFunction loss,
                                          IUpdater updater, double weightDecay, long seed) {
        return build(inputDim, trunk, outputDim, loss, updater, weightDecay, seed, DataType.FLOAT);
    }

    /** As {@link #build(int, MlpSpec, int, ILossFunction, IUpdater, double, long)} with another precision (double for gradient checks). */
    public static MultiLayerNetwork build(int inputDim, MlpSpec trunk, int outputDim, ILossFunction loss,
                                          IUpdater updater, double weightDecay, long seed, DataType dataType) {
        if (inputDim < 1) throw new IllegalArgumentException("inputDim must be >= 1, got " + inputDim);
        if (outputDim < 1) throw new IllegalArgumentException("outputDim must be >= 1, got " + outputDim);
        if (!(weightDecay >= 0)) throw new IllegalArgumentException("weightDecay must be >= 0, got " + weightDecay);
        NeuralNetConfiguration.Builder b = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(dataType)
                .updater(updater);
        // Weight decay goes on each layer: set on the global builder, DL4J M2.1 registers it twice per
        // layer and decays at twice the requested rate.
        List<org.nd4j.linalg.learning.regularization.Regularization> decay = weightDecay > 0
                ? List.of(new org.nd4j.linalg.learning.regularization.WeightDecay(weightDecay, true)) : List.of();
        NeuralNetConfiguration.ListBuilder list = b.list();
        int in = inputDim;
        for (int width : trunk.hiddenSizes()) {
            list.layer(new DenseLayer.Builder().nIn(in).nOut(width).activation(dl4j(trunk.activation()))
                    .hasLayerNorm(trunk.layerNorm()).regularization(decay).build());
            in = width;
        }
        list.layer(new OutputLayer.Builder(loss).nIn(in).nOut(outputDim)
                .activation(org.nd4j.linalg.activations.Activation.IDENTITY).regularization(decay).build());
        MultiLayerConfiguration conf = list.build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        load(MlpWeights.initialize(inputDim, trunk, outputDim, seed), net);
        return net;
    }

    /** Copies the network's weights out (the last layer gets {@link Activation#IDENTITY}). */
    public static MlpWeights export(MultiLayerNetwork net, MlpSpec trunk) {
        int n = net.getnLayers();
        if (n != trunk.hiddenSizes().size() + 1)
            throw new IllegalArgumentException("network has " + n + " layers; trunk " + trunk.hiddenSizes() + " implies "
                    + (trunk.hiddenSizes().size() + 1));
        List<DenseWeights> layers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            INDArray w = net.getLayer(i).getParam("W");
            int in = (int) w.size(0), out = (int) w.size(1);
            INDArray g = i < n - 1 && trunk.layerNorm() ? net.getLayer(i).getParam("g") : null;
            layers.add(new DenseWeights(in, out, toFloats(w), toFloats(net.getLayer(i).getParam("b")),
                    g == null ? null : toFloats(g), i < n - 1 ? trunk.activation() : Activation.IDENTITY));
        }
        return new MlpWeights(layers);
    }

    /** Overwrites the network's parameters with {@code weights} (shapes must match). */
    public static void load(MlpWeights weights, MultiLayerNetwork net) {
        List<DenseWeights> layers = weights.layers();
        if (net.getnLayers() != layers.size())
            throw new IllegalArgumentException("network has " + net.getnLayers() + " layers; weights have " + layers.size());
        for (int i = 0; i < layers.size(); i++) {
            DenseWeights l = layers.get(i);
            INDArray w = net.getLayer(i).getParam("W");
            if (w.size(0) != l.in() || w.size(1) != l.out())
                throw new IllegalArgumentException("layer " + i + " is " + w.size(0) + "x" + w.size(1) + "; weights are " + l.in() + "x" + l.out());
            w.assign(Nd4j.create(l.weights(), new long[]{l.in(), l.out()}, 'c'));
            net.getLayer(i).getParam("b").assign(Nd4j.create(l.bias(), new long[]{l.out()}, 'c'));
            if (l.gain() != null) net.getLayer(i).getParam("g").assign(Nd4j.create(l.gain(), new long[]{l.out()}, 'c'));
        }
    }

    private static float[] toFloats(INDArray a) {
        return a.dup('c').data().asFloat();
    }

    /** DL4J's counterpart of an activation. */
    public static org.nd4j.linalg.activations.Activation dl4j(Activation a) {
        return switch (a) {
            case RELU -> org.nd4j.linalg.activations.Activation.RELU;
            case TANH -> org.nd4j.linalg.activations.Activation.TANH;
            case LEAKY_RELU -> org.nd4j.linalg.activations.Activation.LEAKYRELU;
            case ELU -> org.nd4j.linalg.activations.Activation.ELU;
            case IDENTITY -> org.nd4j.linalg.activations.Activation.IDENTITY;
        };
    }
}
