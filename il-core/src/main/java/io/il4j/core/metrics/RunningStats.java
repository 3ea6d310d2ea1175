package io.il4j.core.metrics;

/**
 * Count, mean, variance, min and max of a stream of numbers in one pass, with Welford's update
 * (numerically stable when the mean is large compared with the spread, where {@code sum(x^2) - n mean^2}
 * cancels catastrophically). Empty streams report NaN. A NaN input makes mean, variance, min and max NaN.
 *
 * <p>Not thread-safe (an accumulator per thread; {@link #merge} combines them).
 */
public final class RunningStats {
    private long n;
    private double mean;
    private double m2;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private boolean sawNaN;

    /** The statistics of {@code n} values already summarized (for {@link #merge}); {@code mean} NaN when one was NaN. */
    static RunningStats of(long n, double mean, double m2, double min, double max) {
        RunningStats s = new RunningStats();
        s.n = n;
        s.mean = mean;
        s.m2 = m2;
        s.min = min;
        s.max = max;
        s.sawNaN = Double.isNaN(mean);
        return s;
    }

    public void add(double x) {
        if (Double.isNaN(x)) sawNaN = true;
        n++;
        double delta = x - mean;
        mean += delta / n;
        m2 += delta * (x - mean);
        if (x < min) min = x;
        if (x > max) max = x;
    }

    /** Adds every value of {@code xs}. */
    public void addAll(double[] xs) {
        for (double x : xs) add(x);
    }

    /** Folds {@code other} into this accumulator (Chan et al.'s pairwise combination). */
    public void merge(RunningStats other) {
        if (other.n == 0) return;
        if (n == 0) {
            n = other.n;
            mean = other.mean;
            m2 = other.m2;
            min = other.min;
            max = other.max;
            sawNaN = other.sawNaN;
            return;
        }
        long total = n + other.n;
        double delta = other.mean - mean;
        mean += delta * other.n / total;
        m2 += other.m2 + delta * delta * ((double) n * other.n / total);
        n = total;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        sawNaN |= other.sawNaN;
    }

    public long count() {
        return n;
    }

    public double mean() {
        return n == 0 || sawNaN ? Double.NaN : mean;
    }

    /** Population variance (divides by n), as numpy's default {@code var}. */
    public double variance() {
        return n == 0 || sawNaN ? Double.NaN : Math.max(0, m2 / n);
    }

    /** Sample variance (divides by n - 1); NaN for fewer than two values. */
    public double sampleVariance() {
        return n < 2 || sawNaN ? Double.NaN : Math.max(0, m2 / (n - 1));
    }

    /** Population standard deviation. */
    public double std() {
        return Math.sqrt(variance());
    }

    /** Sample standard deviation (n - 1 in the denominator). */
    public double sampleStd() {
        return Math.sqrt(sampleVariance());
    }

    public double min() {
        return n == 0 || sawNaN ? Double.NaN : min;
    }

    public double max() {
        return n == 0 || sawNaN ? Double.NaN : max;
    }
}
