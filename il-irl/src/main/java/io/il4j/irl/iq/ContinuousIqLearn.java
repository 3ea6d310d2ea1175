package io.il4j.irl.iq;

import io.il4j.bc.ActorPolicies;
import io.il4j.bc.BcNormalizers;
import io.il4j.bc.TrainedPolicy;
import io.il4j.core.data.Dataset;
import io.il4j.core.data.MinibatchSampler;
import io.il4j.core.data.Normalizer;
import io.il4j.core.env.Env;
import io.il4j.core.nn.Adam;
import io.il4j.core.nn.Mlp;
import io.il4j.core.nn.MlpWeights;
import io.il4j.core.train.Checkpoint;
import io.il4j.core.rl.SquashedGaussianActor;
import io.il4j.core.rl.TanhGaussian;
import io.il4j.core.space.Box;
import io.il4j.core.train.LearningCurvePoint;
import io.il4j.core.train.Provenance;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * IQ-Learn for continuous (Box) actions: a soft critic {@code Q(s, a)} (one {@link Mlp} on normalized
 * observations and actions mapped to {@code [-1, 1]}) and SAC's tanh-Gaussian actor
 * ({@link SquashedGaussianActor}). The soft value is {@code V(s) = E_{a~pi}[Q(s,a) - alpha log pi(a|s)]}, estimated
 * with one reparameterized sample per state. Each step: the critic minimizes the objective of {@link IqObjective}
 * (gradient through {@code V(s)} and {@code V(s')} via the sampled actions' Q), then the actor maximizes
 * {@code E_s[Q(s, a~pi) - alpha log pi(a|s)]} over the batch's states, its gradient flowing through the critic's
 * input gradient. Offline or online, as {@link DiscreteIqLearn}. Not thread-safe.
 */
public final class ContinuousIqLearn implements IqLearner {

    private final Dataset expertData;
    private final IqLearnConfig config;
    private final Normalizer obsNorm, actNorm;
    private final ExpertTransitions expert;
    private final int obsDim, actDim;
    private final Mlp critic;
    /** {@code V(s')}'s critic when {@code config.targetTau() > 0}, else null. */
    private final Mlp targetCritic;
    private final SquashedGaussianActor actor;
    private final Adam criticAdam, actorAdam;
    private final IqObjective objective;
    private final IqTrainingLog log = new IqTrainingLog();
    private IqRunControl control = IqRunControl.NONE;
    private final IqBatch batch;
    private final Mlp.Pass criticPass, actorCriticPass;
    private final SquashedGaussianActor.Sample targetSample, actorSample;
    private int stepsTrained;
    /** Online with absorbing states only; {@code null} otherwise (a termination then ends the value). */
    private AbsorbingState absorbing;

    private float[] states = new float[0], sampled = new float[0],
            logp = new float[0], criticIn = new float[0], criticGrad = new float[0], inGrad = new float[0], actGrad = new float[0],
            logpGrad = new float[0];
    private double[] q = new double[0], v = new double[0], vn = new double[0], v0 = new double[0];

    public ContinuousIqLearn(Dataset expertData, IqLearnConfig config) {
        if (!(expertData.spec().actionSpace() instanceof Box box))
            throw new IllegalArgumentException("continuous IQ-Learn needs a Box action space; the data's is "
                    + expertData.spec().actionSpace() + " (use the discrete variant)");
        int transitions = expertData.transitions().size();
        if (transitions < 2)
            throw new IllegalArgumentException("IQ-Learn needs at least 2 expert transitions with a next observation; the data have " + transitions);
        this.expertData = expertData;
        this.config = config;
        this.obsDim = expertData.observationDim();
        this.actDim = box.dim();
        this.obsNorm = expertData.observationNormalizer(MinibatchSampler.allSteps(expertData), Normalizer.DEFAULT_STD_FLOOR);
        if (!box.bounded())
            throw new IllegalArgumentException("continuous IQ-Learn needs finite action bounds (its actor is tanh-squashed); the data's action space is "
                    + box + " (CSV files carry none: load them with CsvOptions.actionBounds)");
        this.actNorm = BcNormalizers.unitBox(box);
        this.expert = new ExpertTransitions(expertData, obsNorm);
        // expert actions into [-1, 1], clipped inside tanh's range
        float[] a = new float[actDim];
        for (int i = 0; i < expert.size; i++) {
            System.arraycopy(expert.actions, i * actDim, a, 0, actDim);
            actNorm.normalize(a, 0, expert.actions, i * actDim);
            for (int j = 0; j < actDim; j++) {
                float x = expert.actions[i * actDim + j];
                expert.actions[i * actDim + j] = (float) Math.max(-TanhGaussian.ACTION_LIMIT, Math.min(TanhGaussian.ACTION_LIMIT, x));
            }
        }
        this.critic = Mlp.initialize(obsDim + actDim, config.trunk(), 1, config.seed());
        this.targetCritic = config.targetTau() > 0 ? new Mlp(critic.weights()) : null;
        this.actor = SquashedGaussianActor.initialize(obsDim, config.trunk(), TanhGaussian.withDefaultRange(actDim), config.seed() + 1);
        this.criticAdam = new Adam(critic, config.learningRate());
        this.actorAdam = new Adam(actor.network(), config.actorLearningRate());
        this.objective = new IqObjective(config);
        this.criticPass = critic.newPass();
        this.actorCriticPass = critic.newPass();
        this.targetSample = actor.newSample();
        this.actorSample = actor.newSample();
        this.batch = new IqBatch(obsDim, actDim);
    }

    @Override
    public void setRunControl(IqRunControl control) {
        this.control = control;
    }

    @Override
    public void trainOffline() {
        loop().runOffline();
    }

    private static final String CRITIC = "critic", ACTOR = "actor", TARGET = "critic_target";

    private IqTrainingLoop loop() {
        return new IqTrainingLoop(config, control, log, expertData.contentHash(), expert, batch, this::update, () -> policy(Map.of()),
                new IqTrainingLoop.Trainee() {
                    @Override
                    public Map<String, MlpWeights> networks() {
                        return targetCritic == null ? Map.of(CRITIC, critic.weights(), ACTOR, actor.network().weights())
                                : Map.of(CRITIC, critic.weights(), ACTOR, actor.network().weights(), TARGET, targetCritic.weights());
                    }

                    @Override
                    public Map<String, Adam.State> optimizers() {
                        return Map.of(CRITIC, criticAdam.state(), ACTOR, actorAdam.state());
                    }

                    @Override
                    public void restore(Checkpoint cp) {
                        critic.setWeights(cp.network(CRITIC));
                        if (targetCritic != null) targetCritic.setWeights(cp.network(TARGET));
                        actor.network().setWeights(cp.network(ACTOR));
                        criticAdam.restore(cp.optimizer(CRITIC));
                        actorAdam.restore(cp.optimizer(ACTOR));
                        stepsTrained = cp.step();
                    }
                });
    }

    /** Online training for {@code config.steps()} environment steps, acting with sampled actions of the actor. */
    @Override
    public void trainOnline(Env env, OnlineConfig online) {
        if (!(env.spec().actionSpace() instanceof Box box) || box.dim() != actDim)
            throw new IllegalArgumentException("environment " + env.spec().id() + " has action space " + env.spec().actionSpace()
                    + "; the expert data have a Box of " + actDim + " dims");
        if (env.spec().observationDim() != obsDim)
            throw new IllegalArgumentException("environment " + env.spec().id() + " has " + env.spec().observationDim()
                    + " observation dims; the expert data have " + obsDim);
        absorbing = online.absorbingStates() ? new AbsorbingState(config.gamma(), online.absorbingLearningRate()) : null;
        SquashedGaussianActor.Sample s1 = actor.newSample();
        OnlineLoop.run(env, online, config, obsNorm, actDim, actDim, (o, actRng, a, envAction) -> {
            actor.sample(s1, o, 1, actRng, a, null);
            for (int j = 0; j < actDim; j++) envAction[j] = actNorm.denormalize(j, a[j]);
        }, loop());
    }

    private int initialRows() {
        return config.valueTerm() == IqLearnConfig.ValueTerm.INITIAL ? config.batchSize() : 0;
    }

    /** Network buffers for the current batch's size. */
    private void ensureRows() {
        int n = batch.size, n0 = initialRows();
        int stateRows = 2 * n + n0, criticRows = 3 * n + n0, w = obsDim + actDim;
        if (criticGrad.length < criticRows) {
            states = new float[stateRows * obsDim];
            sampled = new float[stateRows * actDim];
            logp = new float[stateRows];
            criticIn = new float[criticRows * w];
            criticGrad = new float[criticRows];
            inGrad = new float[n * w];
            actGrad = new float[n * actDim];
            logpGrad = new float[n];
            q = new double[n];
            v = new double[n];
            vn = new double[n];
            v0 = new double[Math.max(1, n0)];
        }
    }

    private void update(int step, SplittableRandom rng) {
        ensureRows();
        int n = batch.size, n0 = initialRows(), w = obsDim + actDim;
        float[] bObs = batch.obs, bNext = batch.next, bAct = batch.act;
        double alpha = config.temperature();
        // States whose soft value is needed: [s ; s' ; s0], one action sample each.
        System.arraycopy(bObs, 0, states, 0, n * obsDim);
        System.arraycopy(bNext, 0, states, n * obsDim, n * obsDim);
        for (int j = 0; j < n0; j++) expert.sampleStart(rng, states, 2 * n + j);
        int stateRows = 2 * n + n0;
        actor.sample(targetSample, states, stateRows, rng, sampled, logp);
        // Critic rows: [(s, a_data) ; (s, a~pi) ; (s', a'~pi) ; (s0, a0~pi)].
        for (int i = 0; i < n; i++) row(criticIn, i, bObs, i, bAct, i);
        for (int i = 0; i < stateRows; i++) row(criticIn, n + i, states, i, sampled, i);
        int criticRows = n + stateRows;
        float[] out = critic.forward(criticPass, criticIn, criticRows);
        for (int i = 0; i < n; i++) {
            q[i] = out[i];
            v[i] = out[n + i] - alpha * logp[i];
            vn[i] = out[2 * n + i] - alpha * logp[n + i];
        }
        for (int j = 0; j < n0; j++) v0[j] = out[3 * n + j] - alpha * logp[2 * n + j];
        if (targetCritic != null) {
            // V(s') from the target critic on the same sampled actions
            float[] t = targetCritic.forward(criticIn, criticRows);
            for (int i = 0; i < n; i++) vn[i] = t[2 * n + i] - alpha * logp[n + i];
        }
        boolean[] done = absorbing == null ? batch.done : absorbing.substitute(batch, n, q, v, vn);
        double loss = objective.evaluate(n, q, v, vn, done, batch.expert, batch.regularized, v0, n0);
        log.checkFinite(step, loss);
        for (int i = 0; i < n; i++) {
            criticGrad[i] = (float) objective.dq[i];
            criticGrad[n + i] = (float) objective.dv[i];
            criticGrad[2 * n + i] = (float) objective.dvn[i];
        }
        for (int j = 0; j < n0; j++) criticGrad[3 * n + j] = (float) objective.dv0[j];
        if (absorbing != null) {
            // the absorbing state's values come from its scalar, not from the critic
            for (int i = 0; i < n; i++) {
                if (batch.absorbing[i]) criticGrad[i] = criticGrad[n + i] = 0;
                if (batch.absorbing[i] || batch.done[i]) criticGrad[2 * n + i] = 0;
            }
        }
        if (targetCritic != null) java.util.Arrays.fill(criticGrad, 2 * n, 3 * n, 0f); // no gradient through the target's V(s')
        critic.backward(criticPass, criticGrad, false, true, null);
        criticAdam.step();
        if (targetCritic != null) targetCritic.blendFrom(critic, config.targetTau());
        if (absorbing != null) absorbing.step(absorbing.gradient(batch, n, objective));

        // Actor: minimize mean(alpha log pi(a|s) - Q(s, a)), a ~ pi(.|s), over the batch's states.
        actor.sample(actorSample, bObs, n, rng, sampled, logp);
        for (int i = 0; i < n; i++) row(criticIn, i, bObs, i, sampled, i);
        float[] qa = critic.forward(actorCriticPass, criticIn, n);
        double actorLoss = 0;
        for (int i = 0; i < n; i++) {
            boolean real = !batch.absorbing[i]; // the absorbing state has no actions to learn
            if (real) actorLoss += (alpha * logp[i] - qa[i]) / n;
            criticGrad[i] = real ? (float) (-1.0 / n) : 0f;
            logpGrad[i] = real ? (float) (alpha / n) : 0f;
        }
        critic.backward(actorCriticPass, criticGrad, false, false, inGrad);
        for (int i = 0; i < n; i++) System.arraycopy(inGrad, i * w + obsDim, actGrad, i * actDim, actDim);
        actor.backward(actorSample, actGrad, logpGrad, false);
        actorAdam.step();
        stepsTrained++;
        Map<String, Double> diagnostics = new java.util.LinkedHashMap<>(); // a fixed column order in metrics.csv
        diagnostics.put("actor_loss", actorLoss);
        if (absorbing != null) diagnostics.put("absorbing_reward", absorbing.reward());
        log.observe(loss, objective, diagnostics);
    }

    /** Writes critic input row {@code r} = (observation row {@code i} of {@code obs}, action row {@code j} of {@code act}). */
    private void row(float[] dst, int r, float[] obs, int i, float[] act, int j) {
        int w = obsDim + actDim;
        System.arraycopy(obs, i * obsDim, dst, r * w, obsDim);
        System.arraycopy(act, j * actDim, dst, r * w + obsDim, actDim);
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

    /** The actor as a BC-format policy file (tanh-Gaussian head: acts with tanh(mean) mapped to the box). */
    @Override
    public TrainedPolicy policy(Map<String, Double> metrics) {
        return new TrainedPolicy(ActorPolicies.squashedGaussian(actor.network().weights(), actor.distribution(), expertData.spec(), obsNorm,
                config.seed()), provenance(metrics), log.curve());
    }

    /**
     * The recovered reward {@code Q(s,a) - gamma V(s')}, {@code V} estimated with the actor's samples on the critic the
     * objective took {@code V(s')} from (the target critic when there is one); after a termination the absorbing state's
     * value (0 without one).
     */
    @Override
    public ContinuousSoftQReward reward(Map<String, Double> metrics) {
        MlpWeights q = critic.weights();
        return new ContinuousSoftQReward(q, targetCritic == null ? q : targetCritic.weights(), actor.network().weights(), actor.distribution(), obsNorm, actNorm,
                config.gamma(), config.temperature(), absorbing == null ? 0 : absorbing.reward(), ContinuousSoftQReward.DEFAULT_SAMPLES,
                provenance(metrics));
    }

    private Provenance provenance(Map<String, Double> metrics) {
        return Provenance.of("iqlearn", expertData.contentHash(), expertData.toString(), config.seed(), stepsTrained, stepsTrained, false, metrics);
    }

    @Override
    public void close() {
        critic.close();
        actor.close();
        if (targetCritic != null) targetCritic.close();
    }
}
