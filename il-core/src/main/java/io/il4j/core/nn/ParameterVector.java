package io.il4j.core.nn;

import java.util.Arrays;

/**
 * A few free parameters trained beside the networks: SAC's log entropy temperature, CQL's log Lagrange
 * multiplier. The learner writes their gradient into {@link #gradients()} and steps them with an
 * {@link Optimizer}; never weight-decayed. Not thread-safe.
 */
public final class ParameterVector implements Trainable {

    private final float[] values, grads;

    public ParameterVector(float... initial) {
        if (initial.length == 0) throw new IllegalArgumentException("a parameter vector needs at least one value");
        values = initial.clone();
        grads = new float[initial.length];
    }

    public float get(int i) {
        return values[i];
    }

    public void set(int i, float value) {
        values[i] = value;
    }

    @Override
    public float[] parameters() {
        return values;
    }

    @Override
    public float[] gradients() {
        return grads;
    }

    @Override
    public void parametersChanged() {
    }

    @Override
    public int numSegments() {
        return 1;
    }

    @Override
    public int segmentStart(int segment) {
        return 0;
    }

    @Override
    public int segmentEnd(int segment) {
        return values.length;
    }

    @Override
    public boolean segmentDecays(int segment) {
        return false;
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
