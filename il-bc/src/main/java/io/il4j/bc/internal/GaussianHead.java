package io.il4j.bc.internal;

import java.util.SplittableRandom;

/**
 * A diagonal Gaussian with state-dependent mean and log-std: outputs {@code [mean (D), raw log-std (D)]},
 * log-std smoothly clamped by {@link LogStd}. Loss: negative log-likelihood, minus
 * {@code entropyBonus} times the entropy (which rewards wider distributions).
 */
public final class GaussianHead extends ContinuousHead {
    private final LogStd logStd;
    private final double entropyBonus;

    public GaussianHead(int actionDim, double logStdMin, double logStdMax, double entropyBonus) {
        super(actionDim);
        if (!(entropyBonus >= 0)) throw new IllegalArgumentException("entropy bonus must be >= 0, got " + entropyBonus);
        this.logStd = new LogStd(logStdMin, logStdMax);
        this.entropyBonus = entropyBonus;
    }

    @Override
    public int outputDim() {
        return 2 * dim;
    }

    @Override
    public double lossSum(double[] z, double[] y, int rows, double[] grad, double[] rowLoss) {
        int w = 2 * dim;
        double total = 0;
        for (int r = 0; r < rows; r++) {
            double row = 0;
            for (int j = 0; j < dim; j++) {
                double mu = z[r * w + j], sg = LogStd.sigmoid(z[r * w + dim + j]);
                double ls = logStd.ofSigmoid(sg), invSigma = Math.exp(-ls);
                double u = (y[r * dim + j] - mu) * invSigma;
                // NLL of one dim, minus entropyBonus * entropy (entropy = logStd + 0.5 log(2 pi e))
                row += 0.5 * u * u + ls + 0.5 * LOG_2PI - entropyBonus * (ls + 0.5 * (LOG_2PI + 1));
                if (grad != null) {
                    grad[r * w + j] = -u * invSigma;
                    grad[r * w + dim + j] = (1 - u * u - entropyBonus) * logStd.derivativeOfSigmoid(sg);
                }
            }
            if (rowLoss != null) rowLoss[r] = row;
            total += row;
        }
        return total;
    }

    @Override
    public void sample(float[] z, SplittableRandom rng, float[] out) {
        for (int j = 0; j < dim; j++) out[j] = (float) (z[j] + Math.exp(logStd.value(z[dim + j])) * rng.nextGaussian());
    }
}
