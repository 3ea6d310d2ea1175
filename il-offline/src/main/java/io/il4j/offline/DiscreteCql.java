package io.il4j.offline;

import io.il4j.core.train.TrainingListener;
import io.il4j.core.train.Checkpoint;
import io.il4j.core.train.Checkpointing;
import io.il4j.core.nn.MlpWeights;
import io.il4j.bc.ActorPolicies;
import io.il4j.bc.BcPolicy;
import io.il4j.core.train.EvalRollouts;
import io.il4j.core.data.Dataset;
import io.il4j.core.nn.Activation;
import io.il4j.core.nn.Adam;
import io.il4j.core.nn.Mlp;
import io.il4j.core.nn.MlpSpec;
import io.il4j.core.runtime.Il4j;
import io.il4j.core.space.Discrete;
import io.il4j.offline.internal.OfflineData;
import io.il4j.offline.internal.CqlRecorder;

import java.util.List;
import java.util.Map;

/**
 * Conservative Q-learning for discrete actions (Kumar et al., 2020) on a double-DQN backbone, reading top
 * to bottom. Loss per minibatch:
 *
 * <pre>  mean Huber(Q(s, a) - y)  +  alpha * mean( logsumexp_a' Q(s, a') - Q(s, a) ),
 *   y = r + gamma (1 - terminated) Q_target(s', argmax_a' Q(s', a'))</pre>
 *
 * The online network picks the next action and the target network scores it (double DQN); the target
 * follows by hard copies every {@link DiscreteCqlConfig#targetUpdateInterval} steps or by Polyak
 * averaging. Time-limit truncations bootstrap; true terminals do not. The trained network is saved as a
 * categorical policy whose logits are the Q-values (argmax = greedy).
 *
 * <p>Not thread-safe; one run per instance.
 */
public final class DiscreteCql implements CqlLearner {
    private final DiscreteCqlConfig c;
    private final OfflineData d;
    private final int obsDim, numActions, batch;
    private final Mlp q, qTarget;
    private final Adam opt;
    private final Mlp.Pass dataPass, nextPass;
    private final float[] y, grad;
    private double criticLoss, tdError, gap, batchQ;

    DiscreteCql(OfflineData data, DiscreteCqlConfig config, int numActions) {
        this.c = config;
        this.d = data;
        this.obsDim = data.obsDim;
        this.numActions = numActions;
        this.batch = config.batchSize();
        MlpSpec trunk = new MlpSpec(config.hiddenSizes(), config.activation(), false);
        q = Mlp.initialize(obsDim, trunk, numActions, config.seed() + 1);
        qTarget = Mlp.initialize(obsDim, trunk, numActions, config.seed() + 1);
        qTarget.copyFrom(q);
        opt = new Adam(q, config.learningRate());
        dataPass = q.newPass();
        nextPass = q.newPass();
        y = new float[batch];
        grad = new float[batch * numActions];
    }

    /**
     * Refuses, with a message saying why, data that discrete CQL cannot train on (see the train method); for callers
     * that check before they create anything.
     *
     * @throws OfflineDatasetException when the data cannot train it
     */
    public static void checkData(Dataset data) {
        OfflineData.check(data, true);
    }

    /**
     * Trains discrete CQL on {@code data} (which needs rewards and discrete actions).
     *
     * @param eval evaluation rollouts at every interval, or null
     * @throws OfflineDatasetException when the data cannot train CQL
     * @throws CriticDivergedException when the critic diverges
     */
    public static TrainedCql train(Dataset data, DiscreteCqlConfig config, TrainingListener listener, EvalRollouts eval) {
        return train(data, config, listener, eval, null);
    }

    /**
     * As {@link #train(Dataset, DiscreteCqlConfig, TrainingListener, EvalRollouts)}, keeping checkpoints and continuing
     * {@link Checkpointing#resumeFrom()} when given (see {@link ContinuousCql#train(Dataset, CqlConfig, TrainingListener,
     * EvalRollouts, Checkpointing)}).
     *
     * @param checkpointing null for no checkpoints
     */
    public static TrainedCql train(Dataset data, DiscreteCqlConfig config, TrainingListener listener, EvalRollouts eval,
                                   Checkpointing checkpointing) {
        Il4j.configure();
        OfflineData d = OfflineData.prepare(data, true, config.normalizeObservations(), config.batchSize(), config.seed(), config.gamma(),
                config.rewardScale());
        DiscreteCql cql = new DiscreteCql(d, config, ((Discrete) data.spec().actionSpace()).n());
        return OfflineLoop.train(cql, d, config, config.seed(), config.steps(), config.evalInterval(), listener, eval, checkpointing);
    }

