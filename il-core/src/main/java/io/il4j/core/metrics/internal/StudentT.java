package io.il4j.core.metrics.internal;

/**
 * Two-sided critical values of Student's t distribution with an integer number of degrees of freedom,
 * from the closed-form finite series for {@code P(|T| < t)} (Abramowitz and Stegun 26.7.3-26.7.4),
 * inverted by bisection. Exact up to floating-point error for every df, so no table or normal
 * approximation is needed. Stateless; thread-safe.
 */
public final class StudentT {

    private StudentT() {
    }

    /**
     * The {@code t} with {@code P(|T| < t) = confidence} for {@code df} degrees of freedom, e.g. 12.706
     * for df = 1 and 2.228 for df = 10 at 95%.
     */
    public static double twoSidedCritical(int df, double confidence) {
        if (df < 1) throw new IllegalArgumentException("degrees of freedom must be >= 1, got " + df);
        if (!(confidence > 0 && confidence < 1))
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        double hi = 1;
        while (centralProbability(hi, df) < confidence) hi *= 2;
        double lo = 0;
        for (int i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (centralProbability(mid, df) < confidence) lo = mid;
            else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /** {@code P(|T| < t)} for {@code t >= 0}. */
    public static double centralProbability(double t, int df) {
        double theta = Math.atan(t / Math.sqrt(df));
        double s = Math.sin(theta), c2 = Math.cos(theta) * Math.cos(theta);
        if (df % 2 == 1) {
            if (df == 1) return 2 * theta / Math.PI;
            // (2/pi) (theta + sin cos (1 + 2/3 c2 + 2*4/(3*5) c2^2 + ... up to c2^((df-3)/2)))
            double term = 1, sum = 1;
            for (int k = 1; k <= (df - 3) / 2; k++) {
                term *= c2 * (2.0 * k) / (2.0 * k + 1);
                sum += term;
            }
            return 2 / Math.PI * (theta + s * Math.cos(theta) * sum);
        }
        // sin (1 + 1/2 c2 + 1*3/(2*4) c2^2 + ... up to c2^((df-2)/2))
        double term = 1, sum = 1;
        for (int k = 1; k <= (df - 2) / 2; k++) {
            term *= c2 * (2.0 * k - 1) / (2.0 * k);
            sum += term;
        }
        return s * sum;
    }
}
