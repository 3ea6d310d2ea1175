package io.il4j.bc.internal;

import io.il4j.core.nn.Head;
/** A head over continuous actions of dimension {@code dim}: labels are actions; by default the action is the first {@code dim} outputs. */
abstract class ContinuousHead extends Head {
    final int dim;

    ContinuousHead(int actionDim) {
        if (actionDim < 1) throw new IllegalArgumentException("action dim must be >= 1, got " + actionDim);
        this.dim = actionDim;
    }

    @Override
    public int labelWidth() {
        return dim;
    }

    @Override
    public int actionWidth() {
        return dim;
    }

    /** The first {@code dim} outputs (the mean, for heads that put it first). */
    @Override
    public void decode(float[] z, float[] out) {
        System.arraycopy(z, 0, out, 0, dim);
    }
}
