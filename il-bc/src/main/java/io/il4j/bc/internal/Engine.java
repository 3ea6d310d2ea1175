package io.il4j.bc.internal;

import io.il4j.core.nn.Adam;
import io.il4j.core.nn.MlpWeights;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Runs training steps of one network: forward, head loss, backward, Adam update. Not thread-safe. */
public interface Engine {

    /** One Adam step on a minibatch; returns its mean loss before the update. */
    double fit(INDArray inputs, INDArray labels);

    /** Network outputs for a batch (no update). */
    INDArray output(INDArray inputs);

    /** A copy of the current weights. */
    MlpWeights weights();

    /** Overwrites the weights (warm start, best-checkpoint restore); optimizer state is kept. */
    void setWeights(MlpWeights weights);

    /** Whether {@link #optimizerState()} and {@link #restoreOptimizer} work (checkpoints and resume). */
    default boolean checkpointable() {
        return false;
    }

    /** A copy of the optimizer's moments and step count. */
    default Adam.State optimizerState() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not expose its optimizer state");
    }

    /** Restores an {@link #optimizerState()}. */
    default void restoreOptimizer(Adam.State state) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not expose its optimizer state");
    }
}
