package io.il4j.core.cluster;

import io.il4j.core.policy.Policies;
import io.il4j.core.policy.Policy;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A policy file's bytes, which is how a policy travels to other machines: each task loads it with
 * {@link Policies#load} and gets its own instance, so stateful policies (frame history, sampling) are never shared
 * between threads. Immutable.
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
