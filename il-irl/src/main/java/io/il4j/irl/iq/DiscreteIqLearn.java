package io.il4j.irl.iq;

import io.il4j.bc.ActorPolicies;
import io.il4j.bc.TrainedPolicy;
import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetSpec;
import io.il4j.core.data.Normalizer;
import io.il4j.core.env.Env;
import io.il4j.core.nn.Adam;
import io.il4j.core.nn.Mlp;
import io.il4j.core.nn.MlpWeights;
import io.il4j.core.train.Checkpoint;
import io.il4j.core.space.Discrete;
import io.il4j.core.train.LearningCurvePoint;
import io.il4j.core.train.Provenance;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * IQ-Learn for discrete actions (Garg et al., NeurIPS 2021): one soft Q-network {@code Q(s, .)} on the
 * training kernel, {@code V(s) = alpha logsumexp(Q(s,.)/alpha)}, the soft policy {@code softmax(Q/alpha)}, and
 * the objective of {@link IqObjective} minimized with Adam. The gradient flows through {@code V(s')} as well
 * (it is one objective in {@code Q}, not a TD target). Offline ({@link #trainOffline()}: expert data only)
 * or online ({@link #trainOnline}: plus the learner's own transitions). Not thread-safe.
 */
public final class DiscreteIqLearn implements IqLearner {

    private final Dataset expertData;
    private final IqLearnConfig config;
    private final Normalizer normalizer;
    private final ExpertTransitions expert;
    private final int obsDim, numActions;
    private final Mlp q;
    /** {@code V(s')}'s Q-network when {@code config.targetTau() > 0}, else null. */
    private final Mlp target;
    private final Adam adam;
    private final IqObjective objective;
    private final IqTrainingLog log = new IqTrainingLog();
    private IqRunControl control = IqRunControl.NONE;
    private final IqBatch batch;
    private int stepsTrained;
    /** Online with absorbing states only; {@code null} otherwise (a termination then ends the value). */
    private AbsorbingState absorbing;
    private double absorbingGrad;

    // network rows [s (n) ; s' (n) ; s0 (n0)]
    private float[] input = new float[0], outGrad = new float[0];
    private double[] qa = new double[0], v = new double[0], vn = new double[0], v0 = new double[0];
    /** The target network's {@code V(s')} per transition (with a target network only). */
    private double[] targetNext = new double[0];
    private float[] nextRows = new float[0];
    private double[] probs;

    public DiscreteIqLearn(Dataset expertData, IqLearnConfig config) {
        if (!(expertData.spec().actionSpace() instanceof Discrete d))
            throw new IllegalArgumentException("discrete IQ-Learn needs a discrete action space; the data's is "
                    + expertData.spec().actionSpace() + " (use the continuous variant)");
        int transitions = expertData.transitions().size();
        if (transitions < 2)
            throw new IllegalArgumentException("IQ-Learn needs at least 2 expert transitions with a next observation; the data have "
                    + transitions);
        this.expertData = expertData;
        this.config = config;
        this.obsDim = expertData.observationDim();
        this.numActions = d.n();
        this.normalizer = expertData.observationNormalizer(io.il4j.core.data.MinibatchSampler.allSteps(expertData), Normalizer.DEFAULT_STD_FLOOR);
        this.expert = new ExpertTransitions(expertData, normalizer);
        this.q = Mlp.initialize(obsDim, config.trunk(), numActions, config.seed());
        this.adam = new Adam(q, config.learningRate());
        this.target = config.targetTau() > 0 ? new Mlp(q.weights()) : null;
        this.objective = new IqObjective(config);
        this.probs = new double[numActions];
        this.batch = new IqBatch(obsDim, 1);
    }

    @Override
    public void setRunControl(IqRunControl control) {
        this.control = control;
    }

    /** Trains {@code config.steps()} gradient steps on expert batches only. */
    @Override
    public void trainOffline() {
        loop().runOffline();
    }

    private IqTrainingLoop loop() {
        return new IqTrainingLoop(config, control, log, expertData.contentHash(), expert, batch, this::update, () -> policy(Map.of()),
                new IqTrainingLoop.Trainee() {
                    @Override
                    public Map<String, MlpWeights> networks() {
                        return target == null ? Map.of(NET, q.weights()) : Map.of(NET, q.weights(), TARGET, target.weights());
                    }

                    @Override
                    public Map<String, Adam.State> optimizers() {
                        return Map.of(NET, adam.state());
                    }

                    @Override
                    public void restore(Checkpoint cp) {
                        q.setWeights(cp.network(NET));
                        if (target != null) target.setWeights(cp.network(TARGET));
                        adam.restore(cp.optimizer(NET));
                        stepsTrained = cp.step();
                    }
                });
    }

    private static final String NET = "q", TARGET = "q_target";

    /**
     * Online IQ-Learn for {@code config.steps()} environment steps in {@code env} (whose spaces must match the
     * data's): the learner samples its soft policy, and after {@code online.startSteps()} every step is followed
     * by one update on {@code batchSize} expert and {@code batchSize} replayed transitions.
     */
    @Override
    public void trainOnline(Env env, OnlineConfig online) {
        checkEnv(env);
        absorbing = online.absorbingStates() ? new AbsorbingState(config.gamma(), online.absorbingLearningRate()) : null;
        Mlp.Pass actPass = q.newPass();
        OnlineLoop.run(env, online, config, normalizer, 1, 1, (o, actRng, a, envAction) -> {
            float[] qs = q.forward(actPass, o, 1);
            SoftMax.value(qs, 0, numActions, config.temperature(), probs);
            double u = actRng.nextDouble(), acc = 0;
            int act = numActions - 1;
            for (int k = 0; k < numActions; k++) if (u < (acc += probs[k])) { act = k; break; }
            a[0] = act;
            envAction[0] = act;
        }, loop());
    }

    private void checkEnv(Env env) {
        if (!(env.spec().actionSpace() instanceof Discrete d) || d.n() != numActions)
            throw new IllegalArgumentException("environment " + env.spec().id() + " has action space " + env.spec().actionSpace()
                    + "; the expert data have Discrete(" + numActions + ")");
        if (env.spec().observationDim() != obsDim)
            throw new IllegalArgumentException("environment " + env.spec().id() + " has " + env.spec().observationDim()
                    + " observation dims; the expert data have " + obsDim);
    }

    private int initialRows() {
        return config.valueTerm() == IqLearnConfig.ValueTerm.INITIAL ? config.batchSize() : 0;
    }

    /** Network buffers for the current batch's size. */
    private void ensureRows() {
        int n = batch.size, n0 = initialRows(), rows = 2 * n + n0;
        if (input.length < rows * obsDim) {
            input = new float[rows * obsDim];
            outGrad = new float[rows * numActions];
        }
        if (qa.length < n) {
            qa = new double[n];
            v = new double[n];
            vn = new double[n];
        }
        if (v0.length < n0) v0 = new double[n0];
        if (targetNext.length < n) {
            targetNext = new double[n];
            nextRows = new float[n * obsDim];
        }
    }

    /** One gradient step on the current batch. */
    private void update(int step, SplittableRandom rng) {
        ensureRows();
        int n = batch.size, n0 = initialRows();
        System.arraycopy(batch.obs, 0, input, 0, n * obsDim);
        System.arraycopy(batch.next, 0, input, n * obsDim, n * obsDim);
        for (int j = 0; j < n0; j++) expert.sampleStart(rng, input, 2 * n + j);
        int rows = 2 * n + n0;
        targetValues(n);
        float[] out = q.forward(input, rows);
        double loss = lossAndOutputGradient(out, n, n0);
        log.checkFinite(step, loss);
        q.backward(outGrad);
        adam.step();
        if (target != null) target.blendFrom(q, config.targetTau());
        if (absorbing != null) absorbing.step(absorbingGrad);
        stepsTrained++;
        log.observe(loss, objective, absorbing == null ? Map.of() : Map.of("absorbing_reward", absorbing.reward()));
    }

    /** With a target network: its soft values of the batch's next states into {@link #targetNext}. */
    private void targetValues(int n) {
        if (target == null) return;
        System.arraycopy(batch.next, 0, nextRows, 0, n * obsDim);
        float[] t = target.forward(nextRows, n);
        for (int i = 0; i < n; i++) targetNext[i] = SoftMax.value(t, i * numActions, numActions, config.temperature(), null);
    }

    /**
     * The objective over network outputs {@code out} (rows {@code [s; s'; s0]}) and its gradient with respect to
     * them, written into {@code outGrad}. Package-private for the finite-difference test.
     */
    double lossAndOutputGradient(float[] out, int n, int n0) {
        double alpha = config.temperature();
        for (int i = 0; i < n; i++) {
            qa[i] = out[i * numActions + (int) batch.act[i]];
            v[i] = SoftMax.value(out, i * numActions, numActions, alpha, null);
            vn[i] = target != null ? targetNext[i] : SoftMax.value(out, (n + i) * numActions, numActions, alpha, null);
        }
        for (int j = 0; j < n0; j++) v0[j] = SoftMax.value(out, (2 * n + j) * numActions, numActions, alpha, null);
        boolean[] done = absorbing == null ? batch.done : absorbing.substitute(batch, n, qa, v, vn);
        double loss = objective.evaluate(n, qa, v, vn, done, batch.expert, batch.regularized, v0, n0);
        for (int i = 0; i < n; i++) {
            SoftMax.value(out, i * numActions, numActions, alpha, probs);
            for (int k = 0; k < numActions; k++)
                outGrad[i * numActions + k] = (float) (objective.dv[i] * probs[k] + (k == (int) batch.act[i] ? objective.dq[i] : 0));
            SoftMax.value(out, (n + i) * numActions, numActions, alpha, probs);
            // no gradient through a target network's V(s')
            for (int k = 0; k < numActions; k++) outGrad[(n + i) * numActions + k] = target != null ? 0f : (float) (objective.dvn[i] * probs[k]);
        }
        if (absorbing != null) {
            // the absorbing state's values come from its scalar, not from the network
            for (int i = 0; i < n; i++) {
                if (batch.absorbing[i]) java.util.Arrays.fill(outGrad, i * numActions, (i + 1) * numActions, 0f);
                if (batch.absorbing[i] || batch.done[i]) java.util.Arrays.fill(outGrad, (n + i) * numActions, (n + i + 1) * numActions, 0f);
            }
            absorbingGrad = absorbing.gradient(batch, n, objective);
        }
        for (int j = 0; j < n0; j++) {
            SoftMax.value(out, (2 * n + j) * numActions, numActions, alpha, probs);
            for (int k = 0; k < numActions; k++) outGrad[(2 * n + j) * numActions + k] = (float) (objective.dv0[j] * probs[k]);
        }
        return loss;
    }

    // ---- test access: a fixed batch -------------------------------------------------------------

    /** Fills the batch with expert transitions {@code idx} (and, for INITIAL, the given starts); returns the row count. */
    int loadBatchForTest(int[] idx, boolean[] regularized, boolean[] isExpert) {
        batch.ensure(idx.length);
        for (int k = 0; k < idx.length; k++) {
            expert.copy(idx[k], k, batch.obs, batch.next, batch.act, batch.done);
            batch.expert[k] = isExpert[k];
            batch.regularized[k] = regularized[k];
        }
        ensureRows();
        int n = idx.length, n0 = initialRows();
        System.arraycopy(batch.obs, 0, input, 0, n * obsDim);
        System.arraycopy(batch.next, 0, input, n * obsDim, n * obsDim);
        for (int j = 0; j < n0; j++) System.arraycopy(expert.starts, (j % expert.numStarts) * obsDim, input, (2 * n + j) * obsDim, obsDim);
        targetValues(n);
        return 2 * n + n0;
    }

    /** Turns absorbing states on for the loaded batch: rows flagged {@code absorbingRows} become the absorbing state's
     *  self-transition, rows flagged {@code terminalRows} end in it; the absorbing reward starts at {@code rho}. */
    void absorbingForTest(boolean[] absorbingRows, boolean[] terminalRows, double rho) {
        absorbing = new AbsorbingState(config.gamma(), OnlineConfig.DEFAULT.absorbingLearningRate());
        absorbing.setReward(rho);
        for (int k = 0; k < absorbingRows.length; k++) {
            batch.absorbing[k] = absorbingRows[k];
            batch.done[k] = terminalRows[k];
        }
    }

    AbsorbingState absorbingForTest() {
        return absorbing;
    }

    double absorbingGradientForTest() {
        return absorbingGrad;
    }

    float[] inputForTest() {
        return input;
    }

    float[] outputGradientForTest() {
        return outGrad;
    }

    // ---- results --------------------------------------------------------------------------------

    public Mlp network() {
        return q;
    }

    public Normalizer normalizer() {
        return normalizer;
    }

    public IqLearnConfig config() {
        return config;
    }

    @Override
    public List<LearningCurvePoint> learningCurve() {
        return log.curve();
    }

    public int stepsTrained() {
        return stepsTrained;
    }

    /** The greedy policy as a BC-format policy file: a categorical head whose logits are the Q-values. */
    @Override
    public TrainedPolicy policy(Map<String, Double> metrics) {
        DatasetSpec spec = expertData.spec();
        return new TrainedPolicy(ActorPolicies.greedy(q.weights(), spec, normalizer, config.seed()), provenance(metrics), log.curve());
    }

    /** The recovered reward {@code Q(s,a) - gamma V(s')}, after a termination with the absorbing state's value (0 without one). */
    @Override
    public DiscreteSoftQReward reward(Map<String, Double> metrics) {
        // V(s') from the network training took it from, so that the file's reward is the one the objective shaped
        MlpWeights qWeights = q.weights();
        return new DiscreteSoftQReward(qWeights, target == null ? qWeights : target.weights(), normalizer, config.gamma(), config.temperature(),
                absorbing == null ? 0 : absorbing.reward(), provenance(metrics));
    }

    private Provenance provenance(Map<String, Double> metrics) {
        return Provenance.of("iqlearn", expertData.contentHash(), expertData.toString(), config.seed(), stepsTrained, stepsTrained, false, metrics);
    }

    @Override
    public void close() {
        q.close();
        if (target != null) target.close();
    }
}
