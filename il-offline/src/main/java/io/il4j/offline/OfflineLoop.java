package io.il4j.offline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.il4j.core.nn.Adam;
import io.il4j.core.nn.MlpWeights;
import io.il4j.core.report.Json;
import io.il4j.core.train.Checkpoint;
import io.il4j.core.train.Checkpointing;
import io.il4j.core.train.EvalRollouts;
import io.il4j.core.train.TrainingInterruptedException;
import io.il4j.core.train.TrainingListener;
import io.il4j.offline.internal.CqlRecorder;
import io.il4j.offline.internal.OfflineData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The training loop both CQL variants share: minibatch, update, statistics, a check (diagnostics, evaluation) every
 * {@code evalInterval} steps and at the end, and checkpoints ({@link Checkpointing}: every N steps and when the stop
 * signal is raised, which then ends the run with {@link TrainingInterruptedException}). A run continued from a
 * checkpoint restores the learner, the sampler's position and the recorder's partial sums, and ends with exactly the
 * state of an uninterrupted run.
 */
final class OfflineLoop {
    static final String SAMPLER = "train";

    /** The loop's own state in a checkpoint: the learner's free scalars and the recorder's interval sums. */
    record Loop(Map<String, Double> scalars, CqlRecorder.State recorder) {
    }

    private OfflineLoop() {
    }

    /**
     * Trains {@code learner} for {@code steps} steps.
     *
     * @param config        the learner's configuration (its JSON must match a resumed checkpoint's)
     * @param checkpointing checkpoints and resume, or null for none
     */
    static TrainedCql train(CqlLearner learner, OfflineData d, Object config, long seed, int steps, int evalInterval,
                            TrainingListener listener, EvalRollouts eval, Checkpointing checkpointing) {
        CqlRecorder rec = new CqlRecorder(d, eval, listener);
        int step = 0;
        if (checkpointing != null && checkpointing.resumeFrom() != null) {
            Checkpoint r = checkpointing.resumeFrom();
            r.requireSameRun(learner.algorithm(), configJson(config), d.data.contentHash());
            Loop loop = Json.mapper().convertValue(r.loop(), new TypeReference<Loop>() {
            });
            learner.restore(r, loop.scalars());
            d.restore(r.sampler(SAMPLER));
            rec.restore(r.curve(), loop.recorder());
            step = r.step();
        }
        listener.onStart(steps, d.data.transitions().size(), 0);
        try {
            while (step < steps) {
                step++;
                d.next();
                learner.update(step);
                learner.record(rec, step);
                if (step % evalInterval == 0 || step == steps) rec.checkpoint(step, learner.averageDataQ(), learner.policy());
                if (checkpointing != null && (checkpointing.due(step) || checkpointing.stop().requested())) {
                    write(checkpointing, learner, d, config, step, rec);
                    if (checkpointing.stop().requested()) throw new TrainingInterruptedException(step, checkpointing.file());
                }
            }
        } catch (RuntimeException e) {
            listener.onFinish();
            throw e;
        }
        TrainedCql result = new TrainedCql(learner.algorithm(), learner.policy(), learner.critics(), config,
                rec.provenance(learner.algorithm(), seed, steps), rec.curve());
        listener.onFinish();
        return result;
    }

    /** The configuration as a checkpoint file holds it (through text, so that numbers compare as they are read back). */
    private static JsonNode configJson(Object config) {
        return Json.fromString(Json.toString(config), JsonNode.class);
    }

    private static void write(Checkpointing ck, CqlLearner learner, OfflineData d, Object config, int step, CqlRecorder rec) {
        Map<String, MlpWeights> networks = new LinkedHashMap<>();
        Map<String, Adam.State> optimizers = new LinkedHashMap<>();
        Map<String, Double> scalars = new LinkedHashMap<>();
        learner.save(networks, optimizers, scalars);
        Checkpoint cp = new Checkpoint(learner.algorithm(), step, configJson(config), d.data.contentHash(), networks, optimizers,
                Map.of(SAMPLER, d.samplerState()), rec.curve(), Json.toTree(new Loop(scalars, rec.state())));
        try {
            cp.write(ck.file());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + ck.file() + " at step " + step, e);
        }
    }
}