    /** For throughput measurements ({@code il bench cql}): each call draws a minibatch and takes one full update. */
    public static Runnable benchmarkStep(Dataset data, DiscreteCqlConfig config) {
        Il4j.configure();
        OfflineData d = OfflineData.prepare(data, true, config.normalizeObservations(), config.batchSize(), config.seed(), config.gamma(),
                config.rewardScale());
        DiscreteCql cql = new DiscreteCql(d, config, ((Discrete) data.spec().actionSpace()).n());
        int[] step = {0};
        return () -> {
            d.next();
            cql.update(++step[0]);
        };
    }

    /** One gradient step on the current minibatch. */
    @Override
    public void update(int step) {
        computeTargets();
        criticLoss = loss(true);
        opt.step();
        if (c.targetUpdateInterval() > 0) {
            if (step % c.targetUpdateInterval() == 0) qTarget.copyFrom(q);
        } else {
            qTarget.blendFrom(q, c.tau());
        }
    }

    @Override
    public String algorithm() {
        return ALGORITHM;
    }

    static final String ALGORITHM = "discrete-cql";

    @Override
    public void record(CqlRecorder recorder, int step) {
        recorder.step(step, criticLoss, tdError, gap, c.alpha(), Double.NaN, Double.NaN, batchQ);
    }

    @Override
    public List<MlpWeights> critics() {
        return List.of(q.weights());
    }

    @Override
    public void save(Map<String, MlpWeights> networks, Map<String, Adam.State> optimizers, Map<String, Double> scalars) {
        networks.put("q", q.weights());
        networks.put("q_target", qTarget.weights());
        optimizers.put("q", opt.state());
    }

    @Override
    public void restore(Checkpoint cp, Map<String, Double> scalars) {
        q.setWeights(cp.network("q"));
        qTarget.setWeights(cp.network("q_target"));
        opt.restore(cp.optimizer("q"));
    }

    /** Double-DQN targets of the minibatch: the online network chooses a', the target network scores it. */
    void computeTargets() {
        float[] online = q.forward(nextPass, d.next, batch);
        float[] target = qTarget.forward(d.next, batch);
        for (int b = 0; b < batch; b++) {
            int best = 0;
            for (int a = 1; a < numActions; a++) if (online[b * numActions + a] > online[b * numActions + best]) best = a;
            y[b] = (float) (d.rew[b] + c.gamma() * (1 - d.done[b]) * target[b * numActions + best]);
        }
    }

    /**
     * The loss on the minibatch with the targets of {@link #computeTargets}: mean Huber TD error plus alpha
     * times the mean of {@code logsumexp_a Q(s, a) - Q(s, a_data)}. With {@code backward}, its gradient
     * overwrites the network's weight gradients.
     */
    double loss(boolean backward) {
        float[] qs = q.forward(dataPass, d.obs, batch);
        double alpha = c.alpha(), delta = c.huberDelta(), loss = 0, tdAbs = 0, gapSum = 0, qSum = 0;
        for (int b = 0; b < batch; b++) {
            int off = b * numActions, a = (int) d.act[b];
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < numActions; k++) max = Math.max(max, qs[off + k]);
            double sum = 0;
            for (int k = 0; k < numActions; k++) sum += Math.exp(qs[off + k] - max);
            double lse = max + Math.log(sum);
            double e = qs[off + a] - y[b], ae = Math.abs(e);
            loss += (ae <= delta ? 0.5 * e * e : delta * (ae - 0.5 * delta)) / batch + alpha * (lse - qs[off + a]) / batch;
            tdAbs += ae / batch;
            gapSum += (lse - qs[off + a]) / batch;
            qSum += qs[off + a] / batch;
            for (int k = 0; k < numActions; k++) grad[off + k] = (float) (alpha * Math.exp(qs[off + k] - lse) / batch);
            grad[off + a] += (float) ((Math.max(-delta, Math.min(delta, e)) - alpha) / batch);
        }
        tdError = tdAbs;
        gap = gapSum;
        batchQ = qSum;
        if (backward) q.backward(dataPass, grad, false, true, null);
        return loss;
    }

    /** Mean Q at the data actions of the diagnostic states. */
    @Override
    public double averageDataQ() {
        float[] qs = q.forward(d.diagObs, d.diagRows);
        double s = 0;
        for (int r = 0; r < d.diagRows; r++) s += qs[r * numActions + (int) d.diagAct[r]];
        return s / d.diagRows;
    }

    /** The greedy policy of the current network. */
    @Override
    public BcPolicy policy() {
        return ActorPolicies.greedy(q.weights(), d.data.spec(), d.obsNorm, c.seed());
    }

    Mlp network() {
        return q;
    }

    OfflineData data() {
        return d;
    }
}
