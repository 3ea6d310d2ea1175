package io.il4j.bc.internal;

import java.util.SplittableRandom;

/**
 * A diagonal Gaussian with state-dependent mean and log-std: outputs {@code [mean (D), raw log-std (D)]},
 * log-std smoothly clamped by {@link LogStd}. Loss: negative log-likelihood, minus
 * {@code entropyBonus} times the entropy (which rewards wider distributions).
 *
 * <p>With {@code nllBeta} = β &gt; 0 each dimension's term is weighted by {@code σ^(2β)}, a weight the
 * gradient treats as a constant (β-NLL, Seitzer et al., ICLR 2022). Plain NLL (β = 0) lets the network
 * "explain away" samples it fits badly by widening σ, which scales their pull on the mean down by 1/σ²;
 * in driving data those are the rare, decisive samples (the first steps of a lane change), and the mean
 * then never learns them. β = 1 gives the mean the gradient of squared error; β = 0.5 is in between.
 * The loss value reported is the weighted one, so that it is the function whose gradient is followed
 * (with the weights held fixed).
 */
public final class GaussianHead extends ContinuousHead {
    private final LogStd logStd;
    private final double entropyBonus, nllBeta;

    /** Plain NLL (β = 0). */
    public GaussianHead(int actionDim, double logStdMin, double logStdMax, double entropyBonus) {
        this(actionDim, logStdMin, logStdMax, entropyBonus, 0);
    }

    public GaussianHead(int actionDim, double logStdMin, double logStdMax, double entropyBonus, double nllBeta) {
        super(actionDim);
        if (!(entropyBonus >= 0)) throw new IllegalArgumentException("entropy bonus must be >= 0, got " + entropyBonus);
        if (!(nllBeta >= 0 && nllBeta <= 1)) throw new IllegalArgumentException("nllBeta must be in [0, 1], got " + nllBeta);
        this.logStd = new LogStd(logStdMin, logStdMax);
        this.entropyBonus = entropyBonus;
        this.nllBeta = nllBeta;
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
                // NLL of one dim, minus entropyBonus * entropy (entropy = logStd + 0.5 log(2 pi e)), weighted by sigma^(2 beta)
                double weight = nllBeta == 0 ? 1 : Math.exp(2 * nllBeta * ls);
                row += weight * (0.5 * u * u + ls + 0.5 * LOG_2PI - entropyBonus * (ls + 0.5 * (LOG_2PI + 1)));
                if (grad != null) {
                    grad[r * w + j] = -weight * u * invSigma;
                    grad[r * w + dim + j] = weight * (1 - u * u - entropyBonus) * logStd.derivativeOfSigmoid(sg);
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
