package io.il4j.bc;

/** Which implementation runs the training steps; both compute the same network, loss and Adam update (tested). Immutable; thread-safe. */
public enum TrainingEngine {
    /** DL4J {@code MultiLayerNetwork.fit}: the reference implementation. */
    DL4J,
    /**
     * The same step with parameters in Java arrays, the eight matrix products as direct OpenBLAS calls
     * and everything else as Java loops (see {@code BcBenchmark} for the speed-up). Trunks with layer norm fall back to {@link #DL4J}.
     */
    LEAN
}
