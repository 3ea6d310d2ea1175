package io.il4j.bc;

/** Which implementation runs the training steps; both compute the same network, loss and Adam update (tested). Immutable; thread-safe. */
public enum TrainingEngine {
    /** DL4J {@code MultiLayerNetwork.fit}: the reference implementation. */
    DL4J,
    /**
     * The same step as a few ND4J calls on preallocated arrays with the native Adam op (see
     * {@code BcBenchmark} for the speed-up). Trunks with layer norm fall back to {@link #DL4J}.
     */
    LEAN
}
