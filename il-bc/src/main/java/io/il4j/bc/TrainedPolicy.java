package io.il4j.bc;

import io.il4j.bc.internal.BcPolicyFile;
import io.il4j.core.policy.InvalidPolicyFileException;
import io.il4j.core.policy.PolicyArchive;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The result of {@link BcTrainer#train}: the policy, its provenance and the learning curve;
 * {@link #save(Path)} writes the policy file that {@link io.il4j.core.policy.Policies#load} reads.
 * Immutable; thread-safe (the policy's own thread-safety is documented on {@link BcPolicy}).
 */
public final class TrainedPolicy {
    private final BcPolicy policy;
    private final BcProvenance provenance;
    private final List<LearningCurvePoint> learningCurve;

    public TrainedPolicy(BcPolicy policy, BcProvenance provenance, List<LearningCurvePoint> learningCurve) {
        this.policy = policy;
        this.provenance = provenance;
        this.learningCurve = List.copyOf(learningCurve);
    }

    public BcPolicy policy() {
        return policy;
    }

    public BcConfig config() {
        return policy.config();
    }

    public BcProvenance provenance() {
        return provenance;
    }

    /** One point per validation check (empty for a loaded policy: curves are not stored in the file). */
    public List<LearningCurvePoint> learningCurve() {
        return learningCurve;
    }

    /** Writes the policy file (a zip; written to a temp file and moved into place). */
    public void save(Path path) throws IOException {
        BcPolicyFile.write(policy, provenance, path);
    }

    /** Reads a BC policy file with its provenance; a non-BC policy file is rejected. */
    public static TrainedPolicy load(Path path) throws IOException {
        PolicyArchive a = PolicyArchive.read(path);
        if (!BcPolicyFile.KIND.equals(a.kind()))
            throw new InvalidPolicyFileException(path + " holds a '" + a.kind() + "' policy, not a BC policy; use Policies.load");
        BcPolicyFile.Contents c = BcPolicyFile.read(a);
        return new TrainedPolicy(c.policy(), c.provenance(), List.of());
    }
}
