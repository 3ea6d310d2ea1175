package io.il4j.core.metrics.internal;

/**
 * Two-sided critical values of the standard normal distribution, e.g. 1.959964 at 95%. The CDF comes from
 * Marsaglia's series {@code Phi(x) = 1/2 + phi(x) (x + x^3/3 + x^5/(3*5) + ...)} (J. Stat. Softw. 11(4), 2004),
 * accurate to double precision for the |x| < 8 any confidence level below 1 - 1e-15 needs, and is inverted by
 * bisection, as {@link StudentT} does, so no approximation table is involved. Stateless; thread-safe.
 */
public final class NormalQuantile {

    private NormalQuantile() {
    }

    /** The {@code z} with {@code P(|Z| < z) = confidence}. */
    public static double twoSidedCritical(double confidence) {
        if (!(confidence > 0 && confidence < 1))
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        double lo = 0, hi = 8;
        for (int i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (centralProbability(mid) < confidence) lo = mid;
            else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /** {@code P(|Z| < z) = 2 Phi(z) - 1} for {@code z >= 0}. */
    public static double centralProbability(double z) {
        double term = z, sum = z, z2 = z * z;
        for (int k = 1; k < 1000 && sum + term != sum; k++) {
            term *= z2 / (2 * k + 1);
            sum += term;
        }
        return Math.min(1, 2 * sum * Math.exp(-0.5 * z2) / Math.sqrt(2 * Math.PI));
    }
}
