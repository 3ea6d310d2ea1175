package io.il4j.core.nn;

/**
 * A plain-Java forward pass over {@link MlpWeights}: batch-1 inference without DL4J, for a
 * simulator's hot path (no allocation per call, no native call). Computes in float32 like the DL4J
 * network it was exported from.
 *
 * <p>Thread-safe: the weights are read-only and all intermediate values live in the caller's
 * {@link Workspace}; use one workspace per thread.
 */
public final class MlpForward {

    private final DenseWeights[] layers;
    private final int maxWidth;

    public MlpForward(MlpWeights weights) {
        this.layers = weights.layers().toArray(new DenseWeights[0]);
        this.maxWidth = weights.maxWidth();
    }

    public int inputDim() {
        return layers[0].in();
    }

    public int outputDim() {
        return layers[layers.length - 1].out();
    }

    /** Scratch buffers for one thread's forward passes. Not thread-safe. */
    public static final class Workspace {
        private final float[] a, b;

        private Workspace(int width) {
            a = new float[width];
            b = new float[width];
        }
    }

    public Workspace newWorkspace() {
        return new Workspace(maxWidth);
    }

    /**
     * Evaluates the network on {@code input[0..inputDim)} and returns the workspace buffer holding the
     * {@link #outputDim()} outputs (valid until the next call with the same workspace).
     */
    public float[] forward(float[] input, Workspace ws) {
        if (input.length < layers[0].in())
            throw new IllegalArgumentException("input has " + input.length + " values; the network takes " + layers[0].in());
        float[] x = input, y = ws.a;
        for (int l = 0; l < layers.length; l++) {
            dense(layers[l], x, y);
            x = y;
            y = (y == ws.a) ? ws.b : ws.a;
        }
        return x;
    }

    /** {@code y = act(LN(x W) + b)}; accumulates rows of W (vectorizes) and skips zero inputs (ReLU sparsity). */
    private static void dense(DenseWeights l, float[] x, float[] y) {
        final int in = l.in(), out = l.out();
        final float[] w = l.weights();
        java.util.Arrays.fill(y, 0, out, 0f);
        for (int i = 0; i < in; i++) {
            final float xi = x[i];
            if (xi == 0f) continue;
            final int off = i * out;
            for (int j = 0; j < out; j++) y[j] += xi * w[off + j];
        }
        float[] g = l.gain();
        if (g != null) layerNorm(y, out, g);
        float[] b = l.bias();
        for (int j = 0; j < out; j++) y[j] += b[j];
        l.activation().applyInPlace(y, out);
    }

    /** DL4J's layer norm: population std, no epsilon; a constant row (std 0) normalizes to 0. */
    static void layerNorm(float[] z, int n, float[] gain) {
        double mean = 0;
        for (int j = 0; j < n; j++) mean += z[j];
        mean /= n;
        double var = 0;
        for (int j = 0; j < n; j++) {
            double d = z[j] - mean;
            var += d * d;
        }
        double std = Math.sqrt(var / n);
        for (int j = 0; j < n; j++) {
            double v = std > 0 ? (z[j] - mean) / std : 0.0;
            z[j] = (float) (gain[j] * v);
        }
    }
}
