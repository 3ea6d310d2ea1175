package io.il4j.offline.internal;

import io.il4j.bc.BcNormalizers;
import io.il4j.core.data.Dataset;
import io.il4j.core.data.MinibatchSampler;
import io.il4j.core.data.Normalizer;
import io.il4j.core.data.Transitions;
import io.il4j.core.space.Box;
import io.il4j.offline.OfflineDatasetException;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;

/**
 * The data side of an offline RL run: checks that a dataset can train it, fits the normalizers, draws
 * minibatches of transitions (s, a, r, s', terminated) into float arrays, and holds a fixed set of
 * data states with their Monte-Carlo discounted returns for the overestimation check. Episodes ended by a
 * time limit are bootstrapped from their final observation; only {@code terminated} stops the bootstrap
 * ({@link Dataset#isTerminal}). Not thread-safe.
 */
public final class OfflineData {
    /** States kept for the Q-vs-return diagnostic. */
    static final int DIAGNOSTIC_STATES = 1000;
    private static final double STD_FLOOR = 1e-3;

    public final Dataset data;
    public final int obsDim, actDim, batchSize;
    public final Normalizer obsNorm, actNorm; // actNorm null for discrete actions
    public final double rewardScale, gamma;
    /**
     * Upper bound on Q: the largest per-step reward (or 0, since an episode may end) plus a tenth of the reward
     * range, forever, discounted. Returns cannot exceed it, so a critic above it has diverged.
     */
    public final double qBound;
    public final float[] obs, act, rew, done, next;
    /** Diagnostic states (normalized), their data actions (normalized or indices) and discounted returns-to-go (scaled). */
    public final float[] diagObs, diagAct;
    public final double[] diagReturn;
    public final int diagRows;
    private final MinibatchSampler sampler;

