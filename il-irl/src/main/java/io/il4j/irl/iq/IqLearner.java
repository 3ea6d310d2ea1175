package io.il4j.irl.iq;

import io.il4j.bc.TrainedPolicy;
import io.il4j.core.env.Env;
import io.il4j.core.train.LearningCurvePoint;

import java.util.List;
import java.util.Map;

/**
 * What both IQ-Learn variants offer a caller ({@link DiscreteIqLearn}, {@link ContinuousIqLearn}): train offline
 * or online, then the imitating policy, the recovered reward and the learning curve. Not thread-safe.
 */
public interface IqLearner extends AutoCloseable {

    /** Listener, evaluation rollouts and checkpoints of the next training call (default {@link IqRunControl#NONE}). */
    void setRunControl(IqRunControl control);

    /**
     * {@code config.steps()} updates on expert transitions alone; with checkpointing, continues its checkpoint if it
     * names one and throws {@link io.il4j.core.train.TrainingInterruptedException} after writing one on a stop request.
     */
    void trainOffline();

    /**
     * Expert transitions plus a replay of the learner's own rollouts in {@code env} (see {@link OnlineLoop}). Keeps no
     * checkpoints and refuses to resume one (the environment's mid-episode state and the replay buffer are not saved).
     */
    void trainOnline(Env env, OnlineConfig online);

    /** The trained policy as a BC-format policy file, with {@code metrics} in its provenance. */
    TrainedPolicy policy(Map<String, Double> metrics);

    /** The recovered reward, with {@code metrics} in its provenance. */
    RewardFunction reward(Map<String, Double> metrics);

    List<LearningCurvePoint> learningCurve();

    @Override
    void close();
}
