package io.il4j.core.policy;

import java.io.IOException;

/**
 * Turns a {@link PolicyArchive} of one kind (e.g. {@code "bc"}) into a ready {@link Policy}. Algorithm
 * modules register implementations in {@code META-INF/services/io.il4j.core.policy.PolicyFileReader};
 * {@link Policies#load} picks the one whose {@link #kind()} the archive's manifest names.
 * Implementations must be stateless and thread-safe.
 */
public interface PolicyFileReader {

    /** The manifest kind this reader understands. */
    String kind();

    /** Builds the policy; missing or malformed entries give an {@link InvalidPolicyFileException}. */
    Policy read(PolicyArchive archive) throws IOException;
}
