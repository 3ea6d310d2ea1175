package io.il4j.bc;

/** Which implementation runs the training steps; both compute the same network, loss and Adam update (tested). Immutable; thread-safe. */
public enum TrainingEngine {
    /** DL4J {@code MultiLayerNetwork.fit}: the reference implementation. */
    DL4J,
    /**
     * The same step on il4j's training kernel ({@code io.il4j.core.nn.Mlp} in il-core: parameters in Java arrays, the
     * matrix products as direct OpenBLAS calls, everything else as Java loops; see {@code BcBenchmark} for the
     * speed-up). Trunks with layer norm fall back to {@link #DL4J}.
     */
    LEAN
}
