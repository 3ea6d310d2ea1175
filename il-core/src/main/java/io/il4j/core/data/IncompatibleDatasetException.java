package io.il4j.core.data;

/** The dataset's spec does not fit what a learner needs (discrete actions for a Gaussian head, no rewards for offline RL, ...); the message says what to change. */
public class IncompatibleDatasetException extends IllegalArgumentException {
    public IncompatibleDatasetException(String message) {
        super(message);
    }
}
