package io.il4j.irl.iq;

import io.il4j.core.data.Dataset;
import io.il4j.core.nn.Activation;
import io.il4j.core.train.Checkpoint;
import io.il4j.core.train.Checkpointing;
import io.il4j.core.train.LearningCurvePoint;
import io.il4j.core.train.StopSignal;
import io.il4j.core.train.TrainingInterruptedException;
import io.il4j.core.train.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.*;

/** A run stopped at a fixed step and resumed from its checkpoint ends bit-identical to an uninterrupted one (offline, both variants). */
class IqResumeTest {

    private static final int STEPS = 300, STOP_AT = 130;

    /** {@code targetTau > 0}: the target network is checkpointed too. */
    private static IqLearnConfig config(long seed, double targetTau) {
        return new IqLearnConfig(List.of(16, 16), Activation.RELU, STEPS, 32, 1e-3, 1e-3, 0.99, 0.05, IqLearnConfig.ValueTerm.VALUE, 0.5, seed,
                targetTau);
    }

    /** Policy and reward files' bytes of a learner after training, and its curve. */
    private record Result(byte[] policy, byte[] reward, List<LearningCurvePoint> curve) {
    }

    private static Result files(IqLearner iq, Path dir, String tag) throws Exception {
        Path p = dir.resolve(tag + "-policy.zip"), r = dir.resolve(tag + "-reward.zip");
        iq.policy(Map.of()).save(p);
        iq.reward(Map.of()).save(r);
        return new Result(networkBytes(p), networkBytes(r), iq.learningCurve());
    }

    /** The zip's entries other than the manifest (which carries the creation time). */
    private static byte[] networkBytes(Path zip) throws Exception {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            for (var e : java.util.Collections.list(z.entries())) {
                if (!e.getName().endsWith(".bin")) continue;
                all.write(e.getName().getBytes());
                all.write(z.getInputStream(e).readAllBytes());
            }
        }
        assertTrue(all.size() > 1000, "the files hold networks");
        return all.toByteArray();
    }

    private static void stopResumeMatchesUninterrupted(Dataset data, IqLearnConfig config, BiFunction<Dataset, IqLearnConfig, IqLearner> make,
                                                       Path dir) throws Exception {
        Result whole;
        try (IqLearner iq = make.apply(data, config)) {
            iq.trainOffline();
            whole = files(iq, dir, "whole");
        }
        Path ck = dir.resolve("checkpoint.zip");
        StopSignal stop = StopSignal.manual();
        TrainingListener stopAt = new TrainingListener() {
            @Override
            public void onStep(int step, double loss) {
                if (step == STOP_AT) stop.request();
            }
        };
        try (IqLearner iq = make.apply(data, config)) {
            iq.setRunControl(new IqRunControl(stopAt, new Checkpointing(ck, 50, stop, null), null, 1000));
            TrainingInterruptedException e = assertThrows(TrainingInterruptedException.class, iq::trainOffline);
            assertEquals(STOP_AT, e.step());
        }
        Checkpoint saved = Checkpoint.read(ck);
        assertEquals(STOP_AT, saved.step());
        Result resumed;
        try (IqLearner iq = make.apply(data, config)) {
            iq.setRunControl(new IqRunControl(TrainingListener.NONE, new Checkpointing(ck, 0, null, saved), null, 1000));
            iq.trainOffline();
            resumed = files(iq, dir, "resumed");
        }
        assertArrayEquals(whole.policy(), resumed.policy(), "policy after a stop at step " + STOP_AT + " and resume");
        assertArrayEquals(whole.reward(), resumed.reward(), "reward after a stop at step " + STOP_AT + " and resume");
        assertEquals(whole.curve().stream().map(LearningCurvePoint::trainLoss).toList(),
                resumed.curve().stream().map(LearningCurvePoint::trainLoss).toList(), "the resumed curve continues the stopped one");

        // another configuration or other data is refused, naming what differs
        try (IqLearner iq = make.apply(data, config.withSeed(config.seed() + 1))) {
            iq.setRunControl(new IqRunControl(TrainingListener.NONE, new Checkpointing(ck, 0, null, saved), null, 1000));
            var e = assertThrows(IllegalArgumentException.class, iq::trainOffline);
            assertTrue(e.getMessage().contains("seed"), e.getMessage());
        }
    }

    @Test
    void discreteOfflineResumesBitIdentically(@TempDir Path dir) throws Exception {
        stopResumeMatchesUninterrupted(DiscreteIqLearnTest.cartpole(3), config(1, 0), DiscreteIqLearn::new, dir);
    }

    @Test
    void discreteOfflineWithATargetNetworkResumesBitIdentically(@TempDir Path dir) throws Exception {
        stopResumeMatchesUninterrupted(DiscreteIqLearnTest.cartpole(3), config(4, 0.01), DiscreteIqLearn::new, dir);
    }

    @Test
    void continuousOfflineResumesBitIdentically(@TempDir Path dir) throws Exception {
        stopResumeMatchesUninterrupted(ContinuousIqLearnTest.pendulum(2, true), config(2, 0), ContinuousIqLearn::new, dir);
    }

    @Test
    void continuousOfflineWithATargetNetworkResumesBitIdentically(@TempDir Path dir) throws Exception {
        stopResumeMatchesUninterrupted(ContinuousIqLearnTest.pendulum(2, true), config(3, 0.01), ContinuousIqLearn::new, dir);
    }
}
