package io.il4j.dagger;

import io.il4j.bc.BcPolicy;
import io.il4j.bc.internal.BcPolicyFile;
import io.il4j.core.cluster.PolicyBytes;
import io.il4j.core.policy.Policy;
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

    /**
     * A DAgger round's learner, to send to other machines: it must be a BC policy (what {@link BcLearners} give).
     */
    public static PolicyBytes ofLearner(Policy learner, int round) {
        if (learner instanceof BcPolicy b) return of(b, "dagger round " + round + " learner");
        throw new IllegalArgumentException("rollouts on a cluster ship the round's learner as a BC policy file; the policy learner returned a "
                + learner.getClass().getName() + " (use a BC learner, e.g. BcLearners.behavioralCloning())");
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
