package io.il4j.core.data;

import io.il4j.core.space.Discrete;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;

/**
 * Draws minibatches of steps from a {@link Dataset} into preallocated ND4J arrays: every call to
 * {@link #next()} refills the same arrays, so a training loop allocates nothing per batch.
 *
 * <p>Order: epochs over a seeded permutation of the given steps (each step once per epoch; the next
 * epoch reshuffles), or the steps in the given order with {@code shuffle(false)} (validation).
 * The same seed and steps give the same batches.
 *
 * <p>Fields, chosen on the {@link Builder}: observations (optionally normalized, optionally the last
 * {@code k} frames of the episode stacked oldest first, repeating the episode's first frame before its
 * start, optionally followed by goal columns), actions (raw, normalized, or one-hot for discrete
 * spaces), goals, next observations, rewards and done flags ({@code terminated}, not truncation).
 *
 * <p>Checkpoints: {@link #state()} is the number of batches drawn since construction (or {@link #reset()}), and
 * {@link #restore(State)} brings a sampler built from the same data, steps and seed to that point by replaying the
 * random draws (the permutations and the goal source's draws; no row is copied), so a resumed training run sees
 * exactly the batches an uninterrupted one would. ({@link SplittableRandom} does not expose its state.)
 *
 * <p>Not thread-safe: one sampler per training loop.
 */
public final class MinibatchSampler implements BatchSource {

    /**
     * Supplies the goal of a step (for example a hindsight-relabeled achieved goal). Called once per
     * sampled row; {@code rng} is the sampler's own generator, so relabeling is seeded with it.
     */
    @FunctionalInterface
    public interface GoalSource {
        void goal(int step, SplittableRandom rng, float[] out, int offset);
    }

    /** The arrays of one batch; the same instances are refilled by every {@link #next()}. */
    public record Batch(INDArray observations, INDArray actions, INDArray goals, INDArray nextObservations,
                        INDArray rewards, INDArray dones) {
    }

    private final Dataset data;
    private final int[] steps;
    private final int[] order;
    private final int batchSize;
    private final long seed;
    private final boolean shuffle;
    private final int history;
    private final Normalizer obsNorm, actNorm, goalNorm;
    private final GoalSource goalSource;
    private final boolean goalsInObservations, oneHot;
    private final int obsDim, frameWidth, obsWidth, actWidth, goalDim;
    private final int[] episodeFirstRow; // per position in steps: first observation row of its episode (history only)

    private final float[] obsStage, actStage, goalStage, nextStage, rewStage, doneStage;
    private final FloatBuffer obsBuf, actBuf, goalBuf, nextBuf, rewBuf, doneBuf;
    private final Batch batch;

    private SplittableRandom rng;
    private int pos;
    private long batchesDrawn;
    private float[] replayGoal; // scratch row for goal draws replayed by restore()

    private MinibatchSampler(Builder b) {
        this.data = b.data;
        this.steps = b.steps.clone();
        this.batchSize = b.batchSize;
        this.seed = b.seed;
        this.shuffle = b.shuffle;
        this.history = b.history;
        this.obsNorm = b.obsNorm;
        this.actNorm = b.actNorm;
        this.goalNorm = b.goalNorm;
        this.goalSource = b.goalSource;
        this.goalsInObservations = b.goalsInObservations;
        this.oneHot = b.oneHot;
        this.obsDim = data.observationDim();
        this.goalDim = goalSource == null ? 0 : b.goalDim;
        this.frameWidth = obsDim * history;
        this.obsWidth = frameWidth + (goalsInObservations ? goalDim : 0);
        this.actWidth = oneHot ? ((Discrete) data.spec().actionSpace()).n() : data.actionDim();

        int numSteps = data.numSteps();
        for (int i = 0; i < steps.length; i++) {
            int s = steps[i];
            if (s < 0 || s >= numSteps)
                throw new IllegalArgumentException("step index " + s + " at position " + i + " is outside 0.." + (numSteps - 1));
            if (b.nextObs && data.nextObservationRow(s) < 0)
                throw new IllegalArgumentException("step " + s + " (position " + i + ") has no next observation (its episode lacks the "
                        + "final observation); sample transition steps only, e.g. from Dataset.transitions()");
            if (oneHot) {
                float a = data.action(s, 0);
                if (!(a >= 0 && a < actWidth) || a != Math.rint(a))
                    throw new IllegalArgumentException("step " + s + " has discrete action " + a + "; expected an integer in [0, "
                            + (actWidth - 1) + "]");
            }
        }
        this.episodeFirstRow = history > 1 ? new int[steps.length] : null;
        if (history > 1)
            for (int i = 0; i < steps.length; i++)
                episodeFirstRow[i] = data.episodeFirstObservationRow(data.episodeOfStep(steps[i]));

        obsStage = new float[batchSize * obsWidth];
        actStage = new float[batchSize * actWidth];
        goalStage = goalSource != null && !goalsInObservations ? new float[batchSize * goalDim] : null;
        nextStage = b.nextObs ? new float[batchSize * frameWidth] : null;
        rewStage = b.rewards ? new float[batchSize] : null;
        doneStage = b.dones ? new float[batchSize] : null;
        INDArray obs = Nd4j.create(DataType.FLOAT, batchSize, obsWidth);
        INDArray act = Nd4j.create(DataType.FLOAT, batchSize, actWidth);
        INDArray goals = goalStage == null ? null : Nd4j.create(DataType.FLOAT, batchSize, goalDim);
        INDArray next = nextStage == null ? null : Nd4j.create(DataType.FLOAT, batchSize, frameWidth);
        INDArray rew = rewStage == null ? null : Nd4j.create(DataType.FLOAT, batchSize, 1);
        INDArray done = doneStage == null ? null : Nd4j.create(DataType.FLOAT, batchSize, 1);
        batch = new Batch(obs, act, goals, next, rew, done);
        obsBuf = view(obs);
        actBuf = view(act);
        goalBuf = view(goals);
        nextBuf = view(next);
        rewBuf = view(rew);
        doneBuf = view(done);
        order = new int[steps.length];
        reset();
    }

