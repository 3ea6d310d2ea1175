package io.il4j.bc;

/** Which implementation runs the training steps; both compute the same network, loss and Adam update. */
public enum TrainingEngine {
    /** DL4J {@code MultiLayerNetwork.fit}: the reference implementation. */
    DL4J
}
