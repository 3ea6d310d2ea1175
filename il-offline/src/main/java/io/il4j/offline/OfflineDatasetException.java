package io.il4j.offline;

/** A dataset offline RL cannot learn from (no rewards, wrong action kind, too few transitions, actions outside the box). */
public class OfflineDatasetException extends IllegalArgumentException {
    public OfflineDatasetException(String message) {
        super(message);
    }
}
