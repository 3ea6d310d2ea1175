package io.il4j.core.policy;

import java.io.IOException;

/** A file that is not a readable il4j policy: not a zip, corrupted, foreign, or missing a part. */
public class InvalidPolicyFileException extends IOException {
    public InvalidPolicyFileException(String message) {
        super(message);
    }

    public InvalidPolicyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
