package io.il4j.core.nn;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * The head/loss contract of a policy network: how its raw outputs {@code z} are laid out, the loss they
 * are trained with, and how an action is read from them. Implementations (il-bc's MSE, Gaussian, MDN,
 * categorical, tanh-Gaussian heads) decide the output layout; learners train the network through the
 * kernel ({@code Mlp}, il-core) with {@link #lossSum}'s output gradient. Losses are computed in double on row-major arrays, so
 * the same code serves the DL4J loss adapter, the lean trainer and the finite-difference tests.
 * Immutable; thread-safe.
 */
public abstract class Head implements Serializable {

    protected static final double LOG_2PI = Math.log(2 * Math.PI);

    /** Network outputs per row. */
    public abstract int outputDim();

    /** Label numbers per row: the action dim, or the number of classes (one-hot). */
    public abstract int labelWidth();

    /** Numbers per decoded action: the action dim, or 1 (the class index). */
    public abstract int actionWidth();

    /**
     * The sum over {@code rows} of the per-row loss. When {@code gradOut} is non-null it receives the
     * gradient of that sum with respect to {@code z}; {@code rowLossOut}, when non-null, the per-row losses.
     */
    public abstract double lossSum(double[] z, double[] y, int rows, double[] gradOut, double[] rowLossOut);

    /** The deterministic action of one output row (normalized action space, or the class index). */
    public abstract void decode(float[] z, float[] actionOut);

    /** A sampled action of one output row; deterministic heads return {@link #decode}. */
    public abstract void sample(float[] z, SplittableRandom rng, float[] actionOut);

    /** The mean loss over rows (convenience for tests and validation). */
    public double meanLoss(double[] z, double[] y, int rows) {
        return lossSum(z, y, rows, null, null) / rows;
    }

    /** Index of the largest of {@code n} values starting at {@code off}. */
    protected static int argmax(float[] v, int off, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) if (v[off + i] > v[off + best]) best = i;
        return best;
    }

    /** Draws an index with probabilities {@code softmax(logits[off .. off+n))}. */
    protected static int sampleSoftmax(float[] logits, int off, int n, SplittableRandom rng) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) max = Math.max(max, logits[off + i]);
        double total = 0;
        for (int i = 0; i < n; i++) total += Math.exp(logits[off + i] - max);
        double u = rng.nextDouble() * total, acc = 0;
        for (int i = 0; i < n; i++) {
            acc += Math.exp(logits[off + i] - max);
            if (u < acc) return i;
        }
        return n - 1;
    }
}
