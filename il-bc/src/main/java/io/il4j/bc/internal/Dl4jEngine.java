package io.il4j.bc.internal;

import io.il4j.core.nn.Head;
import io.il4j.core.nn.Dl4jMlp;
import io.il4j.core.nn.MlpSpec;
import io.il4j.core.nn.MlpWeights;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;

/** The reference engine: a DL4J {@link MultiLayerNetwork} with the head's loss, trained by {@code fit}. */
public final class Dl4jEngine implements Engine {
    private final MultiLayerNetwork net;
    private final HeadLossFunction loss;
    private final MlpSpec trunk;

    public Dl4jEngine(int inputDim, MlpSpec trunk, Head head, double learningRate, double weightDecay, long seed) {
        this.trunk = trunk;
        this.net = Dl4jMlp.build(inputDim, trunk, head.outputDim(), new HeadLossFunction(head), new Adam(learningRate),
                weightDecay, seed);
        // read the loss back from the network: the configuration may hold its own copy
        this.loss = (HeadLossFunction) ((BaseOutputLayer) net.getOutputLayer().conf().getLayer()).getLossFn();
    }

    public MultiLayerNetwork network() {
        return net;
    }

    @Override
    public double fit(INDArray inputs, INDArray labels) {
        net.fit(inputs, labels);
        return loss.lastMeanLoss();
    }

    @Override
    public INDArray output(INDArray inputs) {
        return net.output(inputs);
    }

    @Override
    public MlpWeights weights() {
        return Dl4jMlp.export(net, trunk);
    }

    @Override
    public void setWeights(MlpWeights weights) {
        Dl4jMlp.load(weights, net);
    }
}
