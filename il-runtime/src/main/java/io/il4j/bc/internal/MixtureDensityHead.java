package io.il4j.bc.internal;

import java.util.SplittableRandom;

/**
 * A mixture of K diagonal Gaussians: outputs {@code [logits (K), means (K x D), raw log-stds (K x D)]},
 * component-major. The negative log-likelihood is computed in log space,
 * {@code -logsumexp_k(log w_k + sum_j log N(y_j; mu_kj, sigma_kj))}, with log-stds smoothly clamped
 * to {@code [log minStd, logStdMax]}: unlike DL4J's {@code LossMixtureDensity} it stays finite when a
 * target is far from every component. Deterministic action: the mean of the most probable component.
 */
public final class MixtureDensityHead extends ContinuousHead {
    private final int k;
    private final LogStd logStd;

    public MixtureDensityHead(int actionDim, int components, double minStd, double logStdMax) {
        super(actionDim);
        if (components < 1) throw new IllegalArgumentException("mixture needs >= 1 component, got " + components);
        if (!(minStd > 0)) throw new IllegalArgumentException("minimum std must be > 0, got " + minStd);
        this.k = components;
        this.logStd = new LogStd(Math.log(minStd), logStdMax);
    }

    public int components() {
        return k;
    }

    @Override
    public int outputDim() {
        return k + 2 * k * dim;
    }

    @Override
    public double lossSum(double[] z, double[] y, int rows, double[] grad, double[] rowLoss) {
        int w = outputDim(), meanOff = k, stdOff = k + k * dim, kd = k * dim;
        double[] logW = new double[k], c = new double[k];
        // per component and dim of the current row: (y - mu) / sigma, 1 / sigma, d logStd / d raw
        double[] u = new double[kd], invSigma = new double[kd], dLogStd = new double[kd];
        double total = 0;
        for (int r = 0; r < rows; r++) {
            int zr = r * w, yr = r * dim;
            double lseLogits = logSumExp(z, zr, k);
            for (int m = 0; m < k; m++) {
                logW[m] = z[zr + m] - lseLogits;
                double lc = logW[m];
                for (int j = 0; j < dim; j++) {
                    int i = m * dim + j;
                    double sg = LogStd.sigmoid(z[zr + stdOff + i]);
                    double ls = logStd.ofSigmoid(sg);
                    invSigma[i] = Math.exp(-ls);
                    u[i] = (y[yr + j] - z[zr + meanOff + i]) * invSigma[i];
                    dLogStd[i] = logStd.derivativeOfSigmoid(sg);
                    lc += -0.5 * u[i] * u[i] - ls - 0.5 * LOG_2PI;
                }
                c[m] = lc;
            }
            double lse = logSumExp(c, 0, k);
            if (rowLoss != null) rowLoss[r] = -lse;
            total -= lse;
            if (grad != null) {
                for (int m = 0; m < k; m++) {
                    double post = Math.exp(c[m] - lse); // responsibility of component m
                    grad[zr + m] = Math.exp(logW[m]) - post;
                    for (int j = 0; j < dim; j++) {
                        int i = m * dim + j;
                        grad[zr + meanOff + i] = -post * u[i] * invSigma[i];
                        grad[zr + stdOff + i] = post * (1 - u[i] * u[i]) * dLogStd[i];
                    }
                }
            }
        }
        return total;
    }

    @Override
    public void decode(float[] z, float[] out) {
        int best = argmax(z, 0, k);
        System.arraycopy(z, k + best * dim, out, 0, dim);
    }

    @Override
    public void sample(float[] z, SplittableRandom rng, float[] out) {
        int m = sampleSoftmax(z, 0, k, rng);
        int stdOff = k + k * dim;
        for (int j = 0; j < dim; j++) {
            int i = m * dim + j;
            out[j] = (float) (z[k + i] + Math.exp(logStd.value(z[stdOff + i])) * rng.nextGaussian());
        }
    }

    private static double logSumExp(double[] v, int off, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) max = Math.max(max, v[off + i]);
        if (max == Double.NEGATIVE_INFINITY) return max;
        double s = 0;
        for (int i = 0; i < n; i++) s += Math.exp(v[off + i] - max);
        return max + Math.log(s);
    }
}
