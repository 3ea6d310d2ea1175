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
        merge(other.n, other.mean, other.m2, other.min, other.max, other.sawNaN);
    }

    /**
     * Folds in {@code count} values summarized elsewhere: their mean, sum of squared deviations from it, min, max, and
     * whether one was NaN.
     */
    void merge(long count, double otherMean, double otherM2, double otherMin, double otherMax, boolean otherSawNaN) {
        if (count == 0) return;
        if (n == 0) {
            n = count;
            mean = otherMean;
            m2 = otherM2;
            min = otherMin;
            max = otherMax;
            sawNaN = otherSawNaN;
            return;
        }
        long total = n + count;
        double delta = otherMean - mean;
        mean += delta * count / total;
        m2 += otherM2 + delta * delta * ((double) n * count / total);
        n = total;
        min = Math.min(min, otherMin);
        max = Math.max(max, otherMax);
        sawNaN |= otherSawNaN;
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
