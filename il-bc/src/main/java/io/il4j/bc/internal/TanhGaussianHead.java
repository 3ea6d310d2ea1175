package io.il4j.bc.internal;

import io.il4j.core.rl.TanhGaussian;

import java.util.SplittableRandom;

/**
 * A tanh-squashed diagonal Gaussian over actions in {@code (-1, 1)^D} (the normalized action space, which
 * the action normalizer maps to the box): outputs {@code [mean (D), raw log-std (D)]}, the math of
 * {@link TanhGaussian} (shared with the SAC actor that trains such networks, so a saved actor decodes exactly
 * as it acted in training). Decode: {@code tanh(mean)}. Loss (BC): the negative log-likelihood of the data
 * action, labels clipped just inside +-1.
 */
public final class TanhGaussianHead extends ContinuousHead {
    private final TanhGaussian dist;

    public TanhGaussianHead(TanhGaussian distribution) {
        super(distribution.actionDim());
        this.dist = distribution;
    }

    @Override
    public int outputDim() {
        return dist.outputDim();
    }

    @Override
    public double lossSum(double[] z, double[] y, int rows, double[] grad, double[] rowLoss) {
        int w = 2 * dim;
        double total = 0;
        for (int r = 0; r < rows; r++) {
            double nll = -dist.logLikelihood(z, r * w, y, r * dim, grad, r * w);
            if (grad != null) for (int k = 0; k < w; k++) grad[r * w + k] = -grad[r * w + k];
            if (rowLoss != null) rowLoss[r] = nll;
            total += nll;
        }
        return total;
    }

    @Override
    public void decode(float[] z, float[] out) {
        dist.deterministic(z, 0, out, 0);
    }

    @Override
    public void sample(float[] z, SplittableRandom rng, float[] out) {
        double[] eps = new double[dim];
        for (int j = 0; j < dim; j++) eps[j] = rng.nextGaussian();
        dist.sample(z, 0, eps, 0, out, 0);
    }
}
