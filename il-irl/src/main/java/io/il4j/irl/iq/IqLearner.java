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

    /** {@code config.steps()} updates on expert transitions alone. */
    void trainOffline();

    /** Expert transitions plus a replay of the learner's own rollouts in {@code env} (see {@link OnlineLoop}). */
    void trainOnline(Env env, OnlineConfig online);

    /** The trained policy as a BC-format policy file, with {@code metrics} in its provenance. */
    TrainedPolicy policy(Map<String, Double> metrics);

    /** The recovered reward, with {@code metrics} in its provenance. */
    RewardFunction reward(Map<String, Double> metrics);

    List<LearningCurvePoint> learningCurve();

    @Override
    void close();
}
