package io.il4j.spark;

import io.il4j.bc.BcPolicy;
import io.il4j.bc.internal.BcPolicyFile;
import io.il4j.core.cluster.PolicyBytes;
import io.il4j.core.train.Provenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A BC policy in memory (e.g. the learner of a DAgger round) as the bytes of its policy file, ready to travel. */
public final class BcPolicyBytes {

    private BcPolicyBytes() {
    }

    /** Its weights are stored as the float32 they are, so the loaded copy acts exactly as the original. */
    public static PolicyBytes of(BcPolicy policy, String purpose) {
        try {
            Path tmp = Files.createTempFile("il4j-policy-", ".zip");
            try {
                Files.delete(tmp); // the writer moves its own temp file into place
                BcPolicyFile.write(policy, Provenance.of(purpose, "", "", policy.config().seed(), 0, 0, false, Map.of()), tmp);
                return PolicyBytes.of(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the policy to a temporary file", e);
        }
    }
}
