package io.il4j.bc;

/** The dataset's spec does not fit the chosen policy (e.g. discrete actions with a Gaussian head); the message says what to change. */
public class IncompatibleDatasetException extends IllegalArgumentException {
    public IncompatibleDatasetException(String message) {
        super(message);
    }
}