    public static Builder builder(Dataset data, int[] steps, int batchSize) {
        return new Builder(data, steps, batchSize);
    }

    /** All steps of a dataset (0 .. numSteps-1). */
    public static int[] allSteps(Dataset data) {
        int[] s = new int[data.numSteps()];
        for (int i = 0; i < s.length; i++) s[i] = i;
        return s;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    /** Number of steps sampled from. */
    public int size() {
        return steps.length;
    }

    /** Batches per pass over the steps, rounded up. */
    @Override
    public int batchesPerEpoch() {
        return (steps.length + batchSize - 1) / batchSize;
    }

    /** Width of the observation array: frames times obs dim, plus goal dims when appended. */
    @Override
    public int observationWidth() {
        return obsWidth;
    }

    /** Rewinds to the state right after construction: the same batches will be drawn again. */
    public void reset() {
        rng = new SplittableRandom(seed);
        for (int i = 0; i < order.length; i++) order[i] = i;
        if (shuffle) shuffleOrder();
        pos = 0;
        batchesDrawn = 0;
    }

    /** Where the sampler is in its sequence of batches. */
    public record State(long batchesDrawn) {
        public State {
            if (batchesDrawn < 0) throw new IllegalArgumentException("batchesDrawn must be >= 0, got " + batchesDrawn);
        }
    }

    /** The position to {@link #restore} a sampler of the same data, steps and seed to. */
    public State state() {
        return new State(batchesDrawn);
    }

    /**
     * Rewinds and replays the random draws of {@code state.batchesDrawn()} batches, so that the next {@link #next()}
     * returns the batch an uninterrupted sampler would. Costs a permutation per epoch passed, plus one goal draw per
     * row when goals are relabeled.
     */
    public void restore(State state) {
        reset();
        if (goalSource != null && replayGoal == null) replayGoal = new float[Math.max(goalDim, obsWidth)];
        for (long b = 0; b < state.batchesDrawn(); b++) {
            for (int r = 0; r < batchSize; r++) {
                if (pos == order.length) {
                    if (shuffle) shuffleOrder();
                    pos = 0;
                }
                int position = order[pos++];
                if (goalSource != null) goalSource.goal(steps[position], rng, replayGoal, 0);
            }
        }
        batchesDrawn = state.batchesDrawn();
    }

    /** Fills the batch arrays with the next {@link #batchSize()} steps and returns them. */
    @Override
    public Batch next() {
        for (int r = 0; r < batchSize; r++) {
            if (pos == order.length) {
                if (shuffle) shuffleOrder();
                pos = 0;
            }
            fillRow(r, order[pos++]);
        }
        batchesDrawn++;
        put(obsBuf, obsStage);
        put(actBuf, actStage);
        put(goalBuf, goalStage);
        put(nextBuf, nextStage);
        put(rewBuf, rewStage);
        put(doneBuf, doneStage);
        return batch;
    }

    private void fillRow(int r, int position) {
        int step = steps[position];
        int row = data.observationRow(step);
        int firstRow = history > 1 ? episodeFirstRow[position] : row;
        writeFrames(row, firstRow, obsStage, r * obsWidth);
        if (goalSource != null) {
            float[] dst = goalsInObservations ? obsStage : goalStage;
            int off = goalsInObservations ? r * obsWidth + frameWidth : r * goalDim;
            goalSource.goal(step, rng, dst, off);
            if (goalNorm != null) goalNorm.normalize(dst, off, dst, off);
        }
        if (oneHot) {
            int base = r * actWidth;
            java.util.Arrays.fill(actStage, base, base + actWidth, 0f);
            actStage[base + (int) data.action(step, 0)] = 1f;
        } else {
            data.copyAction(step, actStage, r * actWidth);
            if (actNorm != null) actNorm.normalize(actStage, r * actWidth, actStage, r * actWidth);
        }
        if (nextStage != null) writeFrames(data.nextObservationRow(step), firstRow, nextStage, r * frameWidth);
        if (rewStage != null) rewStage[r] = data.reward(step);
        if (doneStage != null) doneStage[r] = data.isTerminal(step) ? 1f : 0f;
    }

    /** Frames {@code row-k+1 .. row}, oldest first, clamped to the episode's first row. */
    private void writeFrames(int row, int firstRow, float[] dst, int off) {
        for (int f = 0; f < history; f++) {
            int src = Math.max(firstRow, row - (history - 1 - f));
            int o = off + f * obsDim;
            data.copyObservation(src, dst, o);
            if (obsNorm != null) obsNorm.normalize(dst, o, dst, o);
        }
    }

    private void shuffleOrder() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private static FloatBuffer view(INDArray a) {
        return a == null ? null : a.data().asNioFloat();
    }

    private static void put(FloatBuffer dst, float[] src) {
        if (dst == null) return;
        dst.clear();
        dst.put(src, 0, src.length);
    }

    /** Options of a {@link MinibatchSampler}. Not thread-safe. */
    public static final class Builder {
        private final Dataset data;
        private final int[] steps;
        private final int batchSize;
        private long seed;
        private boolean shuffle = true;
        private int history = 1;
        private Normalizer obsNorm, actNorm, goalNorm;
        private GoalSource goalSource;
        private int goalDim;
        private boolean goalsInObservations, oneHot, nextObs, rewards, dones;

        private Builder(Dataset data, int[] steps, int batchSize) {
            if (data == null) throw new IllegalArgumentException("dataset must not be null");
            if (steps == null || steps.length == 0) throw new IllegalArgumentException("need at least one step to sample from");
            if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
            this.data = data;
            this.steps = steps;
            this.batchSize = batchSize;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** false: visit the steps in the given order (for validation); default true. */
        public Builder shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        /** Stack the last {@code k} observations of the episode (default 1: the current one only). */
        public Builder history(int k) {
            if (k < 1) throw new IllegalArgumentException("history must be >= 1 frame, got " + k);
            this.history = k;
            return this;
        }

        public Builder observationNormalizer(Normalizer n) {
            if (n != null && n.dim() != data.observationDim())
                throw new IllegalArgumentException("observation normalizer has " + n.dim() + " dims; the data have " + data.observationDim());
            this.obsNorm = n;
            return this;
        }

        public Builder actionNormalizer(Normalizer n) {
            if (n != null && (data.spec().actionSpace().isDiscrete() || n.dim() != data.actionDim()))
                throw new IllegalArgumentException("action normalizer needs continuous actions of dim " + n.dim()
                        + "; the data have " + data.spec().actionSpace());
            this.actNorm = n;
            return this;
        }

        /** Discrete actions as one-hot rows of width n instead of the index. */
        public Builder oneHotActions() {
            if (!(data.spec().actionSpace() instanceof Discrete))
                throw new IllegalArgumentException("one-hot actions need a discrete action space; the data have " + data.spec().actionSpace());
            this.oneHot = true;
            return this;
        }

        /** The goals stored in the dataset (the desired goal of each observation row). */
        public Builder datasetGoals(boolean appendToObservations) {
            if (!data.spec().hasGoals())
                throw new IllegalArgumentException("the dataset has no goal columns; give a GoalSource (e.g. hindsight relabeling) instead");
            int gd = data.spec().goalDim();
            return goals((step, rng, out, off) -> data.copyGoal(data.observationRow(step), out, off), gd, appendToObservations);
        }

        /**
         * Goals from {@code source} ({@code dim} numbers per step), either as their own array or
         * appended to each observation row (the input of a goal-conditioned network).
         */
        public Builder goals(GoalSource source, int dim, boolean appendToObservations) {
            if (source == null) throw new IllegalArgumentException("goal source must not be null");
            if (dim < 1) throw new IllegalArgumentException("goal dim must be >= 1, got " + dim);
            this.goalSource = source;
            this.goalDim = dim;
            this.goalsInObservations = appendToObservations;
            return this;
        }

        public Builder goalNormalizer(Normalizer n) {
            this.goalNorm = n;
            return this;
        }

        public Builder nextObservations() {
            this.nextObs = true;
            return this;
        }

        public Builder rewards() {
            if (!data.spec().hasRewards()) throw new IllegalArgumentException("the dataset has no rewards");
            this.rewards = true;
            return this;
        }

        public Builder dones() {
            this.dones = true;
            return this;
        }

        public MinibatchSampler build() {
            if (goalNorm != null && (goalSource == null || goalNorm.dim() != goalDim))
                throw new IllegalArgumentException("goal normalizer has " + goalNorm.dim() + " dims; goals have " + goalDim);
            return new MinibatchSampler(this);
        }
    }
}
