package io.il4j.core.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Arrays;

/**
 * Per-dimension standardization {@code (x - mean) / std}, fitted once on training data, stored with a
 * policy and applied at inference. The std of every dimension is floored (a constant column would
 * otherwise divide by zero and blow up any deviation at inference). Serializes to JSON.
 * Immutable; thread-safe.
 */
public final class Normalizer {

    /** Floor applied to each dimension's std unless another is given. */
    public static final double DEFAULT_STD_FLOOR = 1e-3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final float[] mean;
    private final float[] std;

    /** A normalizer with the given statistics; {@code std} must be positive and finite. */
    @JsonCreator
    public Normalizer(@JsonProperty("mean") float[] mean, @JsonProperty("std") float[] std) {
        if (mean == null || std == null) throw new IllegalArgumentException("normalizer needs both mean and std");
        if (mean.length != std.length)
            throw new IllegalArgumentException("normalizer mean has " + mean.length + " dims but std has " + std.length);
        for (int i = 0; i < mean.length; i++) {
            if (!Float.isFinite(mean[i])) throw new IllegalArgumentException("normalizer mean[" + i + "] is " + mean[i]);
            if (!(std[i] > 0) || !Float.isFinite(std[i]))
                throw new IllegalArgumentException("normalizer std[" + i + "] is " + std[i] + "; expected a positive finite value");
        }
        this.mean = mean.clone();
        this.std = std.clone();
    }

    /** Leaves values unchanged (mean 0, std 1). */
    public static Normalizer identity(int dim) {
        float[] m = new float[dim], s = new float[dim];
        Arrays.fill(s, 1f);
        return new Normalizer(m, s);
    }

    /**
     * Fits on rows of a row-major array: {@code data[row * dim + d]}; {@code rows} selects rows
     * (null: all rows). Each std is {@code max(population std, stdFloor)}.
     */
    public static Normalizer fit(float[] data, int dim, int[] rows, double stdFloor) {
        if (dim < 1) throw new IllegalArgumentException("dim must be >= 1, got " + dim);
        if (!(stdFloor > 0)) throw new IllegalArgumentException("stdFloor must be > 0, got " + stdFloor);
        int n = rows == null ? data.length / dim : rows.length;
        if (n == 0) throw new IllegalArgumentException("cannot fit a normalizer on zero rows");
        double[] sum = new double[dim];
        for (int i = 0; i < n; i++) {
            int base = (rows == null ? i : rows[i]) * dim;
            for (int d = 0; d < dim; d++) sum[d] += data[base + d];
        }
        float[] mean = new float[dim], std = new float[dim];
        double[] sq = new double[dim];
        for (int d = 0; d < dim; d++) mean[d] = (float) (sum[d] / n);
        for (int i = 0; i < n; i++) {
            int base = (rows == null ? i : rows[i]) * dim;
            for (int d = 0; d < dim; d++) {
                double x = data[base + d] - sum[d] / n;
                sq[d] += x * x;
            }
        }
        for (int d = 0; d < dim; d++) std[d] = (float) Math.max(Math.sqrt(sq[d] / n), stdFloor);
        return new Normalizer(mean, std);
    }

    public int dim() {
        return mean.length;
    }

    public float mean(int d) {
        return mean[d];
    }

    public float std(int d) {
        return std[d];
    }

    @JsonProperty("mean")
    float[] meanArray() {
        return mean.clone();
    }

    @JsonProperty("std")
    float[] stdArray() {
        return std.clone();
    }

    /** Normalizes {@code dim()} values from {@code in[inOffset..]} into {@code out[outOffset..]}. */
    public void normalize(float[] in, int inOffset, float[] out, int outOffset) {
        for (int d = 0; d < mean.length; d++) out[outOffset + d] = (in[inOffset + d] - mean[d]) / std[d];
    }

    /** Normalizes a raw (double) vector into {@code out[outOffset..]}, as policies do at inference. */
    public void normalize(double[] in, int inOffset, float[] out, int outOffset) {
        for (int d = 0; d < mean.length; d++) out[outOffset + d] = (float) ((in[inOffset + d] - mean[d]) / std[d]);
    }

    /** The raw value of normalized value {@code z} in dimension {@code d}. */
    public double denormalize(int d, double z) {
        return z * std[d] + mean[d];
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses {@link #toJson()} output; malformed or invalid statistics give an IllegalArgumentException. */
    public static Normalizer fromJson(String json) {
        try {
            return JSON.readValue(json, Normalizer.class);
        } catch (JsonProcessingException e) {
            Throwable c = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new IllegalArgumentException("invalid normalizer JSON: " + c.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalizer n && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Normalizer(mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + ")";
    }
}
