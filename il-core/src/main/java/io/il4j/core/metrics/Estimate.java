package io.il4j.core.metrics;

import io.il4j.core.metrics.internal.NormalQuantile;
import io.il4j.core.metrics.internal.StudentT;

/**
 * Mean of a sample with its spread and a confidence interval for the mean.
 * <ul>
 *   <li>When every value is 0 or 1 (success, collision, off-road flags) the mean is a proportion and the
 *   interval is the Wilson score interval
 *   {@code (p + z^2/2n +- z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n)} with the normal quantile {@code z}
 *   (1.96 at 95%). Unlike the t-interval it stays inside [0, 1] and does not collapse to zero width when
 *   all values agree: 100 successes out of 100 give [0.963, 1]. It is defined for a single value too.</li>
 *   <li>Otherwise it is {@code mean +- t(confidence, n-1) * std / sqrt(n)} with Student's t quantile for
 *   every n (which tends to the normal 1.96 for large n); with a single value the interval is NaN.</li>
 * </ul>
 * A continuous quantity whose values all happen to be 0 or 1 is treated as a proportion as well.
 * {@code std} is the sample standard deviation (n - 1), NaN for a single value. Immutable; thread-safe.
 *
 * @param n          number of values
 * @param mean       sample mean
 * @param std        sample standard deviation
 * @param ciLow      lower end of the confidence interval of the mean
 * @param ciHigh     upper end
 * @param confidence the interval's confidence level, e.g. 0.95
 */
public record Estimate(int n, double mean, double std, double ciLow, double ciHigh, double min, double max,
                       double confidence) {

    public static final double DEFAULT_CONFIDENCE = 0.95;

    /** The estimate of {@code values} with a 95% interval. */
    public static Estimate of(double[] values) {
        return of(values, DEFAULT_CONFIDENCE);
    }

    public static Estimate of(double[] values, double confidence) {
        if (values == null || values.length == 0) throw new IllegalArgumentException("an estimate needs at least one value");
        RunningStats s = new RunningStats();
        s.addAll(values);
        int n = values.length;
        if (isBinary(values)) {
            double[] ci = wilson(s.mean(), n, confidence);
            return new Estimate(n, s.mean(), s.sampleStd(), ci[0], ci[1], s.min(), s.max(), confidence);
        }
        double half = n < 2 ? Double.NaN : StudentT.twoSidedCritical(n - 1, confidence) * s.sampleStd() / Math.sqrt(n);
        return new Estimate(n, s.mean(), s.sampleStd(), s.mean() - half, s.mean() + half, s.min(), s.max(), confidence);
    }

    private static boolean isBinary(double[] values) {
        for (double v : values) if (v != 0 && v != 1) return false;
        return true;
    }

    /** Wilson score interval {low, high} for the proportion {@code p} observed in {@code n} trials. */
    private static double[] wilson(double p, int n, double confidence) {
        double z = NormalQuantile.twoSidedCritical(confidence), z2n = z * z / n;
        double centre = (p + z2n / 2) / (1 + z2n);
        double half = z / (1 + z2n) * Math.sqrt(p * (1 - p) / n + z2n / (4 * n));
        // In exact arithmetic the ends lie in [0, 1] and are exactly 0 at p = 0 and 1 at p = 1; pin those so
        // rounding does not print 6.9e-18 for "no collision in 30 episodes".
        double low = p == 0 ? 0 : Math.max(0, centre - half), high = p == 1 ? 1 : Math.min(1, centre + half);
        return new double[]{low, high};
    }

    /** Half the width of the confidence interval (the Wilson interval is not centred on the mean). */
    public double halfWidth() {
        return 0.5 * (ciHigh - ciLow);
    }

    /** Standard error of the mean, {@code std / sqrt(n)}. */
    public double standardError() {
        return std / Math.sqrt(n);
    }
}
