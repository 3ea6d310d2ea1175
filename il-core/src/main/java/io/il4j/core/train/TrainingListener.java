package io.il4j.core.train;

/**
 * Callbacks from a trainer (BC, CQL, IQ-Learn): progress display, logging, live run directories. Methods
 * run on the training thread.
 */
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {
    };

    /** One listener that calls each of {@code listeners} in order. */
    static TrainingListener all(TrainingListener... listeners) {
        java.util.List<TrainingListener> list = java.util.List.of(listeners);
        return new TrainingListener() {
            @Override
            public void onStart(int totalSteps, int trainSteps, int validationSteps) {
                for (TrainingListener l : list) l.onStart(totalSteps, trainSteps, validationSteps);
            }

            @Override
            public void onStep(int step, double loss) {
                for (TrainingListener l : list) l.onStep(step, loss);
            }

            @Override
            public void onCheckpoint(LearningCurvePoint point, boolean improved) {
                for (TrainingListener l : list) l.onCheckpoint(point, improved);
            }

            @Override
            public void onFinish() {
                for (TrainingListener l : list) l.onFinish();
            }
        };
    }

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
