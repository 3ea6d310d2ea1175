package io.il4j.offline;

/** Callbacks from a CQL run (progress display, logging). Methods run on the training thread. */
public interface CqlListener {

    /** A listener that ignores everything. */
    CqlListener NONE = new CqlListener() {
    };

    /** Training is about to take {@code totalSteps} gradient steps. */
    default void onStart(int totalSteps) {
    }

    /** After gradient step {@code step} (1-based). */
    default void onStep(int step) {
    }

    /** After an evaluation interval. */
    default void onCheckpoint(CqlCurvePoint point) {
    }

    /** Training ended (normally, or by divergence: then {@code result} is null). */
    default void onFinish(TrainedCql result) {
    }
}