    private OfflineData(Dataset data, boolean discrete, boolean normalizeObservations, int batchSize, long seed, double gamma,
                        double rewardScale) {
        check(data, discrete);
        this.data = data;
        this.batchSize = batchSize;
        this.gamma = gamma;
        this.rewardScale = rewardScale;
        obsDim = data.observationDim();
        actDim = data.actionDim();
        Transitions tr = data.transitions();
        int[] steps = new int[tr.size()];
        for (int i = 0; i < steps.length; i++) steps[i] = tr.step(i);
        obsNorm = normalizeObservations ? data.observationNormalizer(steps, STD_FLOOR) : Normalizer.identity(obsDim);
        actNorm = discrete ? null : BcNormalizers.unitBox((Box) data.spec().actionSpace());
        MinibatchSampler.Builder b = MinibatchSampler.builder(data, steps, batchSize).seed(seed).observationNormalizer(obsNorm)
                .nextObservations().rewards().dones();
        if (actNorm != null) b.actionNormalizer(actNorm);
        sampler = b.build();
        obs = new float[batchSize * obsDim];
        act = new float[batchSize * actDim];
        rew = new float[batchSize];
        done = new float[batchSize];
        next = new float[batchSize * obsDim];
        double maxR = Double.NEGATIVE_INFINITY, minR = Double.POSITIVE_INFINITY;
        for (int s = 0; s < data.numSteps(); s++) {
            maxR = Math.max(maxR, data.reward(s));
            minR = Math.min(minR, data.reward(s));
        }
        qBound = (Math.max(maxR, 0) + 0.1 * (maxR - minR) + 1e-6) * rewardScale / (1 - gamma);

        float[] rtg = data.returnToGo(gamma);
        diagRows = Math.min(DIAGNOSTIC_STATES, steps.length);
        diagObs = new float[diagRows * obsDim];
        diagAct = new float[diagRows * actDim];
        diagReturn = new double[diagRows];
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = 0; i < diagRows; i++) {
            int s = steps[steps.length == diagRows ? i : r.nextInt(steps.length)];
            data.copyObservation(data.observationRow(s), diagObs, i * obsDim);
            obsNorm.normalize(diagObs, i * obsDim, diagObs, i * obsDim);
            data.copyAction(s, diagAct, i * actDim);
            if (actNorm != null) actNorm.normalize(diagAct, i * actDim, diagAct, i * actDim);
            diagReturn[i] = rtg[s] * rewardScale;
        }
    }

    /** Checks {@code data} and prepares sampling; see {@link #check}. */
    public static OfflineData prepare(Dataset data, boolean discrete, boolean normalizeObservations, int batchSize, long seed, double gamma,
                                      double rewardScale) {
        return new OfflineData(data, discrete, normalizeObservations, batchSize, seed, gamma, rewardScale);
    }

    /**
     * Rejects a dataset that offline RL cannot learn from, with a message saying what is wrong: no rewards,
     * the other kind of actions, fewer than two transitions, an action outside the declared box (or a box
     * without finite bounds, which a squashed policy cannot cover).
     */
    public static void check(Dataset data, boolean discrete) {
        var space = data.spec().actionSpace();
        if (!data.spec().hasRewards())
            throw new OfflineDatasetException("offline RL needs rewards; BC does not: the dataset has no reward column");
        if (discrete && !space.isDiscrete())
            throw new OfflineDatasetException("discrete CQL needs discrete actions, but the dataset's actions are continuous (" + space
                    + "); use continuous CQL");
        if (!discrete && space.isDiscrete())
            throw new OfflineDatasetException("continuous CQL needs continuous (Box) actions, but the dataset's actions are " + space
                    + "; use discrete CQL");
        int transitions = data.transitions().size();
        if (transitions < 2)
            throw new OfflineDatasetException("offline RL needs at least two transitions (s, a, r, s'), the dataset has " + transitions
                    + " (an episode without its final observation row loses its last step)");
        if (!discrete) {
            Box box = (Box) space;
            try {
                BcNormalizers.unitBox(box);
            } catch (IllegalArgumentException e) {
                throw new OfflineDatasetException("continuous CQL samples actions uniformly from the action box, but " + e.getMessage());
            }
            for (int s = 0; s < data.numSteps(); s++)
                for (int j = 0; j < box.dim(); j++) {
                    float a = data.action(s, j);
                    // compared in float, as stored: a bound such as 0.15 is itself rounded when the data are written
                    if (a < (float) box.low(j) || a > (float) box.high(j)) {
                        int e = data.episodeOfStep(s);
                        throw new OfflineDatasetException("action " + data.spec().actionNames().get(j) + " = " + a + " at episode " + e
                                + ", step " + (s - data.episodeFirstStep(e)) + " is outside the declared box [" + box.low(j) + ", "
                                + box.high(j) + "]");
                    }
                }
        }
    }

    /** Draws the next minibatch into {@link #obs}, {@link #act}, {@link #rew} (scaled), {@link #done}, {@link #next}. */
    public void next() {
        MinibatchSampler.Batch b = sampler.next();
        copy(b.observations().data().asNioFloat(), obs);
        copy(b.actions().data().asNioFloat(), act);
        copy(b.rewards().data().asNioFloat(), rew);
        copy(b.dones().data().asNioFloat(), done);
        copy(b.nextObservations().data().asNioFloat(), next);
        if (rewardScale != 1) for (int i = 0; i < batchSize; i++) rew[i] *= (float) rewardScale;
    }

    /** The sampler's position, for checkpoints. */
    public MinibatchSampler.State samplerState() {
        return sampler.state();
    }

    /** Brings the sampler back to a checkpointed position (the same data, batch size and seed). */
    public void restore(MinibatchSampler.State state) {
        sampler.restore(state);
    }

    private static void copy(FloatBuffer src, float[] dst) {
        src.clear();
        src.get(dst, 0, dst.length);
    }

    /** Mean Monte-Carlo discounted return of the diagnostic states. */
    public double meanDiagnosticReturn() {
        double s = 0;
        for (double v : diagReturn) s += v;
        return s / diagRows;
    }
}
