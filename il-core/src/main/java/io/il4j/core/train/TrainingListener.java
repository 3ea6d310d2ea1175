package io.il4j.core.train;

/**
 * Callbacks from a trainer (BC, CQL, IQ-Learn): progress display, logging, live run directories. Methods
 * run on the training thread.
 */
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {
    };

    /** Training is about to take {@code totalSteps} gradient steps over {@code trainSteps} steps of data. */
    default void onStart(int totalSteps, int trainSteps, int validationSteps) {
    }

    /** After gradient step {@code step} (1-based) with its minibatch loss. */
    default void onStep(int step, double loss) {
    }

    /** After a validation check; {@code improved} when it set a new best validation loss. */
    default void onCheckpoint(LearningCurvePoint point, boolean improved) {
    }

    /** Training ended (normally or early); the trainer returns its result. */
    default void onFinish() {
    }
}
