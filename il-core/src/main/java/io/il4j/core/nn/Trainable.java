package io.il4j.core.nn;

/**
 * Parameters an {@link Optimizer} can step: a flat parameter array, the gradient of the loss with respect
 * to it, and segments that say which ranges get weight decay (an MLP's weights do, its biases do not).
 * Implemented by {@link Mlp} and {@link ParameterVector}.
 */
public interface Trainable {

    /** The live parameters; after writing to them, call {@link #parametersChanged()}. */
    float[] parameters();

    /** The live gradients, as long as {@link #parameters()}. */
    float[] gradients();

    /** Makes a change to {@link #parameters()} take effect (e.g. copies it to native memory). */
    void parametersChanged();

    /** Contiguous ranges that cover the parameters, in order. */
    int numSegments();

    int segmentStart(int segment);

    int segmentEnd(int segment);

    /** Whether weight decay applies to a segment. */
    boolean segmentDecays(int segment);
}
