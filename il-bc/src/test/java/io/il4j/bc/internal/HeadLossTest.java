package io.il4j.bc.internal;

import io.il4j.core.nn.Head;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** Loss values against closed forms and gradients against central finite differences, on tiny inputs. */
class HeadLossTest {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    static double[] random(Random r, int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextGaussian() * scale;
        return v;
    }

    /** Max relative error between the analytic gradient of lossSum and central differences. */
    static double gradientError(Head h, double[] z, double[] y, int rows) {
        double[] grad = new double[z.length];
        h.lossSum(z, y, rows, grad, null);
        double worst = 0;
        for (int i = 0; i < z.length; i++) {
            double eps = 1e-6 * Math.max(1, Math.abs(z[i]));
            double keep = z[i];
            z[i] = keep + eps;
            double up = h.lossSum(z, y, rows, null, null);
            z[i] = keep - eps;
            double down = h.lossSum(z, y, rows, null, null);
            z[i] = keep;
            double fd = (up - down) / (2 * eps);
            // relative error, with an absolute floor where both are tiny (central differences carry ~1e-9 noise)
            double err = Math.abs(fd - grad[i]) / Math.max(1e-3, Math.abs(fd) + Math.abs(grad[i]));
            worst = Math.max(worst, err);
        }
        return worst;
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Random r = new Random(42);
        int rows = 3, d = 2;
        Head[] heads = {new DeterministicHead(d), new GaussianHead(d, -5, 2, 0), new GaussianHead(d, -5, 2, 0.3),
                new MixtureDensityHead(d, 3, 0.05, 2), new CategoricalHead(4)};
        for (Head h : heads) {
            double[] z = random(r, rows * h.outputDim(), 1.0);
            double[] y = random(r, rows * h.labelWidth(), 1.0);
            if (h instanceof CategoricalHead) {
                java.util.Arrays.fill(y, 0);
                for (int i = 0; i < rows; i++) y[i * 4 + r.nextInt(4)] = 1;
            }
            double err = gradientError(h, z, y, rows);
            assertTrue(err < 1e-6, h.getClass().getSimpleName() + " gradient rel. error " + err);
        }
    }

    @Test
    void deterministicLossIsMeanSquaredErrorPerRow() {
        DeterministicHead h = new DeterministicHead(2);
        double[] rowLoss = new double[2];
        double sum = h.lossSum(new double[]{1, 2, 0, 0}, new double[]{0, 0, 3, 4}, 2, null, rowLoss);
        assertArrayEquals(new double[]{(1 + 4) / 2.0, (9 + 16) / 2.0}, rowLoss, 1e-12);
        assertEquals(rowLoss[0] + rowLoss[1], sum, 1e-12);
    }

    @Test
    void gaussianNllMatchesTheNormalDensity() {
        double min = -5, max = 2;
        GaussianHead h = new GaussianHead(1, min, max, 0);
        // raw log-std s = 0.7 -> logStd = min + (max-min) * sigmoid(0.7)
        double s = 0.7, logStd = min + (max - min) / (1 + Math.exp(-s)), sigma = Math.exp(logStd);
        double mu = 0.3, y = -1.1;
        double pdf = Math.exp(-0.5 * Math.pow((y - mu) / sigma, 2)) / (sigma * Math.sqrt(2 * Math.PI));
        assertEquals(-Math.log(pdf), h.meanLoss(new double[]{mu, s}, new double[]{y}, 1), 1e-12);
        // entropy bonus subtracts beta * (logStd + 0.5 log(2 pi e))
        GaussianHead withBonus = new GaussianHead(1, min, max, 0.5);
        assertEquals(-Math.log(pdf) - 0.5 * (logStd + 0.5 * (LOG_2PI + 1)),
                withBonus.meanLoss(new double[]{mu, s}, new double[]{y}, 1), 1e-12);
    }

