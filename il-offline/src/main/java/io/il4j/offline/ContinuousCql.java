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
import io.il4j.core.nn.ParameterVector;
import io.il4j.core.rl.SquashedGaussianActor;
import io.il4j.core.rl.TanhGaussian;
import io.il4j.core.runtime.Il4j;
import io.il4j.offline.internal.OfflineData;
import io.il4j.offline.internal.CqlRecorder;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Conservative Q-learning for continuous actions (Kumar et al., 2020, CQL(H)) on a SAC backbone, reading
 * top to bottom: twin critics with Polyak-averaged targets, a tanh-squashed Gaussian actor
 * ({@link SquashedGaussianActor}) with automatic entropy temperature, and the conservative penalty
 *
 * <pre>  alpha * ( mean_s logsumexp_j [ Q(s, a_j) - log mu(a_j) ]  -  mean_(s,a) in data Q(s, a) )</pre>
 *
 * over 3N actions per state: N uniform over the action box (density 2^-D in the normalized space), N from
 * the policy at s and N from the policy at s' (both scored at s, weighted by their own log-densities: the
 * importance-sampled estimate of the logsumexp). alpha is fixed ({@link CqlConfig#cqlAlpha}) or a Lagrange
 * multiplier that drives the gap toward {@link CqlConfig#targetActionGap}.
 *
 * <p>Actions live in the normalized box {@code [-1, 1]^D} (the policy file's action normalizer maps them
 * back). TD targets bootstrap through time limits and not through true terminals. Each step: critics, then
 * temperature and actor (against the updated critics), then the targets.
 *
 * <p>Not thread-safe; one run per instance. The networks train on the shared kernel ({@link Mlp}, {@link Adam}).
 */
public final class ContinuousCql implements CqlLearner {
    private final CqlConfig c;
    private final OfflineData d;
    private final int obsDim, actDim, batch, samples, inDim;
    private final Mlp q1, q2, q1Target, q2Target;
    private final SquashedGaussianActor actor;
    private final Adam q1Opt, q2Opt, actorOpt, temperatureOpt, alphaOpt;
    private final ParameterVector logTemperature, logAlpha;
    private final long seed;
    /** This step's generator: derived from (seed, step), so a resumed run draws what an uninterrupted one does. */
    private SplittableRandom rng;
    private final double logUniformDensity, targetEntropy;

    // passes: the critics at the data actions, at the 3N sampled actions, at the actor's actions
    private final Mlp.Pass[] dataPass, oodPass, actorPass;
    private final SquashedGaussianActor.Sample nextSample, curSample, nextRepSample, piSample, bcSample;
    // buffers (allocated once)
    private final float[] dataIn, targetIn, oodIn;
    private final float[] aNext, lpNext, aCur, lpCur, aNextRep, lpNextRep, logDensity, y;
    private final float[] qData, gData, gOod, piIn, aPi, lpPi, g1, g2, inGrad1, inGrad2, actionGrad, lpGrad;

    /** Statistics of the last {@link #update}. */
    private double criticLoss, tdError, gap, actorLoss, batchQ;

    ContinuousCql(OfflineData data, CqlConfig config) {
        this.c = config;
        this.d = data;
        obsDim = data.obsDim;
        actDim = data.actDim;
        batch = config.batchSize();
        samples = config.sampledActions();
        inDim = obsDim + actDim;
        long seed = config.seed();
        MlpSpec criticTrunk = new MlpSpec(config.criticHiddenSizes(), config.activation(), false);
        q1 = Mlp.initialize(inDim, criticTrunk, 1, seed + 1);
        q2 = Mlp.initialize(inDim, criticTrunk, 1, seed + 2);
        q1Target = Mlp.initialize(inDim, criticTrunk, 1, seed + 1);
        q2Target = Mlp.initialize(inDim, criticTrunk, 1, seed + 2);
        q1Target.copyFrom(q1);
        q2Target.copyFrom(q2);
        actor = SquashedGaussianActor.initialize(obsDim, new MlpSpec(config.actorHiddenSizes(), config.activation(), false),
                new TanhGaussian(actDim, config.logStdMin(), config.logStdMax()), seed + 3);
        q1Opt = new Adam(q1, config.criticLearningRate());
        q2Opt = new Adam(q2, config.criticLearningRate());
        actorOpt = new Adam(actor.network(), config.actorLearningRate());
        logTemperature = new ParameterVector((float) Math.log(config.initialTemperature()));
        temperatureOpt = new Adam(logTemperature, config.temperatureLearningRate());
        logAlpha = new ParameterVector((float) Math.log(config.initialAlpha()));
        alphaOpt = new Adam(logAlpha, config.alphaLearningRate());
        this.seed = seed;
        rng = stepRandom(seed, 0);
        logUniformDensity = -actDim * Math.log(2);
        targetEntropy = config.targetEntropyFor(actDim);

        dataPass = new Mlp.Pass[]{q1.newPass(), q2.newPass()};
        oodPass = new Mlp.Pass[]{q1.newPass(), q2.newPass()};
        actorPass = new Mlp.Pass[]{q1.newPass(), q2.newPass()};
        nextSample = actor.newSample();
        curSample = actor.newSample();
        nextRepSample = actor.newSample();
        piSample = actor.newSample();
        bcSample = actor.newSample();
        int bn = batch * samples;
        dataIn = new float[batch * inDim];
        targetIn = new float[batch * inDim];
        oodIn = new float[3 * bn * inDim];
        aNext = new float[batch * actDim];
        lpNext = new float[batch];
        aCur = new float[bn * actDim];
        lpCur = new float[bn];
        aNextRep = new float[bn * actDim];
        lpNextRep = new float[bn];
        logDensity = new float[3 * bn];
        y = new float[batch];
        qData = new float[batch];
        gData = new float[batch];
        gOod = new float[3 * bn];
        piIn = new float[batch * inDim];
        aPi = new float[batch * actDim];
        lpPi = new float[batch];
        g1 = new float[batch];
        g2 = new float[batch];
        inGrad1 = new float[batch * inDim];
        inGrad2 = new float[batch * inDim];
        actionGrad = new float[batch * actDim];
        lpGrad = new float[batch];
    }

    /**
     * Refuses, with a message saying why, data that continuous CQL cannot train on (see the train method); for callers
     * that check before they create anything.
     *
     * @throws OfflineDatasetException when the data cannot train it
     */
    public static void checkData(Dataset data) {
        OfflineData.check(data, false);
    }

    /**
     * Trains continuous CQL on {@code data} (which needs rewards and Box actions with finite bounds).
     *
     * @param eval evaluation rollouts at every interval, or null (then only the data diagnostics are recorded)
     * @throws OfflineDatasetException when the data cannot train CQL
     * @throws CriticDivergedException when a critic diverges
     */
    public static TrainedCql train(Dataset data, CqlConfig config, TrainingListener listener, EvalRollouts eval) {
        return train(data, config, listener, eval, null);
    }

    /**
     * As {@link #train(Dataset, CqlConfig, TrainingListener, EvalRollouts)}, keeping checkpoints (every
     * {@link Checkpointing#everySteps()} steps and when its stop signal is raised, which then ends the run with
     * {@link io.il4j.core.train.TrainingInterruptedException}) and continuing {@link Checkpointing#resumeFrom()} when
     * given: the resumed run ends with exactly the networks of an uninterrupted one.
     *
     * @param checkpointing null for no checkpoints
     */
    public static TrainedCql train(Dataset data, CqlConfig config, TrainingListener listener, EvalRollouts eval, Checkpointing checkpointing) {
        Il4j.configure();
        OfflineData d = OfflineData.prepare(data, false, config.normalizeObservations(), config.batchSize(), config.seed(), config.gamma(),
                config.rewardScale());
        return OfflineLoop.train(new ContinuousCql(d, config), d, config, config.seed(), config.steps(), config.evalInterval(), listener, eval,
                checkpointing);
    }

    /**
     * For throughput measurements ({@code il bench cql}): each call draws a minibatch and takes one full
     * update (targets, sampled actions, both critics, actor, temperature, target networks).
     */
    public static Runnable benchmarkStep(Dataset data, CqlConfig config) {
        Il4j.configure();
        OfflineData d = OfflineData.prepare(data, false, config.normalizeObservations(), config.batchSize(), config.seed(), config.gamma(),
                config.rewardScale());
        ContinuousCql cql = new ContinuousCql(d, config);
        int[] step = {0};
        return () -> {
            d.next();
            cql.update(++step[0]);
        };
    }

    /** One gradient step on the current minibatch of {@link OfflineData}. */
    @Override
    public void update(int step) {
        rng = stepRandom(seed, step);
        // critics
        sampleCriticInputs();
        double lossSum = 0, tdSum = 0, gapSum = 0, qSum = 0;
        for (int i = 0; i < 2; i++) {
            lossSum += criticLoss(i, true);
            tdSum += lastTdAbs;
            gapSum += lastGap;
            qSum += lastQMean;
            (i == 0 ? q1Opt : q2Opt).step();
        }
        criticLoss = lossSum / 2;
        tdError = tdSum / 2;
        gap = gapSum / 2;
        batchQ = qSum / 2;
        if (c.lagrange()) {
            logAlpha.gradients()[0] = (float) lagrangeGradient(logAlpha.get(0), gap, c.targetActionGap());
            alphaOpt.step();
        }
        // actor (against the updated critics) and temperature (from the same sampled actions' log-probabilities)
        actorLoss = actorLoss(step, rng, true);
        actorOpt.step();
        if (c.autoTemperature()) {
            logTemperature.gradients()[0] = (float) temperatureGradient(meanLogPi(), targetEntropy);
            temperatureOpt.step();
        }
        q1Target.blendFrom(q1, c.tau());
        q2Target.blendFrom(q2, c.tau());
    }

    /** The generator of one step's sampled actions and noise, a function of (seed, step) only. */
    static SplittableRandom stepRandom(long seed, int step) {
        return new SplittableRandom(Long.rotateLeft(seed + 4, 32) ^ (step * 0x9E3779B97F4A7C15L));
    }

    @Override
    public String algorithm() {
        return ALGORITHM;
    }

    static final String ALGORITHM = "cql";

    @Override
    public void record(CqlRecorder recorder, int step) {
        recorder.step(step, criticLoss, tdError, gap, alpha(), temperature(), actorLoss, batchQ);
    }

    @Override
    public List<MlpWeights> critics() {
        return List.of(q1.weights(), q2.weights());
    }

    private static final String LOG_TEMPERATURE = "log_temperature", LOG_ALPHA = "log_alpha";

    @Override
    public void save(Map<String, MlpWeights> networks, Map<String, Adam.State> optimizers, Map<String, Double> scalars) {
        networks.put("q1", q1.weights());
        networks.put("q2", q2.weights());
        networks.put("q1_target", q1Target.weights());
        networks.put("q2_target", q2Target.weights());
        networks.put("actor", actor.network().weights());
        optimizers.put("q1", q1Opt.state());
        optimizers.put("q2", q2Opt.state());
        optimizers.put("actor", actorOpt.state());
        optimizers.put("temperature", temperatureOpt.state());
        optimizers.put("alpha", alphaOpt.state());
        scalars.put(LOG_TEMPERATURE, (double) logTemperature.get(0));
        scalars.put(LOG_ALPHA, (double) logAlpha.get(0));
    }

    @Override
    public void restore(Checkpoint cp, Map<String, Double> scalars) {
        q1.setWeights(cp.network("q1"));
        q2.setWeights(cp.network("q2"));
        q1Target.setWeights(cp.network("q1_target"));
        q2Target.setWeights(cp.network("q2_target"));
        actor.network().setWeights(cp.network("actor"));
        q1Opt.restore(cp.optimizer("q1"));
        q2Opt.restore(cp.optimizer("q2"));
        actorOpt.restore(cp.optimizer("actor"));
        temperatureOpt.restore(cp.optimizer("temperature"));
        alphaOpt.restore(cp.optimizer("alpha"));
        logTemperature.set(0, scalars.get(LOG_TEMPERATURE).floatValue());
        logAlpha.set(0, scalars.get(LOG_ALPHA).floatValue());
    }

    private double temperature() {
        return Math.exp(logTemperature.get(0));
    }

    /** The penalty weight: fixed, or the Lagrange multiplier clamped to [0, 1e6] (as CORL). */
    private double alpha() {
        return c.lagrange() ? Math.min(Math.exp(logAlpha.get(0)), ALPHA_MAX) : c.cqlAlpha();
    }

    static final double ALPHA_MAX = 1e6;

    /**
     * Draws what the critic losses need for this minibatch: the TD targets
     * {@code r + gamma (1 - terminated) [min_i Q_i'(s', a') (- T log pi(a'|s'))]} with {@code a' ~ pi(s')},
     * and the 3N actions per state, all scored at s: uniform, pi(.|s), pi(.|s'), with their log-densities.
     */
    void sampleCriticInputs() {
        float[] obs = d.obs, next = d.next;
        int bn = batch * samples;
        actor.sample(nextSample, next, batch, rng, aNext, lpNext);
        concat(next, aNext, batch, targetIn);
        float[] t1 = q1Target.forward(targetIn, batch);
        float[] t2 = q2Target.forward(targetIn, batch);
        double temperature = temperature();
        for (int b = 0; b < batch; b++) {
            double v = Math.min(t1[b], t2[b]);
            if (c.backupEntropy()) v -= temperature * lpNext[b];
            y[b] = (float) (d.rew[b] + c.gamma() * (1 - d.done[b]) * v);
        }
        // N draws per state from one actor forward per state (not N forwards of the repeated state)
        actor.sampleMany(curSample, obs, batch, samples, rng, aCur, lpCur);
        actor.sampleMany(nextRepSample, next, batch, samples, rng, aNextRep, lpNextRep);
        for (int r = 0; r < bn; r++) {
            int b = r / samples;
            for (int j = 0; j < actDim; j++) {
                float u = (float) (2 * rng.nextDouble() - 1);
                writeRow(obs, b, u, j, 0, r);
                writeRow(obs, b, aCur[r * actDim + j], j, 1, r);
                writeRow(obs, b, aNextRep[r * actDim + j], j, 2, r);
            }
            logDensity[r] = (float) logUniformDensity;
            logDensity[bn + r] = lpCur[r];
            logDensity[2 * bn + r] = lpNextRep[r];
        }
        concat(obs, d.act, batch, dataIn);
    }

    private double lastTdAbs, lastGap, lastQMean;

    /**
     * Critic i's loss on the inputs of {@link #sampleCriticInputs}: {@code mean (Q(s,a) - y)^2 + alpha (gap - shift)},
     * gap = mean logsumexp of the importance-weighted sampled values minus mean Q at the data actions
     * (shift = the target gap for the Lagrange variant, else 0). With {@code backward}, its gradient
     * overwrites the critic's weight gradients.
     */
    double criticLoss(int i, boolean backward) {
        Mlp q = i == 0 ? q1 : q2;
        int bn = batch * samples;
        double alpha = alpha(), shift = c.lagrange() ? c.targetActionGap() : 0;
        float[] qd = q.forward(dataPass[i], dataIn, batch);
        System.arraycopy(qd, 0, qData, 0, batch);
        float[] qo = q.forward(oodPass[i], oodIn, 3 * bn);
        // logsumexp over the 3N values of each state, and its softmax (the penalty's gradient)
        double lseMean = 0;
        for (int b = 0; b < batch; b++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < 3; k++)
                for (int n = 0; n < samples; n++) {
                    int r = k * bn + b * samples + n;
                    max = Math.max(max, qo[r] - logDensity[r]);
                }
            double sum = 0;
            for (int k = 0; k < 3; k++)
                for (int n = 0; n < samples; n++) {
                    int r = k * bn + b * samples + n;
                    sum += Math.exp(qo[r] - logDensity[r] - max);
                }
            double lse = max + Math.log(sum);
            lseMean += lse / batch;
            for (int k = 0; k < 3; k++)
                for (int n = 0; n < samples; n++) {
                    int r = k * bn + b * samples + n;
                    gOod[r] = (float) (alpha / batch * Math.exp(qo[r] - logDensity[r] - lse));
                }
        }
        double td = 0, tdAbs = 0, qMean = 0;
        for (int b = 0; b < batch; b++) {
            double e = qData[b] - y[b];
            td += e * e / batch;
            tdAbs += Math.abs(e) / batch;
            qMean += qData[b] / batch;
            gData[b] = (float) (2 * e / batch - alpha / batch);
        }
        lastTdAbs = tdAbs;
        lastQMean = qMean;
        lastGap = lseMean - qMean;
        if (backward) {
            q.backward(dataPass[i], gData, false, true, null);
            q.backward(oodPass[i], gOod, true, true, null);
        }
        return td + alpha * (lastGap - shift);
    }

    /**
     * The actor's loss on the minibatch's states with actions drawn by {@code noise}:
     * {@code mean(T log pi(a~|s) - min_i Q_i(s, a~))}, the action gradient coming back through the critic
     * that is the min; during BC warm-up {@code mean(T log pi(a~|s)) - mean log pi(a_data|s)}. T is the current
     * temperature (a constant here). With {@code backward}, its gradient overwrites the actor's weight gradients.
     */
    double actorLoss(int step, SplittableRandom noise, boolean backward) {
        float[] obs = d.obs;
        actor.sample(piSample, obs, batch, noise, aPi, lpPi);
        double temperature = temperature();
        for (int b = 0; b < batch; b++) lpGrad[b] = (float) (temperature / batch);
        double loss = 0;
        for (int b = 0; b < batch; b++) loss += temperature * lpPi[b] / batch;
        if (step <= c.bcWarmupSteps()) {
            double ll = actor.logLikelihood(bcSample, obs, d.act, batch, backward ? -1.0 / batch : 0, false);
            if (backward) actor.backward(piSample, null, lpGrad, true);
            return loss - ll / batch;
        }
        concat(obs, aPi, batch, piIn);
        float[] p1 = q1.forward(actorPass[0], piIn, batch);
        float[] p2 = q2.forward(actorPass[1], piIn, batch);
        for (int b = 0; b < batch; b++) {
            boolean first = p1[b] <= p2[b];
            g1[b] = first ? -1f / batch : 0f;
            g2[b] = first ? 0f : -1f / batch;
            loss -= Math.min(p1[b], p2[b]) / batch;
        }
        if (backward) {
            q1.backward(actorPass[0], g1, false, false, inGrad1);
            q2.backward(actorPass[1], g2, false, false, inGrad2);
            for (int b = 0; b < batch; b++)
                for (int j = 0; j < actDim; j++)
                    actionGrad[b * actDim + j] = inGrad1[b * inDim + obsDim + j] + inGrad2[b * inDim + obsDim + j];
            actor.backward(piSample, actionGrad, lpGrad, false);
        }
        return loss;
    }

    /** Mean log pi of the actions of the last {@link #actorLoss}. */
    private double meanLogPi() {
        double m = 0;
        for (int b = 0; b < batch; b++) m += lpPi[b] / batch;
        return m;
    }

    /** SAC's temperature loss {@code -logT (mean log pi + target entropy)} (log pi held fixed). */
    static double temperatureLoss(double logTemperature, double meanLogPi, double targetEntropy) {
        return -logTemperature * (meanLogPi + targetEntropy);
    }

    /** d {@link #temperatureLoss} / d logT. */
    static double temperatureGradient(double meanLogPi, double targetEntropy) {
        return -(meanLogPi + targetEntropy);
    }

    /** The multiplier's loss {@code -alpha (gap - target)}, alpha = min(exp(logAlpha), ALPHA_MAX) (gap held fixed): gradient ascent on the dual. */
    static double lagrangeLoss(double logAlpha, double gap, double target) {
        return -Math.min(Math.exp(logAlpha), ALPHA_MAX) * (gap - target);
    }

    /** d {@link #lagrangeLoss} / d logAlpha (zero where the clamp holds). */
    static double lagrangeGradient(double logAlpha, double gap, double target) {
        double a = Math.exp(logAlpha);
        return a >= ALPHA_MAX ? 0 : -a * (gap - target);
    }

    /** Mean of min(Q1, Q2) at the data actions of the diagnostic states. */
    @Override
    public double averageDataQ() {
        int rows = d.diagRows;
        float[] in = new float[rows * inDim];
        concat(d.diagObs, d.diagAct, rows, in);
        float[] a = q1.forward(in, rows).clone();
        float[] b = q2.forward(in, rows);
        double s = 0;
        for (int r = 0; r < rows; r++) s += Math.min(a[r], b[r]);
        return s / rows;
    }

    /** The current actor as a policy file's policy (acts with tanh(mean), mapped to the box). */
    @Override
    public BcPolicy policy() {
        return ActorPolicies.squashedGaussian(actor.network().weights(), actor.distribution(), d.data.spec(), d.obsNorm, c.seed());
    }

    // ---- row plumbing ------------------------------------------------------------------------------

    /** Rows {@code [x_r, a_r]} for r < rows. */
    private void concat(float[] x, float[] a, int rows, float[] out) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(x, r * obsDim, out, r * inDim, obsDim);
            System.arraycopy(a, r * actDim, out, r * inDim + obsDim, actDim);
        }
    }

    /** Writes action value {@code a} (dim j) of sampled row r of kind k into the critic input, with state b's observation. */
    private void writeRow(float[] obs, int b, float a, int j, int kind, int r) {
        int row = kind * batch * samples + r;
        if (j == 0) System.arraycopy(obs, b * obsDim, oodIn, row * inDim, obsDim);
        oodIn[row * inDim + obsDim + j] = a;
    }

    // ---- access for tests and the benchmark ----------------------------------------------------------

    Mlp critic(int i) {
        return i == 0 ? q1 : q2;
    }

    SquashedGaussianActor actor() {
        return actor;
    }

    OfflineData data() {
        return d;
    }
}
