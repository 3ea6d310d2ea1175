package io.il4j.core.rl;

/**
 * The math of a tanh-squashed diagonal Gaussian (SAC's actor distribution), on one row of network
 * outputs {@code z = [mean (D), raw log-std (D)]}: {@code u ~ N(mean, exp(logStd)^2)}, action
 * {@code a = tanh(u)} in {@code (-1, 1)^D}. The log-std is the raw output clamped into
 * {@code [logStdMin, logStdMax]} (a hard clamp, as SAC, CQL and their reproductions do; no gradient outside).
 * Shared by the training-side {@link SquashedGaussianActor} and il-bc's policy head, so a trained actor
 * and its policy file decode and sample the same way. Immutable; thread-safe.
 *
 * @param actionDim D
 * @param logStdMin lower clamp of the log-std (SAC/CQL: -20; d3rlpy the same)
 * @param logStdMax upper clamp of the log-std (SAC/CQL: 2)
 */
public record TanhGaussian(int actionDim, double logStdMin, double logStdMax) implements java.io.Serializable {

    /** log(sqrt(2 pi)). */
    static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
    /** How close to +-1 a data action may sit before its pre-tanh value is computed (keeps atanh finite). */
    public static final double ACTION_LIMIT = 1 - 1e-6;

    public TanhGaussian {
        if (actionDim < 1) throw new IllegalArgumentException("actionDim must be >= 1, got " + actionDim);
        if (!(logStdMin < logStdMax) || !Double.isFinite(logStdMin) || !Double.isFinite(logStdMax))
            throw new IllegalArgumentException("log-std range must be finite with logStdMin < logStdMax, got [" + logStdMin + ", " + logStdMax + "]");
    }

    /** SAC's range [-20, 2]. */
    public static TanhGaussian withDefaultRange(int actionDim) {
        return new TanhGaussian(actionDim, -20, 2);
    }

    /** Network outputs per row: mean and raw log-std per action dim. */
    public int outputDim() {
        return 2 * actionDim;
    }

    /** The clamped log-std of a raw output. */
    public double logStd(double raw) {
        return Math.max(logStdMin, Math.min(logStdMax, raw));
    }

    /** Whether the clamp passes the gradient at {@code raw} (strictly inside the range). */
    boolean clampPasses(double raw) {
        return raw > logStdMin && raw < logStdMax;
    }

    /** The deterministic action {@code tanh(mean)} of the row at {@code z[zOff ..]}. */
    public void deterministic(float[] z, int zOff, float[] out, int outOff) {
        for (int j = 0; j < actionDim; j++) out[outOff + j] = (float) Math.tanh(z[zOff + j]);
    }

    /**
     * {@code log(1 - tanh(u)^2)}, computed as {@code 2 (log 2 - u - softplus(-2u))}, which stays finite
     * where {@code tanh(u)} rounds to 1.
     */
    static double logOneMinusTanhSquared(double u) {
        double x = -2 * u;
        double softplus = x > 30 ? x : Math.log1p(Math.exp(x));
        return 2 * (Math.log(2) - u - softplus);
    }

    /**
     * Samples {@code a = tanh(mean + std * eps)} with the given standard-normal {@code eps} (the
     * reparameterization: {@code eps} is drawn by the caller) and returns {@code log pi(a | s)} including
     * the tanh change of variables, {@code - sum_j log(1 - a_j^2)}.
     */
    public double sample(float[] z, int zOff, double[] eps, int epsOff, float[] action, int aOff) {
        double logProb = 0;
        for (int j = 0; j < actionDim; j++) {
            double ls = logStd(z[zOff + actionDim + j]);
            double e = eps[epsOff + j];
            double u = z[zOff + j] + Math.exp(ls) * e;
            action[aOff + j] = (float) Math.tanh(u);
            logProb += -0.5 * e * e - ls - HALF_LOG_2PI - logOneMinusTanhSquared(u);
        }
        return logProb;
    }

    /**
     * The gradient with respect to the row's outputs {@code z} of a loss that depends on a reparameterized
     * sample ({@link #sample} with the same {@code eps}) through its action and its log-probability:
     * {@code dLoss/da} in {@code actionGrad[agOff ..]} (may be null: no action term) and the scalar
     * {@code dLoss/dlogPi}. Written into {@code zGrad[zOff .. zOff + 2D)}.
     */
    public void sampleBackward(float[] z, int zOff, double[] eps, int epsOff, float[] actionGrad, int agOff, double logProbGrad,
                               float[] zGrad, int gOff) {
        for (int j = 0; j < actionDim; j++) {
            double raw = z[zOff + actionDim + j], ls = logStd(raw), std = Math.exp(ls), e = eps[epsOff + j];
            double u = z[zOff + j] + std * e, a = Math.tanh(u);
            // d a / d u = 1 - a^2; d logPi / d u = -d log(1 - tanh^2 u)/du = 2 tanh(u); d logPi / d logStd (direct) = -1
            double dU = (actionGrad == null ? 0 : actionGrad[agOff + j] * (1 - a * a)) + logProbGrad * 2 * a;
            zGrad[gOff + j] = (float) dU;
            zGrad[gOff + actionDim + j] = clampPasses(raw) ? (float) (dU * std * e - logProbGrad) : 0f;
        }
    }

    /**
     * {@code log pi(a | s)} of a given action {@code a} in {@code (-1, 1)^D} (clipped to
     * {@link #ACTION_LIMIT} so that atanh stays finite), in double. When {@code grad} is non-null it
     * receives {@code d log pi / d z} (mean and raw log-std) at {@code grad[gOff ..]}.
     */
    public double logLikelihood(double[] z, int zOff, double[] a, int aOff, double[] grad, int gOff) {
        double logProb = 0;
        for (int j = 0; j < actionDim; j++) {
            double aj = Math.max(-ACTION_LIMIT, Math.min(ACTION_LIMIT, a[aOff + j]));
            double u = 0.5 * Math.log((1 + aj) / (1 - aj)); // atanh
            double mean = z[zOff + j], raw = z[zOff + actionDim + j], ls = logStd(raw);
            double w = (u - mean) * Math.exp(-ls);
            logProb += -0.5 * w * w - ls - HALF_LOG_2PI - logOneMinusTanhSquared(u);
            if (grad != null) {
                grad[gOff + j] = w * Math.exp(-ls);
                grad[gOff + actionDim + j] = clampPasses(raw) ? w * w - 1 : 0;
            }
        }
        return logProb;
    }
}
