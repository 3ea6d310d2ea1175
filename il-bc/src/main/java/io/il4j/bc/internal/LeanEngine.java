package io.il4j.bc.internal;

import io.il4j.core.nn.Activation;
import io.il4j.core.nn.DenseWeights;
import io.il4j.core.nn.MlpSpec;
import io.il4j.core.nn.MlpWeights;
import io.il4j.core.runtime.Il4j;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The same network, loss and update as {@link Dl4jEngine}, without DL4J or ND4J ops: parameters,
 * gradients and Adam moments are Java arrays; the eight matrix products of a step (three forward,
 * three weight gradients, two input gradients) go straight to OpenBLAS on native copies
 * ({@link NativeFloats}); activations, their derivatives, the loss, Adam and weight decay are plain
 * Java loops, which C2 compiles to SIMD code. Measured on a 2x256 MLP at batch 256: an ND4J op costs
 * 20-40 us before any arithmetic, its Adam op took 0.5-0.7 ms (the Java loop: 30-50 us) and its tanh
 * derivative ~1 ms (the Java one, from the outputs: 10 us); this engine's step is within ~10% of its
 * eight products alone (see {@code BcBenchmark}).
 *
 * <p>Biases ride in the products: layer l's parameters are stored as one row-major
 * {@code (in+1) x out} block {@code [W; b]}, and the input of every layer carries a trailing column of
 * ones, so {@code [x 1][W; b] = xW + b}, and the weight-gradient product {@code [x 1]^T delta} yields
 * the bias gradient (the column sums of delta) as its last row. The ones column of a layer's
 * activations lives in the same native buffer as the product that fills the other columns.
 *
 * <p>Adam and weight decay follow DL4J's {@code AdamUpdater} op and decoupled {@code WeightDecay} (on
 * weights, not biases, scaled by the learning rate). Supports trunks without layer norm (the trainer
 * uses {@link Dl4jEngine} otherwise). Weights start from {@link MlpWeights#initialize}, like the DL4J
 * engine. Seed-deterministic (same seed and data give the same weights). Not thread-safe.
 */
public final class LeanEngine implements Engine {

    private final Head head;
    private final int numLayers;
    private final int[] in, out, paramOffset;
    private final Activation[] act;
    private final float lr, weightDecay, beta1, beta2, epsilon;
    private int iteration;

    // parameters, gradients and Adam moments, each layer's [W; b] block at paramOffset[l]
    private final float[] params, grads, adamM, adamV;
    private final NativeFloats nativeParams, nativeGrads;
    private final FloatPointer[] weightsAt, gradsAt;

    private Buffers training, inference; // per batch size, reallocated when it changes

    public static boolean supports(MlpSpec trunk) {
        return !trunk.layerNorm();
    }

    public LeanEngine(int inputDim, MlpSpec trunk, Head head, double learningRate, double weightDecay, long seed, int batchSize) {
        if (!supports(trunk)) throw new IllegalArgumentException("the lean engine does not implement layer norm; use the DL4J engine");
        Il4j.configure(); // BLAS threads (one by default)
        this.head = head;
        Adam adam = new Adam(learningRate);
        this.lr = (float) learningRate;
        this.weightDecay = (float) weightDecay;
        this.beta1 = (float) adam.getBeta1();
        this.beta2 = (float) adam.getBeta2();
        this.epsilon = (float) adam.getEpsilon();
        MlpWeights init = MlpWeights.initialize(inputDim, trunk, head.outputDim(), seed);
        List<DenseWeights> layers = init.layers();
        numLayers = layers.size();
        in = new int[numLayers];
        out = new int[numLayers];
        paramOffset = new int[numLayers + 1];
        act = new Activation[numLayers];
        for (int l = 0; l < numLayers; l++) {
            in[l] = layers.get(l).in();
            out[l] = layers.get(l).out();
            act[l] = layers.get(l).activation();
            paramOffset[l + 1] = paramOffset[l] + (in[l] + 1) * out[l];
        }
        int total = paramOffset[numLayers];
        params = new float[total];
        grads = new float[total];
        adamM = new float[total];
        adamV = new float[total];
        nativeParams = new NativeFloats(total);
        nativeGrads = new NativeFloats(total);
        weightsAt = new FloatPointer[numLayers];
        gradsAt = new FloatPointer[numLayers];
        for (int l = 0; l < numLayers; l++) {
            weightsAt[l] = nativeParams.at(paramOffset[l]);
            gradsAt[l] = nativeGrads.at(paramOffset[l]);
        }
        setWeights(init);
        training = new Buffers(batchSize);
    }

    @Override
    public double fit(INDArray inputs, INDArray labels) {
        double loss = computeGradients(inputs, labels);
        adamStep();
        return loss;
    }

    /** Forward, loss and backward: fills the gradient (of the mean loss) without updating; returns the mean loss. */
    double computeGradients(INDArray inputs, INDArray labels) {
        int n = rows(inputs);
        if (labels.rank() != 2 || labels.size(0) != n || labels.size(1) != head.labelWidth())
            throw new IllegalArgumentException("labels " + Arrays.toString(labels.shape()) + " do not match the head (expected ["
                    + n + ", " + head.labelWidth() + "])");
        if (training.rows != n) {
            training.close();
            training = new Buffers(n);
        }
        Buffers b = training;
        forward(inputs, b);
        // the loss and its gradient w.r.t. the outputs, in double (as the DL4J engine's loss function)
        int zn = n * head.outputDim();
        float[] y = b.labelStage;
        floats(labels, y);
        for (int i = 0; i < zn; i++) b.zD[i] = b.outputs[i];
        for (int i = 0; i < y.length; i++) b.yD[i] = y[i];
        double sum = head.lossSum(b.zD, b.yD, n, b.gD, null);
        for (int i = 0; i < zn; i++) b.outputGrad[i] = (float) (b.gD[i] / n); // gradient of the mean loss
        b.delta[numLayers - 1].copyFrom(b.outputGrad, 0, zn);
        backward(b);
        return sum / n;
    }

    /** Gradients of layer {@code l} after {@link #computeGradients}: {@code [W (in x out, row-major), b]}. */
    float[][] gradients(int l) {
        int w = in[l] * out[l], off = paramOffset[l];
        return new float[][]{Arrays.copyOfRange(grads, off, off + w), Arrays.copyOfRange(grads, off + w, off + w + out[l])};
    }

    @Override
    public INDArray output(INDArray inputs) {
        int n = rows(inputs);
        if (inference == null || inference.rows != n) {
            if (inference != null) inference.close();
            inference = new Buffers(n);
        }
        forward(inputs, inference);
        return Nd4j.create(Arrays.copyOf(inference.outputs, n * head.outputDim()), new long[]{n, head.outputDim()}, 'c');
    }

    private int rows(INDArray inputs) {
        if (inputs.rank() != 2 || inputs.size(1) != in[0] || inputs.size(0) < 1)
            throw new IllegalArgumentException("inputs " + Arrays.toString(inputs.shape()) + " do not match the network (expected [rows, "
                    + in[0] + "])");
        return (int) inputs.size(0);
    }

    /** Layer by layer: product into the next layer's input buffer, then the activation on the Java side. */
    private void forward(INDArray inputs, Buffers b) {
        int n = b.rows, w0 = in[0];
        floats(inputs, b.inputStage);
        for (int r = 0; r < n; r++) System.arraycopy(b.inputStage, r * w0, b.inputWithOnes, r * (w0 + 1), w0);
        b.layerInput[0].copyFrom(b.inputWithOnes, 0, n * (w0 + 1));
        for (int l = 0; l < numLayers; l++) {
            int k = in[l] + 1;
            if (l == numLayers - 1) {
                NativeFloats.gemm(false, false, n, out[l], k, b.layerInputAt[l], k, weightsAt[l], out[l], b.outputsAt, out[l]);
                b.nativeOutputs.copyTo(b.outputs, 0, n * out[l]);
            } else {
                int ld = out[l] + 1; // the next layer's input: this layer's activations and the ones column
                NativeFloats.gemm(false, false, n, out[l], k, b.layerInputAt[l], k, weightsAt[l], out[l], b.layerInputAt[l + 1], ld);
                float[] a = b.activations[l];
                b.layerInput[l + 1].copyTo(a, 0, n * ld);
                act[l].applyInPlace(a, n * ld);
                for (int r = 0; r < n; r++) a[r * ld + out[l]] = 1f; // the ones column, which the activation may have changed
                b.layerInput[l + 1].copyFrom(a, 0, n * ld);
            }
        }
    }

    /** From the output gradient in {@code delta[last]}: every layer's [W; b] gradient into {@link #grads}. */
    private void backward(Buffers b) {
        int n = b.rows;
        for (int l = numLayers - 1; l >= 0; l--) {
            int ldDelta = l == numLayers - 1 ? out[l] : out[l] + 1, k = in[l] + 1;
            // [dW; db] = [x 1]^T delta
            NativeFloats.gemm(true, false, k, out[l], n, b.layerInputAt[l], k, b.deltaAt[l], ldDelta, gradsAt[l], out[l]);
            if (l > 0) {
                // delta of the layer below = (delta W^T) * f'(its activations); W^T skips the bias row
                NativeFloats.gemm(false, true, n, in[l], out[l], b.deltaAt[l], ldDelta, weightsAt[l], out[l], b.deltaAt[l - 1], k);
                float[] d = b.deltas[l - 1];
                b.delta[l - 1].copyTo(d, 0, n * k);
                act[l - 1].multiplyByDerivative(b.activations[l - 1], d, n * k);
                b.delta[l - 1].copyFrom(d, 0, n * k);
            }
        }
        nativeGrads.copyTo(grads, 0, grads.length);
    }

    /** DL4J's Adam (bias-corrected step size), then its decoupled weight decay on weights, then the step. */
    private void adamStep() {
        double t = iteration + 1;
        float alpha = (float) (lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
        float decay = lr * weightDecay;
        for (int l = 0; l < numLayers; l++) {
            int start = paramOffset[l], biasStart = start + in[l] * out[l], end = paramOffset[l + 1];
            adam(start, biasStart, alpha, decay);
            adam(biasStart, end, alpha, 0f);
        }
        nativeParams.copyFrom(params, 0, params.length);
        iteration++;
    }

    private void adam(int from, int to, float alpha, float decay) {
        final float b1 = beta1, b2 = beta2, eps = epsilon, c1 = 1 - beta1, c2 = 1 - beta2;
        final float[] p = params, g = grads, m = adamM, v = adamV;
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float mi = b1 * m[i] + gi * c1;
            float vi = b2 * v[i] + gi * gi * c2;
            m[i] = mi;
            v[i] = vi;
            p[i] -= mi * alpha / ((float) Math.sqrt(vi) + eps) + decay * p[i];
        }
    }

    @Override
    public MlpWeights weights() {
        List<DenseWeights> layers = new ArrayList<>(numLayers);
        for (int l = 0; l < numLayers; l++) {
            int off = paramOffset[l], w = in[l] * out[l];
            layers.add(new DenseWeights(in[l], out[l], Arrays.copyOfRange(params, off, off + w),
                    Arrays.copyOfRange(params, off + w, off + w + out[l]), null, act[l]));
        }
        return new MlpWeights(layers);
    }

    @Override
    public void setWeights(MlpWeights weights) {
        if (weights.layers().size() != numLayers)
            throw new IllegalArgumentException("weights have " + weights.layers().size() + " layers; the network has " + numLayers);
        for (int l = 0; l < numLayers; l++) {
            DenseWeights d = weights.layers().get(l);
            if (d.in() != in[l] || d.out() != out[l] || d.gain() != null)
                throw new IllegalArgumentException("layer " + l + " is " + in[l] + "x" + out[l] + " without layer norm; weights are "
                        + d.in() + "x" + d.out() + (d.gain() != null ? " with layer norm" : ""));
        }
        for (int l = 0; l < numLayers; l++) {
            DenseWeights d = weights.layers().get(l);
            System.arraycopy(d.weights(), 0, params, paramOffset[l], in[l] * out[l]);
            System.arraycopy(d.bias(), 0, params, paramOffset[l] + in[l] * out[l], out[l]);
        }
        nativeParams.copyFrom(params, 0, params.length);
    }

    /** Copies a float matrix into {@code dst} in row-major order. */
    private static void floats(INDArray a, float[] dst) {
        INDArray c = a.dataType() == DataType.FLOAT && a.ordering() == 'c' && !a.isView() ? a : a.castTo(DataType.FLOAT).dup('c');
        c.data().asNioFloat().get(dst, 0, (int) c.length());
    }

    /**
     * Everything that depends on the number of rows: native layer inputs (each with its ones column)
     * and deltas, and their Java-side copies.
     */
    private final class Buffers implements AutoCloseable {
        final int rows;
        final NativeFloats[] layerInput, delta; // layerInput[l]: rows x (in[l]+1); delta[l]: rows x out[l] (+1 below the output layer)
        final FloatPointer[] layerInputAt, deltaAt;
        final NativeFloats nativeOutputs;
        final FloatPointer outputsAt;
        final float[][] activations, deltas; // hidden layers, rows x (out[l]+1), as the native buffers
        final float[] inputStage, inputWithOnes, outputs, outputGrad, labelStage;
        final double[] zD, yD, gD;

        Buffers(int rows) {
            this.rows = rows;
            layerInput = new NativeFloats[numLayers];
            delta = new NativeFloats[numLayers];
            layerInputAt = new FloatPointer[numLayers];
            deltaAt = new FloatPointer[numLayers];
            activations = new float[numLayers - 1][];
            deltas = new float[numLayers - 1][];
            for (int l = 0; l < numLayers; l++) {
                layerInput[l] = new NativeFloats(rows * (in[l] + 1));
                layerInputAt[l] = layerInput[l].at(0);
                boolean hidden = l < numLayers - 1;
                delta[l] = new NativeFloats(rows * (hidden ? out[l] + 1 : out[l]));
                deltaAt[l] = delta[l].at(0);
                if (hidden) {
                    activations[l] = new float[rows * (out[l] + 1)];
                    deltas[l] = new float[rows * (out[l] + 1)];
                }
            }
            inputStage = new float[rows * in[0]];
            inputWithOnes = new float[rows * (in[0] + 1)];
            for (int r = 0; r < rows; r++) inputWithOnes[r * (in[0] + 1) + in[0]] = 1f;
            int outDim = out[numLayers - 1];
            nativeOutputs = new NativeFloats(rows * outDim);
            outputsAt = nativeOutputs.at(0);
            outputs = new float[rows * outDim];
            outputGrad = new float[rows * outDim];
            labelStage = new float[rows * head.labelWidth()];
            zD = new double[rows * outDim];
            gD = new double[rows * outDim];
            yD = new double[rows * head.labelWidth()];
        }

        @Override
        public void close() {
            for (NativeFloats f : layerInput) f.close();
            for (NativeFloats f : delta) f.close();
            nativeOutputs.close();
        }
    }
}
