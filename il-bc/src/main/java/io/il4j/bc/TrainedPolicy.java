package io.il4j.bc;

import io.il4j.core.train.LearningCurvePoint;
import io.il4j.core.train.Provenance;
import io.il4j.bc.internal.BcPolicyFile;
import io.il4j.core.policy.InvalidPolicyFileException;
import io.il4j.core.policy.PolicyArchive;

import io.il4j.core.report.RunDirectory;
import io.il4j.core.train.RunRecorder;

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
    private final Provenance provenance;
    private final List<LearningCurvePoint> learningCurve;

    public TrainedPolicy(BcPolicy policy, Provenance provenance, List<LearningCurvePoint> learningCurve) {
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

    public Provenance provenance() {
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

    /**
     * Writes the run's record into {@code run}: {@code config.json} (the config), {@code metrics.csv}
     * (one row per validation check), {@code results.json} (the provenance with final metrics), and
     * {@code learning_curve.png} (training and validation loss; plus {@code eval_return.png} when
     * evaluation rollouts ran).
     */
    public void writeRun(RunDirectory run) throws IOException {
        run.writeConfig(config());
        RunRecorder.write(run, curveTitle(config()), learningCurve);
        run.writeResults(provenance);
    }

    /** The title of a BC run's learning-curve plot. */
    public static String curveTitle(BcConfig config) {
        return "BC learning curve (" + config.head().cliName() + ")";
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