    /**
     * β-NLL: each dimension's NLL term and its gradient are the plain ones scaled by σ^(2β), the weight held
     * constant (so the mean's gradient at β = 1 is the squared error's, -(y - μ), whatever σ is).
     */
    @Test
    void betaNllScalesTheNllAndItsGradientBySigmaToTwoBeta() {
        double min = -5, max = 2;
        Random r = new Random(7);
        int rows = 4, d = 3;
        double[] z = random(r, rows * 2 * d, 1.5), y = random(r, rows * d, 1.0);
        GaussianHead plain = new GaussianHead(d, min, max, 0);
        LogStd logStd = new LogStd(min, max);
        for (double beta : new double[]{0.5, 1.0}) {
            GaussianHead weighted = new GaussianHead(d, min, max, 0, beta);
            double[] gPlain = new double[z.length], gWeighted = new double[z.length];
            double[] lossPlain = new double[rows], lossWeighted = new double[rows];
            double expectedTotal = 0;
            for (int row = 0; row < rows; row++)
                for (int j = 0; j < d; j++) {
                    // the plain NLL of one (row, dim), from the one-dim head
                    double[] zj = {z[row * 2 * d + j], z[row * 2 * d + d + j]};
                    double weight = Math.exp(2 * beta * logStd.value(zj[1]));
                    expectedTotal += weight * new GaussianHead(1, min, max, 0).lossSum(zj, new double[]{y[row * d + j]}, 1, null, null);
                }
            plain.lossSum(z, y, rows, gPlain, lossPlain);
            double total = weighted.lossSum(z, y, rows, gWeighted, lossWeighted);
            assertEquals(expectedTotal, total, 1e-9 * Math.abs(expectedTotal));
            for (int row = 0; row < rows; row++)
                for (int j = 0; j < d; j++) {
                    int mu = row * 2 * d + j, ls = mu + d;
                    double weight = Math.exp(2 * beta * logStd.value(z[ls]));
                    assertEquals(weight * gPlain[mu], gWeighted[mu], 1e-12, "mean gradient, beta " + beta);
                    assertEquals(weight * gPlain[ls], gWeighted[ls], 1e-12, "log-std gradient, beta " + beta);
                    if (beta == 1.0) assertEquals(-(y[row * d + j] - z[mu]), gWeighted[mu], 1e-9, "beta 1: squared-error gradient");
                }
        }
        assertThrows(IllegalArgumentException.class, () -> new GaussianHead(1, min, max, 0, 1.5));
    }

    @Test
    void mixtureNllMatchesTheMixtureDensity() {
        double minStd = 0.01, max = 2;
        MixtureDensityHead h = new MixtureDensityHead(1, 2, minStd, max);
        double[] z = {0.2, -0.4, /* means */ -1.0, 1.5, /* raw log-stds */ 0.3, -0.8};
        double y = 0.9;
        double lw0 = 0.2, lw1 = -0.4, norm = Math.log(Math.exp(lw0) + Math.exp(lw1));
        double density = 0;
        for (int k = 0; k < 2; k++) {
            double ls = Math.log(minStd) + (max - Math.log(minStd)) / (1 + Math.exp(-z[4 + k])), sigma = Math.exp(ls);
            double w = Math.exp(z[k] - norm);
            density += w * Math.exp(-0.5 * Math.pow((y - z[2 + k]) / sigma, 2)) / (sigma * Math.sqrt(2 * Math.PI));
        }
        assertEquals(-Math.log(density), h.meanLoss(z, new double[]{y}, 1), 1e-12);
    }

