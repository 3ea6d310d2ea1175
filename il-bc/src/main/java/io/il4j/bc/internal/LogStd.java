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
        return min + (max - min) * sigmoid(s);
    }

    /** d value / d s. */
    double derivative(double s) {
        double sg = sigmoid(s);
        return (max - min) * sg * (1 - sg);
    }

    private static double sigmoid(double s) {
        return s >= 0 ? 1 / (1 + Math.exp(-s)) : Math.exp(s) / (1 + Math.exp(s));
    }
}
