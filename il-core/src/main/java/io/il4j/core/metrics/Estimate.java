package io.il4j.core.metrics;

import io.il4j.core.metrics.internal.StudentT;

/**
 * Mean of a sample with its spread and a confidence interval for the mean:
 * {@code mean +- t(confidence, n-1) * std / sqrt(n)} with Student's t quantile for every n (which tends
 * to the normal 1.96 for large n). {@code std} is the sample standard deviation (n - 1); with a single
 * value std and the interval are NaN. Immutable; thread-safe.
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
        double half = n < 2 ? Double.NaN : StudentT.twoSidedCritical(n - 1, confidence) * s.sampleStd() / Math.sqrt(n);
        return new Estimate(n, s.mean(), s.sampleStd(), s.mean() - half, s.mean() + half, s.min(), s.max(), confidence);
    }

    /** Half the width of the confidence interval. */
    public double halfWidth() {
        return 0.5 * (ciHigh - ciLow);
    }

    /** Standard error of the mean, {@code std / sqrt(n)}. */
    public double standardError() {
        return std / Math.sqrt(n);
    }
}