    /** A target far from every component: the densities underflow to 0 in a naive implementation. */
    @Test
    void mixtureNllStaysFiniteAndExactWhereANaiveImplementationOverflows() {
        double minStd = 1e-3, max = 2;
        MixtureDensityHead h = new MixtureDensityHead(2, 3, minStd, max);
        // raw log-std -30: sigmoid ~ 1e-13, so sigma ~ minStd; target 1e4 away
        double[] z = {0.5, 0.1, -0.3, /* means */ 0, 0, 1, 1, -1, -1, /* raw log-stds */ -30, -30, -30, -30, -30, -30};
        double[] y = {1e4, -1e4};
        // naive float: product of densities underflows to 0, its log is -inf, the loss +inf
        float naive = 0;
        for (int k = 0; k < 3; k++) {
            float p = 1;
            for (int j = 0; j < 2; j++) {
                float sigma = (float) minStd, u = (float) ((y[j] - z[3 + 2 * k + j]) / sigma);
                p *= (float) (Math.exp(-0.5f * u * u) / (sigma * Math.sqrt(2 * Math.PI)));
            }
            naive += p * (float) (Math.exp(z[k]) / (Math.exp(0.5) + Math.exp(0.1) + Math.exp(-0.3)));
        }
        assertEquals(Float.POSITIVE_INFINITY, (float) -Math.log(naive), "the naive density underflows");

        double loss = h.meanLoss(z, y, 1);
        assertTrue(Double.isFinite(loss));
        // closed form in log space: c_k = log w_k + sum_j (-0.5 u^2 - log sigma - 0.5 log 2 pi)
        double logNorm = Math.log(Math.exp(0.5) + Math.exp(0.1) + Math.exp(-0.3));
        double[] c = new double[3];
        for (int k = 0; k < 3; k++) {
            c[k] = z[k] - logNorm;
            for (int j = 0; j < 2; j++) {
                double ls = Math.log(minStd) + (max - Math.log(minStd)) / (1 + Math.exp(30));
                double u = (y[j] - z[3 + 2 * k + j]) / Math.exp(ls);
                c[k] += -0.5 * u * u - ls - 0.5 * LOG_2PI;
            }
        }
        double m = Math.max(c[0], Math.max(c[1], c[2]));
        double expected = -(m + Math.log(Math.exp(c[0] - m) + Math.exp(c[1] - m) + Math.exp(c[2] - m)));
        assertEquals(expected, loss, Math.abs(expected) * 1e-12);
        assertTrue(loss > 1e13, "a far-away target costs a lot: " + loss);
        double[] grad = new double[z.length];
        h.lossSum(z, y, 1, grad, null);
        for (double g : grad) assertTrue(Double.isFinite(g), "gradient stays finite");
        // Finite differences cannot resolve a 1e14 loss; the closed form can: component 0 (mean (0, 0)) is nearest
        // by 2/sigma^2 = 2e6 nats, so its responsibility is 1: d/dlogit = w - (1, 0, 0), d/dmean_0 = -(y - mu) / sigma^2.
        double sigma = Math.exp(Math.log(minStd) + (max - Math.log(minStd)) / (1 + Math.exp(30)));
        for (int k = 0; k < 3; k++) assertEquals(Math.exp(z[k] - logNorm) - (k == 0 ? 1 : 0), grad[k], 1e-12);
        assertEquals(-1e4 / (sigma * sigma), grad[3], 1e-3 * 1e4 / (sigma * sigma));
        assertEquals(1e4 / (sigma * sigma), grad[4], 1e-3 * 1e4 / (sigma * sigma));
        for (int i = 5; i < 9; i++) assertEquals(0.0, grad[i], 0.0, "far components get no mean gradient");
    }

    @Test
    void categoricalCrossEntropyMatchesLogSoftmax() {
        CategoricalHead h = new CategoricalHead(3);
        double[] z = {1.0, 2.0, -0.5};
        double lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(-0.5));
        assertEquals(-(1.0 - lse), h.meanLoss(z, new double[]{1, 0, 0}, 1), 1e-12);
        // huge logits do not overflow
        assertEquals(0.0, h.meanLoss(new double[]{1000, -1000, 0}, new double[]{1, 0, 0}, 1), 1e-12);
        assertEquals(2000.0, h.meanLoss(new double[]{1000, -1000, 0}, new double[]{0, 1, 0}, 1), 1e-9);
    }

    @Test
    void decodingPicksTheMeanTheMostProbableComponentOrTheArgmax() {
        float[] out = new float[2];
        new GaussianHead(2, -5, 2, 0).decode(new float[]{0.5f, -0.5f, 3f, 3f}, out);
        assertArrayEquals(new float[]{0.5f, -0.5f}, out);
        MixtureDensityHead mdn = new MixtureDensityHead(2, 3, 0.01, 2);
        float[] z = {0.1f, 2.0f, -1f, /* means */ 1, 1, -3, 4, 7, 7, /* stds */ 0, 0, 0, 0, 0, 0};
        mdn.decode(z, out);
        assertArrayEquals(new float[]{-3, 4}, out);
        float[] idx = new float[1];
        new CategoricalHead(3).decode(new float[]{0.1f, -2f, 0.3f}, idx);
        assertEquals(2f, idx[0]);
        // sampling the mixture follows its weights: component 1 has weight ~0.8 here
        SplittableRandom rng = new SplittableRandom(1);
        int nearSecond = 0;
        float[] zs = {0f, (float) Math.log(4), -50f, 1, 1, -3, 4, 7, 7, -30, -30, -30, -30, -30, -30};
        for (int i = 0; i < 2000; i++) {
            mdn.sample(zs, rng, out);
            if (Math.abs(out[0] + 3) < 0.1 && Math.abs(out[1] - 4) < 0.1) nearSecond++;
        }
        assertEquals(0.8, nearSecond / 2000.0, 0.03);
    }
}
