package io.il4j.bc.internal;

import java.io.Serializable;

/**
 * A smooth clamp of a raw output {@code s} into {@code [min, max]}:
 * {@code logStd = min + (max - min) * sigmoid(s)}. Unlike a hard clamp it keeps a gradient everywhere,
 * and it is the minimum std that keeps Gaussian and mixture likelihoods finite. Immutable.
 */
record LogStd(double min, double max) implements Serializable {

    LogStd {
        if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max))
            throw new IllegalArgumentException("log-std range must be finite with min < max, got [" + min + ", " + max + "]");
    }

    double value(double s) {
        return ofSigmoid(sigmoid(s));
    }

    /** d value / d s. */
    double derivative(double s) {
        return derivativeOfSigmoid(sigmoid(s));
    }

    /** The value, given {@code sigmoid(s)} (losses compute the sigmoid once for value and derivative). */
    double ofSigmoid(double sg) {
        return min + (max - min) * sg;
    }

    /** d value / d s, given {@code sigmoid(s)}. */
    double derivativeOfSigmoid(double sg) {
        return (max - min) * sg * (1 - sg);
    }

    static double sigmoid(double s) {
        return s >= 0 ? 1 / (1 + Math.exp(-s)) : Math.exp(s) / (1 + Math.exp(s));
    }
}
