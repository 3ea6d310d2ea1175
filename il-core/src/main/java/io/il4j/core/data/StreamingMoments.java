package io.il4j.core.data;

/**
 * Per-dimension mean and variance accumulated chunk by chunk in one pass (a shard at a time), for fitting a
 * {@link Normalizer} on data that never sit in memory together. The sum runs over the rows in the order given, as
 * {@link Normalizer#fit} does, so the mean is the same float; each chunk's squared deviations are taken about the
 * chunk's own mean and merged exactly (Chan et al.'s pairwise update), so the variance matches the two-pass value to
 * double rounding (and one chunk gives exactly the two-pass value). Not thread-safe.
 */
public final class StreamingMoments {

    private final int dim;
    private final double[] sum, m2, chunkSum, meanBefore;
    private long n;

    public StreamingMoments(int dim) {
        if (dim < 1) throw new IllegalArgumentException("dim must be >= 1, got " + dim);
        this.dim = dim;
        this.sum = new double[dim];
        this.m2 = new double[dim];
        this.chunkSum = new double[dim];
        this.meanBefore = new double[dim];
    }

    public int dim() {
        return dim;
    }

    public long count() {
        return n;
    }

    /** Adds rows {@code rows} (null: all) of the row-major array {@code data} with {@code dim} columns. */
    public void add(float[] data, int[] rows) {
        int k = rows == null ? data.length / dim : rows.length;
        if (k == 0) return;
        java.util.Arrays.fill(chunkSum, 0);
        for (int d = 0; d < dim && n > 0; d++) meanBefore[d] = sum[d] / n;
        for (int i = 0; i < k; i++) {
            int base = (rows == null ? i : rows[i]) * dim;
            for (int d = 0; d < dim; d++) {
                sum[d] += data[base + d];
                chunkSum[d] += data[base + d];
            }
        }
        for (int d = 0; d < dim; d++) {
            double chunkMean = chunkSum[d] / k, sq = 0;
            for (int i = 0; i < k; i++) {
                double x = data[(rows == null ? i : rows[i]) * dim + d] - chunkMean;
                sq += x * x;
            }
            if (n == 0) {
                m2[d] = sq;
            } else {
                double delta = chunkMean - meanBefore[d];
                m2[d] += sq + delta * delta * ((double) n * k / (n + k));
            }
        }
        n += k;
    }

    /** The normalizer of everything added: each std is {@code max(population std, stdFloor)}. */
    public Normalizer normalizer(double stdFloor) {
        if (!(stdFloor > 0)) throw new IllegalArgumentException("stdFloor must be > 0, got " + stdFloor);
        if (n == 0) throw new IllegalArgumentException("cannot fit a normalizer on zero rows");
        float[] mean = new float[dim], std = new float[dim];
        for (int d = 0; d < dim; d++) {
            mean[d] = (float) (sum[d] / n);
            std[d] = (float) Math.max(Math.sqrt(m2[d] / n), stdFloor);
        }
        return new Normalizer(mean, std);
    }
}
