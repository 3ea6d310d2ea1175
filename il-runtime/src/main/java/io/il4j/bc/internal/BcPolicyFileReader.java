package io.il4j.bc.internal;

import io.il4j.core.policy.Policy;
import io.il4j.core.policy.PolicyArchive;
import io.il4j.core.policy.PolicyFileReader;

import java.io.IOException;

/** Registers BC policy files with {@link io.il4j.core.policy.Policies#load}. Stateless; thread-safe. */
public final class BcPolicyFileReader implements PolicyFileReader {
    @Override
    public String kind() {
        return BcPolicyFile.KIND;
    }

    @Override
    public Policy read(PolicyArchive archive) throws IOException {
        return BcPolicyFile.read(archive).policy();
    }
}
