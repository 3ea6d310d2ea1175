package io.il4j.core.nn;

import io.il4j.core.nn.internal.NativeFloats;
import io.il4j.core.runtime.Il4j;
import org.bytedeco.javacpp.FloatPointer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A trainable multi-layer perceptron: il4j's one training kernel, shared by every learner (BC, CQL,
 * IQ-Learn). Parameters and gradients are Java arrays; the matrix products go to OpenBLAS on native
 * mirrors ({@link NativeFloats}); activations and their derivatives are Java loops, which C2 compiles
 * to SIMD code. Losses live with their algorithm: a learner {@linkplain #forward forwards} a batch,
 * computes the gradient of its loss with respect to the outputs itself, and {@linkplain #backward backs
 * it up} — into the weight gradients, and when asked into the gradient with respect to the inputs (an
 * actor's loss flows through a critic that way). An {@link Optimizer} ({@link Adam}, {@link Sgd}) then
 * steps the parameters; {@link #copyFrom} and {@link #blendFrom} keep target networks.
 *
 * <p>Biases ride in the products: layer l's parameters are one row-major {@code (in+1) x out} block
 * {@code [W; b]} at {@code parameterOffset(l)}, and every layer's input carries a trailing column of ones,
 * so {@code [x 1][W; b] = xW + b}, and the weight-gradient product {@code [x 1]^T delta} yields the bias
 * gradient (the column sums of delta) as its last row.
 *
 * <p>Several forward passes can be alive at once (the critic at the data actions and at sampled actions,
 * say): each {@link Pass} holds one pass's activations; {@link #forward(float[], int)} uses a default pass.
 * A pass grows when a batch is larger than any before it and is reused otherwise, so a training loop does
 * not allocate after its first steps; batch sizes may change between calls. No layer norm here (DL4J's
 * networks serve those trunks).
 *
 * <p>Not thread-safe: one instance per training thread. Holds native memory: {@link #close()} it, or let
 * the garbage collector release it.
 */
public final class Mlp implements Trainable, AutoCloseable {

    private final int numLayers;
    private final int[] in, out, paramOffset;
    private final Activation[] act;
    private final float[] params, grads;
    private final NativeFloats nativeParams, nativeGrads;
    private final FloatPointer[] weightsAt, gradsAt;
    private final Pass defaultPass;

    /** A network holding {@code weights} (copied). */
    public Mlp(MlpWeights weights) {
        Il4j.configure(); // BLAS threads (one by default)
        List<DenseWeights> layers = weights.layers();
        numLayers = layers.size();
        in = new int[numLayers];
        out = new int[numLayers];
        paramOffset = new int[numLayers + 1];
        act = new Activation[numLayers];
        for (int l = 0; l < numLayers; l++) {
            DenseWeights d = layers.get(l);
            if (d.layerNorm()) throw new IllegalArgumentException("layer " + l + " has layer norm, which the kernel does not implement; "
                    + "train such trunks with DL4J (Dl4jMlp)");
            in[l] = d.in();
            out[l] = d.out();
            act[l] = d.activation();
            paramOffset[l + 1] = paramOffset[l] + (in[l] + 1) * out[l];
        }
        int total = paramOffset[numLayers];
        params = new float[total];
        grads = new float[total];
        nativeParams = new NativeFloats(total);
        nativeGrads = new NativeFloats(total);
        weightsAt = new FloatPointer[numLayers];
        gradsAt = new FloatPointer[numLayers];
        for (int l = 0; l < numLayers; l++) {
            weightsAt[l] = nativeParams.at(paramOffset[l]);
            gradsAt[l] = nativeGrads.at(paramOffset[l]);
        }
        setWeights(weights);
        defaultPass = new Pass();
    }

    /** A freshly initialized network {@code inputDim -> trunk -> outputDim} ({@link MlpWeights#initialize}, seeded). */
    public static Mlp initialize(int inputDim, MlpSpec trunk, int outputDim, long seed) {
        return new Mlp(MlpWeights.initialize(inputDim, trunk, outputDim, seed));
    }

    public int inputDim() {
        return in[0];
    }

    public int outputDim() {
        return out[numLayers - 1];
    }

    public int numLayers() {
        return numLayers;
    }

    /** Where layer {@code l}'s {@code [W; b]} block starts in {@link #parameters()} and {@link #gradients()}. */
    public int parameterOffset(int l) {
        return paramOffset[l];
    }

    /** A new, empty set of activation buffers for one forward/backward pass. */
    public Pass newPass() {
        return new Pass();
    }

    // ---- forward and backward --------------------------------------------------------------------

    /** {@link #forward(Pass, float[], int)} on the network's default pass. */
    public float[] forward(float[] inputs, int rows) {
        return forward(defaultPass, inputs, rows);
    }

    /**
     * Forwards {@code rows} inputs (row-major {@code rows x inputDim}, in {@code inputs[0 ..)}) and keeps
     * the activations in {@code pass} for {@link #backward}. Returns the pass's output buffer: row-major
     * {@code rows x outputDim} in its first elements (it may be longer), valid until the pass's next forward.
     */
    public float[] forward(Pass pass, float[] inputs, int rows) {
        if (rows < 1) throw new IllegalArgumentException("a forward pass needs at least one row, got " + rows);
        if (inputs.length < rows * in[0])
            throw new IllegalArgumentException("inputs hold " + inputs.length + " values; " + rows + " rows of " + in[0] + " need " + rows * in[0]);
        Pass b = pass.ensure(rows);
        int w0 = in[0];
        for (int r = 0; r < rows; r++) System.arraycopy(inputs, r * w0, b.inputWithOnes, r * (w0 + 1), w0);
        b.layerInput[0].copyFrom(b.inputWithOnes, 0, rows * (w0 + 1));
        for (int l = 0; l < numLayers; l++) {
            int k = in[l] + 1;
            if (l == numLayers - 1) {
                NativeFloats.gemm(false, false, rows, out[l], k, b.layerInputAt[l], k, weightsAt[l], out[l], b.outputsAt, out[l]);
                b.nativeOutputs.copyTo(b.outputs, 0, rows * out[l]);
            } else {
                int ld = out[l] + 1; // the next layer's input: this layer's activations and the ones column
                NativeFloats.gemm(false, false, rows, out[l], k, b.layerInputAt[l], k, weightsAt[l], out[l], b.layerInputAt[l + 1], ld);
                float[] a = b.activations[l];
                b.layerInput[l + 1].copyTo(a, 0, rows * ld);
                act[l].applyInPlace(a, rows * ld);
                for (int r = 0; r < rows; r++) a[r * ld + out[l]] = 1f; // the ones column, which the activation may have changed
                b.layerInput[l + 1].copyFrom(a, 0, rows * ld);
            }
        }
        pass.rows = rows;
        return b.outputs;
    }

    /** {@link #backward(Pass, float[], boolean, boolean, float[])} on the default pass, overwriting the gradients. */
    public void backward(float[] outputGrad) {
        backward(defaultPass, outputGrad, false, true, null);
    }

    /**
     * Backs up {@code outputGrad} (row-major {@code rows x outputDim}: the gradient of the learner's loss
     * with respect to the outputs of {@code pass}'s last forward) through the network.
     *
     * @param accumulate      add to the weight gradients instead of overwriting them (several passes, one step)
     * @param weightGradients compute the weight gradients at all (false when only the input gradient is
     *                        wanted, e.g. a critic that an actor's loss flows through: saves a third of the products)
     * @param inputGradOut    when non-null, receives the gradient with respect to the inputs (row-major
     *                        {@code rows x inputDim})
     */
    public void backward(Pass pass, float[] outputGrad, boolean accumulate, boolean weightGradients, float[] inputGradOut) {
        int n = pass.rows;
        if (n == 0) throw new IllegalStateException("backward before any forward on this pass");
        int outDim = out[numLayers - 1];
        if (outputGrad.length < n * outDim)
            throw new IllegalArgumentException("output gradient holds " + outputGrad.length + " values; " + n + " rows of " + outDim + " need " + n * outDim);
        if (inputGradOut != null && inputGradOut.length < n * in[0])
            throw new IllegalArgumentException("input-gradient buffer holds " + inputGradOut.length + " values; needs " + n * in[0]);
        Pass b = pass;
        b.delta[numLayers - 1].copyFrom(outputGrad, 0, n * outDim);
        for (int l = numLayers - 1; l >= 0; l--) {
            int ldDelta = l == numLayers - 1 ? out[l] : out[l] + 1, k = in[l] + 1;
            // [dW; db] = [x 1]^T delta
            if (weightGradients)
                NativeFloats.gemm(true, false, k, out[l], n, b.layerInputAt[l], k, b.deltaAt[l], ldDelta, accumulate, gradsAt[l], out[l]);
            if (l > 0) {
                // delta of the layer below = (delta W^T) * f'(its activations); W^T skips the bias row
                NativeFloats.gemm(false, true, n, in[l], out[l], b.deltaAt[l], ldDelta, weightsAt[l], out[l], b.deltaAt[l - 1], k);
                float[] d = b.deltas[l - 1];
                b.delta[l - 1].copyTo(d, 0, n * k);
                act[l - 1].multiplyByDerivative(b.activations[l - 1], d, n * k);
                b.delta[l - 1].copyFrom(d, 0, n * k);
            } else if (inputGradOut != null) {
                NativeFloats.gemm(false, true, n, in[0], out[0], b.deltaAt[0], ldDelta, weightsAt[0], out[0], b.inputGradAt, in[0]);
                b.inputGrad.copyTo(inputGradOut, 0, n * in[0]);
            }
        }
        if (weightGradients) nativeGrads.copyTo(grads, 0, grads.length);
    }

    // ---- parameters ------------------------------------------------------------------------------

    /** The live parameter array ({@code [W; b]} per layer); call {@link #parametersChanged()} after writing to it. */
    @Override
    public float[] parameters() {
        return params;
    }

    /** The weight gradients of the last {@link #backward} (accumulated since the last overwrite). */
    @Override
    public float[] gradients() {
        return grads;
    }

    @Override
    public void parametersChanged() {
        nativeParams.copyFrom(params, 0, params.length);
    }

    /** Weights are decayed, biases are not (as DL4J's {@code WeightDecay}). */
    @Override
    public int numSegments() {
        return 2 * numLayers;
    }

    @Override
    public int segmentStart(int s) {
        int l = s / 2;
        return s % 2 == 0 ? paramOffset[l] : paramOffset[l] + in[l] * out[l];
    }

    @Override
    public int segmentEnd(int s) {
        int l = s / 2;
        return s % 2 == 0 ? paramOffset[l] + in[l] * out[l] : paramOffset[l + 1];
    }

    @Override
    public boolean segmentDecays(int s) {
        return s % 2 == 0;
    }

    /** Sets the weight gradients to zero (before accumulating several passes into one step). */
    public void zeroGradients() {
        Arrays.fill(grads, 0f);
        nativeGrads.zero();
    }

    /** This network's parameters become {@code source}'s (same architecture): initializing a target network. */
    public void copyFrom(Mlp source) {
        checkSameShape(source);
        System.arraycopy(source.params, 0, params, 0, params.length);
        parametersChanged();
    }

    /** Polyak averaging: {@code this = (1 - tau) * this + tau * source}, a target network following its online network. */
    public void blendFrom(Mlp source, double tau) {
        checkSameShape(source);
        if (!(tau >= 0 && tau <= 1)) throw new IllegalArgumentException("tau must be in [0, 1], got " + tau);
        float t = (float) tau, keep = 1f - t;
        float[] p = params, s = source.params;
        for (int i = 0; i < p.length; i++) p[i] = keep * p[i] + t * s[i];
        parametersChanged();
    }

    private void checkSameShape(Mlp other) {
        if (!Arrays.equals(in, other.in) || !Arrays.equals(out, other.out))
            throw new IllegalArgumentException("networks differ in shape: " + shape() + " vs " + other.shape());
    }

    /** Layer sizes, e.g. {@code 17-256-256-6}. */
    public String shape() {
        StringBuilder sb = new StringBuilder().append(in[0]);
        for (int o : out) sb.append('-').append(o);
        return sb.toString();
    }

    /** A copy of the current weights in the exported format (what policy files store). */
    public MlpWeights weights() {
        List<DenseWeights> layers = new ArrayList<>(numLayers);
        for (int l = 0; l < numLayers; l++) {
            int off = paramOffset[l], w = in[l] * out[l];
            layers.add(new DenseWeights(in[l], out[l], Arrays.copyOfRange(params, off, off + w),
                    Arrays.copyOfRange(params, off + w, off + w + out[l]), null, act[l]));
        }
        return new MlpWeights(layers);
    }

    /** Overwrites the parameters with {@code weights} of the same architecture; optimizer state is the optimizer's. */
    public void setWeights(MlpWeights weights) {
        if (weights.layers().size() != numLayers)
            throw new IllegalArgumentException("weights have " + weights.layers().size() + " layers; the network has " + numLayers);
        for (int l = 0; l < numLayers; l++) {
            DenseWeights d = weights.layers().get(l);
            if (d.in() != in[l] || d.out() != out[l] || d.gain() != null || d.activation() != act[l])
                throw new IllegalArgumentException("layer " + l + " is " + in[l] + "x" + out[l] + " " + act[l] + " without layer norm; weights are "
                        + d.in() + "x" + d.out() + " " + d.activation() + (d.gain() != null ? " with layer norm" : ""));
        }
        for (int l = 0; l < numLayers; l++) {
            DenseWeights d = weights.layers().get(l);
            System.arraycopy(d.weights(), 0, params, paramOffset[l], in[l] * out[l]);
            System.arraycopy(d.bias(), 0, params, paramOffset[l] + in[l] * out[l], out[l]);
        }
        parametersChanged();
    }

    @Override
    public void close() {
        defaultPass.close();
        nativeParams.close();
        nativeGrads.close();
    }

    /**
     * The activations of one forward pass, kept for its backward: native layer inputs (each with its ones
     * column) and deltas, and their Java-side copies. Sized for the largest batch seen so far. Belongs to
     * the network that created it; not thread-safe.
     */
    public final class Pass implements AutoCloseable {
        private int capacity, rows;
        private NativeFloats[] layerInput, delta; // layerInput[l]: cap x (in[l]+1); delta[l]: cap x out[l] (+1 below the output layer)
        private FloatPointer[] layerInputAt, deltaAt;
        private NativeFloats nativeOutputs, inputGrad;
        private FloatPointer outputsAt, inputGradAt;
        private float[][] activations, deltas; // hidden layers, cap x (out[l]+1), as the native buffers
        private float[] inputWithOnes, outputs;

        private Pass() {
        }

        /** Rows of the last forward pass. */
        public int rows() {
            return rows;
        }

        /** The last forward pass's outputs (row-major, {@link #rows()} x outputDim in the first elements). */
        public float[] outputs() {
            return outputs;
        }

        /** The post-activation outputs of hidden layer {@code l} (row-major, {@code rows x (width+1)}: the last column is ones). */
        public float[] hiddenActivations(int l) {
            return activations[l];
        }

        private Pass ensure(int n) {
            if (n <= capacity) return this;
            close();
            capacity = n;
            layerInput = new NativeFloats[numLayers];
            delta = new NativeFloats[numLayers];
            layerInputAt = new FloatPointer[numLayers];
            deltaAt = new FloatPointer[numLayers];
            activations = new float[numLayers - 1][];
            deltas = new float[numLayers - 1][];
            for (int l = 0; l < numLayers; l++) {
                layerInput[l] = new NativeFloats(n * (in[l] + 1));
                layerInputAt[l] = layerInput[l].at(0);
                boolean hidden = l < numLayers - 1;
                delta[l] = new NativeFloats(n * (hidden ? out[l] + 1 : out[l]));
                deltaAt[l] = delta[l].at(0);
                if (hidden) {
                    activations[l] = new float[n * (out[l] + 1)];
                    deltas[l] = new float[n * (out[l] + 1)];
                }
            }
            inputWithOnes = new float[n * (in[0] + 1)];
            for (int r = 0; r < n; r++) inputWithOnes[r * (in[0] + 1) + in[0]] = 1f;
            int outDim = out[numLayers - 1];
            nativeOutputs = new NativeFloats(n * outDim);
            outputsAt = nativeOutputs.at(0);
            outputs = new float[n * outDim];
            inputGrad = new NativeFloats(n * in[0]);
            inputGradAt = inputGrad.at(0);
            return this;
        }

        @Override
        public void close() {
            if (capacity == 0) return;
            for (NativeFloats f : layerInput) f.close();
            for (NativeFloats f : delta) f.close();
            nativeOutputs.close();
            inputGrad.close();
            capacity = 0;
            rows = 0;
        }
    }
}
