package io.il4j.spark;

import io.il4j.bc.BcPolicy;
import io.il4j.bc.internal.BcPolicyFile;
import io.il4j.core.policy.Policies;
import io.il4j.core.policy.Policy;
import io.il4j.core.train.Provenance;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A policy file's bytes, which is how a policy travels to executors: each executor task loads it once with
 * {@link Policies#load} and gets its own instance, so stateful policies (frame history, sampling) are never
 * shared between threads. Immutable.
 */
public final class PolicyBytes implements Serializable {
    private static final long serialVersionUID = 1L;
    private final byte[] bytes;

    private PolicyBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The bytes of a policy file (any kind {@link Policies#load} reads). */
    public static PolicyBytes of(Path policyFile) throws IOException {
        return new PolicyBytes(Files.readAllBytes(policyFile));
    }

    /**
     * A BC policy in memory (e.g. the learner of a DAgger round) as policy-file bytes. Its weights are stored as
     * the float32 they are, so the loaded copy acts exactly as the original.
     */
    public static PolicyBytes of(BcPolicy policy, String purpose) {
        try {
            Path tmp = Files.createTempFile("il4j-policy-", ".zip");
            try {
                Files.delete(tmp); // the writer moves its own temp file into place
                BcPolicyFile.write(policy, Provenance.of(purpose, "", "", policy.config().seed(), 0, 0, false, java.util.Map.of()), tmp);
                return new PolicyBytes(Files.readAllBytes(tmp));
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the policy to a temporary file", e);
        }
    }

    /** Loads a new instance (through a temporary file, as {@link Policies#load} reads files). */
    public Policy load() {
        try {
            Path tmp = Files.createTempFile("il4j-policy-", ".zip");
            try {
                Files.write(tmp, bytes);
                return Policies.load(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not load the shipped policy", e);
        }
    }

    public int size() {
        return bytes.length;
    }
}
