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
     * Adds the rows of a row-major array to {@code columns}, one accumulator per column, in two passes (sums, then
     * squared deviations from the mean: as stable as Welford's update, without a division per value), each column
     * merged in at the end. For bulk data such as {@code il inspect}'s; {@link #add} is the one-value form.
     */
    public static void addColumns(RunningStats[] columns, float[] rowMajor, int rows) {
        int dim = columns.length;
        if (rows == 0 || dim == 0) return;
        double[] sum = new double[dim], m2 = new double[dim], min = new double[dim], max = new double[dim];
        boolean[] nan = new boolean[dim];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int r = 0, i = 0; r < rows; r++)
            for (int d = 0; d < dim; d++, i++) {
                double x = rowMajor[i];
                sum[d] += x;
                if (x < min[d]) min[d] = x;
                if (x > max[d]) max[d] = x;
                if (x != x) nan[d] = true; // NaN itself, not +Inf and -Inf summing to NaN
            }
        double[] mean = new double[dim];
        for (int d = 0; d < dim; d++) mean[d] = sum[d] / rows;
        for (int r = 0, i = 0; r < rows; r++)
            for (int d = 0; d < dim; d++, i++) {
                double dx = rowMajor[i] - mean[d];
                m2[d] += dx * dx;
            }
        for (int d = 0; d < dim; d++) columns[d].merge(rows, mean[d], m2[d], min[d], max[d], nan[d]);
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
