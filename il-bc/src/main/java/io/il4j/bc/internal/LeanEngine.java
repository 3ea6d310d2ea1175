package io.il4j.bc.internal;

import io.il4j.core.nn.Head;
import io.il4j.core.nn.Adam;
import io.il4j.core.nn.Mlp;
import io.il4j.core.nn.MlpSpec;
import io.il4j.core.nn.MlpWeights;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * BC's step on il4j's training kernel ({@link Mlp} + {@link Adam}): forward, the head's loss and its
 * output gradient (in double, as the DL4J engine's loss function), backward, Adam with DL4J's decoupled
 * weight decay. Computes the same step as {@link Dl4jEngine} (tested) about 3x faster (see
 * {@code BcBenchmark}). Trunks with layer norm train on {@link Dl4jEngine}. Weights start from
 * {@link MlpWeights#initialize}, like the DL4J engine. Seed-deterministic. Not thread-safe.
 */
public final class LeanEngine implements Engine {

    private final Head head;
    private final Mlp net;
    private final Adam adam;
    private final Mlp.Pass training, inference;
    private float[] inputs, labels, outputGrad;
    private double[] zD, yD, gD;

    public static boolean supports(MlpSpec trunk) {
        return !trunk.layerNorm();
    }

    public LeanEngine(int inputDim, MlpSpec trunk, Head head, double learningRate, double weightDecay, long seed, int batchSize) {
        if (!supports(trunk)) throw new IllegalArgumentException("the lean engine does not implement layer norm; use the DL4J engine");
        this.head = head;
        this.net = Mlp.initialize(inputDim, trunk, head.outputDim(), seed);
        this.adam = new Adam(net, learningRate, weightDecay);
        this.training = net.newPass();
        this.inference = net.newPass();
        buffers(batchSize);
    }

    @Override
    public double fit(INDArray inputs, INDArray labels) {
        double loss = computeGradients(inputs, labels);
        adam.step();
        return loss;
    }

    /** Forward, loss and backward: fills the gradient (of the mean loss) without updating; returns the mean loss. */
    double computeGradients(INDArray x, INDArray y) {
        int n = rows(x);
        if (y.rank() != 2 || y.size(0) != n || y.size(1) != head.labelWidth())
            throw new IllegalArgumentException("labels " + Arrays.toString(y.shape()) + " do not match the head (expected ["
                    + n + ", " + head.labelWidth() + "])");
        buffers(n);
        floats(x, inputs);
        float[] z = net.forward(training, inputs, n);
        floats(y, labels);
        int zn = n * head.outputDim(), yn = n * head.labelWidth();
        for (int i = 0; i < zn; i++) zD[i] = z[i];
        for (int i = 0; i < yn; i++) yD[i] = labels[i];
        double sum = head.lossSum(zD, yD, n, gD, null);
        for (int i = 0; i < zn; i++) outputGrad[i] = (float) (gD[i] / n); // gradient of the mean loss
        net.backward(training, outputGrad, false, true, null);
        return sum / n;
    }

    /** Gradients of layer {@code l} after {@link #computeGradients}: {@code [W (in x out, row-major), b]}. */
    float[][] gradients(int l) {
        int off = net.parameterOffset(l), end = net.parameterOffset(l + 1);
        int outs = net.weights().layers().get(l).out(), w = end - off - outs;
        return new float[][]{Arrays.copyOfRange(net.gradients(), off, off + w), Arrays.copyOfRange(net.gradients(), off + w, end)};
    }

    @Override
    public INDArray output(INDArray x) {
        int n = rows(x);
        buffers(n);
        floats(x, inputs);
        float[] z = net.forward(inference, inputs, n);
        return Nd4j.create(Arrays.copyOf(z, n * head.outputDim()), new long[]{n, head.outputDim()}, 'c');
    }

    private int rows(INDArray x) {
        if (x.rank() != 2 || x.size(1) != net.inputDim() || x.size(0) < 1)
            throw new IllegalArgumentException("inputs " + Arrays.toString(x.shape()) + " do not match the network (expected [rows, "
                    + net.inputDim() + "])");
        return (int) x.size(0);
    }

    /** Staging arrays for {@code n} rows; grown, never shrunk, so steady training does not allocate. */
    private void buffers(int n) {
        if (inputs != null && inputs.length >= n * net.inputDim()) return;
        inputs = new float[n * net.inputDim()];
        labels = new float[n * head.labelWidth()];
        outputGrad = new float[n * head.outputDim()];
        zD = new double[n * head.outputDim()];
        gD = new double[n * head.outputDim()];
        yD = new double[n * head.labelWidth()];
    }

    @Override
    public MlpWeights weights() {
        return net.weights();
    }

    @Override
    public void setWeights(MlpWeights weights) {
        net.setWeights(weights);
    }

    @Override
    public boolean checkpointable() {
        return true;
    }

    @Override
    public Adam.State optimizerState() {
        return adam.state();
    }

    @Override
    public void restoreOptimizer(Adam.State state) {
        adam.restore(state);
    }

    /** Copies a float matrix into {@code dst} in row-major order. */
    private static void floats(INDArray a, float[] dst) {
        INDArray c = a.dataType() == DataType.FLOAT && a.ordering() == 'c' && !a.isView() ? a : a.castTo(DataType.FLOAT).dup('c');
        c.data().asNioFloat().get(dst, 0, (int) c.length());
    }
}
