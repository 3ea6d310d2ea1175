package io.il4j.core.space;

/** An action of the wrong length, with NaN/Inf, or outside a discrete range. */
public class InvalidActionException extends IllegalArgumentException {
    public InvalidActionException(String message) {
        super(message);
    }
}
