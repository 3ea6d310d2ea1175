package io.il4j.irl.iq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.il4j.bc.TrainedPolicy;
import io.il4j.core.env.EpisodeResult;
import io.il4j.core.env.Rollouts;
import io.il4j.core.nn.Adam;
import io.il4j.core.nn.MlpWeights;
import io.il4j.core.report.Json;
import io.il4j.core.train.Checkpoint;
import io.il4j.core.train.Checkpointing;
import io.il4j.core.train.EvalRollouts;
import io.il4j.core.train.TrainingInterruptedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The step loop around an IQ-Learn variant's update, shared by both variants: the listener's progress and curve points,
 * evaluation rollouts, checkpoints and resume. Each step draws its randomness from {@link #stepRandom}(seed, step), so a
 * checkpoint needs no random-number state and a resumed run ends with exactly the weights of an uninterrupted one.
 * Not thread-safe.
 */
final class IqTrainingLoop {

    static final String TRAINER = "iqlearn";

    /** A variant's trained state, for checkpoints. */
    interface Trainee {
        /** The networks to checkpoint, by name (copies). */
        Map<String, MlpWeights> networks();

        /** Their optimizers' states, by name. */
        Map<String, Adam.State> optimizers();

        /** Puts networks and optimizers back as {@link #networks()} and {@link #optimizers()} saw them. */
        void restore(Checkpoint checkpoint);
    }

    private final IqLearnConfig config;
    private final IqRunControl control;
    private final IqTrainingLog log;
    private final String datasetHash;
    private final ExpertTransitions expert;
    private final IqBatch batch;
    private final OnlineLoop.Update update;
    private final Supplier<TrainedPolicy> policy;
    private final Trainee trainee;

    /**
     * @param update  the variant's update on {@code batch}
     * @param policy  the current policy, for evaluation rollouts
     * @param trainee its state, for checkpoints
     */
    IqTrainingLoop(IqLearnConfig config, IqRunControl control, IqTrainingLog log, String datasetHash, ExpertTransitions expert, IqBatch batch,
                   OnlineLoop.Update update, Supplier<TrainedPolicy> policy, Trainee trainee) {
        this.config = config;
        this.control = control;
        this.log = log;
        this.datasetHash = datasetHash;
        this.expert = expert;
        this.batch = batch;
        this.update = update;
        this.policy = policy;
        this.trainee = trainee;
    }

    /** The random numbers of step {@code step}: a SplittableRandom seeded from (seed, step) alone. */
    static SplittableRandom stepRandom(long seed, int step) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + step * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL);
    }

    /** {@code config.steps()} offline updates (or the rest of them after a checkpoint's step). */
    void runOffline() {
        Checkpointing ck = control.checkpointing();
        int step = 0;
        double secondsBefore = 0;
        if (ck != null && ck.resumeFrom() != null) {
            Checkpoint r = ck.resumeFrom();
            r.requireSameRun(TRAINER, configJson("offline"), datasetHash);
            trainee.restore(r);
            log.restore(r.curve());
            step = r.step();
            secondsBefore = r.loop().path("seconds").asDouble();
        }
        log.start(secondsBefore);
        control.listener().onStart(config.steps(), expert.size, 0);
        while (step < config.steps()) {
            step++;
            SplittableRandom rng = stepRandom(config.seed(), step);
            batch.fillExpert(expert, rng, config.batchSize());
            update.update(step, rng);
            afterUpdate(step);
            if (ck != null && (ck.due(step) || ck.stop().requested())) {
                write(ck, step, "offline");
                if (ck.stop().requested()) {
                    control.listener().onFinish();
                    throw new TrainingInterruptedException(step, ck.file());
                }
            }
        }
        control.listener().onFinish();
    }

    /**
     * Starts an online run. Online runs keep no checkpoints: the environment's state in the middle of an episode and
     * the replay buffer are not saved, so a checkpoint could not continue to the same result.
     */
    void startOnline() {
        Checkpointing ck = control.checkpointing();
        if (ck != null && ck.resumeFrom() != null)
            throw new IllegalArgumentException("online IQ-Learn cannot resume from a checkpoint (the environment's mid-episode state and "
                    + "the replay buffer are not saved); start the run again");
        log.start(0);
        control.listener().onStart(config.steps(), expert.size, 0);
    }

    /** Online: one update after environment step {@code step} on expert and replayed transitions, then {@link #afterUpdate}. */
    void mixedUpdate(int step, ReplayBuffer replay) {
        SplittableRandom rng = stepRandom(config.seed(), step);
        batch.fillMixed(expert, replay, rng, config.batchSize());
        update.update(step, rng);
        afterUpdate(step);
    }

    /** Online: a stop request ends the run at once, with no checkpoint ({@link TrainingInterruptedException#checkpoint()} null). */
    void stopIfRequested(int step) {
        Checkpointing ck = control.checkpointing();
        if (ck != null && ck.stop().requested()) {
            control.listener().onFinish();
            throw new TrainingInterruptedException(step, null);
        }
    }

    void finish() {
        control.listener().onFinish();
    }

    /** After update {@code step}: progress, and a curve point at regular steps, at evaluations (every {@code evalEvery}) and at the last step. */
    void afterUpdate(int step) {
        control.listener().onStep(step, log.lastLoss());
        EvalRollouts eval = control.eval();
        boolean evaluate = eval != null && step % control.evalEvery() == 0;
        if (evaluate || IqTrainingLog.due(step) || step == config.steps())
            control.listener().onCheckpoint(log.point(step, evaluate ? evaluate(eval) : Double.NaN), false);
    }

    private double evaluate(EvalRollouts eval) {
        List<EpisodeResult> eps = Rollouts.evaluate(eval.env(), policy.get().policy(), eval.episodes(), eval.seed(), eval.maxSteps());
        return eps.stream().mapToDouble(EpisodeResult::totalReturn).average().orElse(Double.NaN);
    }

    /**
     * The configuration a checkpoint must match: the hyperparameters and the mode, as read back from JSON text (a tree
     * built from the record holds a long where the file's holds an int, and the two do not compare equal).
     */
    private JsonNode configJson(String mode) {
        ObjectNode n = (ObjectNode) Json.fromString(Json.toString(config), JsonNode.class);
        n.put("mode", mode);
        return n;
    }

    private void write(Checkpointing ck, int step, String mode) {
        ObjectNode loop = Json.mapper().createObjectNode();
        loop.put("seconds", log.seconds());
        Checkpoint cp = new Checkpoint(TRAINER, step, configJson(mode), datasetHash, trainee.networks(), trainee.optimizers(), Map.of(),
                log.curve(), loop);
        try {
            cp.write(ck.file());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + ck.file() + " at step " + step, e);
        }
    }
}
