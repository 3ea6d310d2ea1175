package io.il4j.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Hindsight goal relabeling as a view over a dataset's episodes: the goal of a step becomes a goal
 * that the same episode actually <em>achieved later</em>, so any demonstration, successful or not,
 * teaches how to reach the goals it reached.
 *
 * <p><b>Achieved goals</b> always come from observations: the achieved goal of observation row
 * {@code r} is that row projected on {@code achievedGoalDims}. Goals stored in the dataset (what the
 * expert was told to reach) are ignored; relabeling replaces them.
 *
 * <p><b>Which later states count.</b> For step {@code t} of an episode (local time, acting in observation
 * {@code s_t}), the candidate states are {@code s_t'} for {@code t < t' <= last}, where {@code last} is the
 * episode's final observation when the dataset holds it ({@code t' = T} for an episode of T steps), and
 * the observation of the last step otherwise ({@code t' = T-1}). The current state itself never counts.
 * Hence the last step of an episode <em>without</em> its final observation has no later state and cannot
 * be relabeled: it is not {@linkplain #eligibleStep(int) eligible}, and {@link #goalRow} rejects it.
 *
 * <p><b>Strategies.</b>
 * <ul>
 *   <li>{@link Strategy#FINAL}: {@code t' = last} (deterministic).</li>
 *   <li>{@link Strategy#FUTURE}: {@code t'} uniform over the later states; {@link #materialize} makes
 *   {@code k} relabeled copies of every episode, each step's goal drawn independently per copy (HER's
 *   "future" strategy with k relabeled goals per transition).</li>
 *   <li>{@link Strategy#UNIFORM_LATER}: {@code t'} uniform over the later states; one copy.</li>
 * </ul>
 * A single draw from FUTURE and UNIFORM_LATER has the same distribution; they differ in how many
 * copies {@link #materialize} makes.
 *
 * <p>Filling a goal-conditioned BC batch without materializing (row {@code i} = obs ++ goal, label = action):
 * <pre>
 * int step = relabeler.eligibleStep(rng.nextInt(relabeler.numEligibleSteps()));
 * data.copyObservation(data.observationRow(step), x, i * (obsDim + goalDim));
 * relabeler.writeGoal(step, rng, x, i * (obsDim + goalDim) + obsDim);
 * data.copyAction(step, y, i * actDim);
 * </pre>
 *
 * <p>Immutable; safe to share between threads provided each thread passes its own random generator.
 */
public final class GoalRelabeler {

    /** How the later state supplying a step's goal is chosen. */
    public enum Strategy { FINAL, FUTURE, UNIFORM_LATER }

    private final Dataset data;
    private final int[] goalDims;
    private final Strategy strategy;
    private final int copies;
    private final int[] eligible; // steps that have at least one later state

    /**
     * @param data             the episodes to relabel
     * @param achievedGoalDims observation dimensions forming the achieved goal (distinct, in range)
     * @param strategy         how to choose the later state
     * @param k                copies per step for {@link Strategy#FUTURE} ({@code >= 1}); must be 1 otherwise
     */
    public GoalRelabeler(Dataset data, int[] achievedGoalDims, Strategy strategy, int k) {
        if (data == null) throw new IllegalArgumentException("dataset must not be null");
        if (strategy == null) throw new IllegalArgumentException("strategy must not be null");
        if (achievedGoalDims == null || achievedGoalDims.length == 0)
            throw new IllegalArgumentException("achievedGoalDims must name at least one observation dimension");
        int obsDim = data.observationDim();
        boolean[] seen = new boolean[obsDim];
        for (int i = 0; i < achievedGoalDims.length; i++) {
            int d = achievedGoalDims[i];
            if (d < 0 || d >= obsDim)
                throw new IllegalArgumentException("achievedGoalDims[" + i + "] = " + d + " is not an observation dimension; expected 0.."
                        + (obsDim - 1) + " for observations " + data.spec().observationNames());
            if (seen[d]) throw new IllegalArgumentException("achievedGoalDims lists observation dimension " + d + " twice");
            seen[d] = true;
        }
        if (strategy == Strategy.FUTURE ? k < 1 : k != 1)
            throw new IllegalArgumentException(strategy == Strategy.FUTURE
                    ? "FUTURE needs k >= 1 relabeled copies, got " + k
                    : strategy + " makes one copy per step; k must be 1, got " + k);
        this.data = data;
        this.goalDims = achievedGoalDims.clone();
        this.strategy = strategy;
        this.copies = k;
        int n = 0;
        int[] tmp = new int[data.numSteps()];
        for (int s = 0; s < data.numSteps(); s++) if (data.nextObservationRow(s) >= 0) tmp[n++] = s;
        this.eligible = Arrays.copyOf(tmp, n);
    }

    /** FINAL strategy. */
    public static GoalRelabeler finalState(Dataset data, int... achievedGoalDims) {
        return new GoalRelabeler(data, achievedGoalDims, Strategy.FINAL, 1);
    }

    /** FUTURE strategy with {@code k} copies per step. */
    public static GoalRelabeler future(Dataset data, int k, int... achievedGoalDims) {
        return new GoalRelabeler(data, achievedGoalDims, Strategy.FUTURE, k);
    }

    /** UNIFORM_LATER strategy. */
    public static GoalRelabeler uniformLater(Dataset data, int... achievedGoalDims) {
        return new GoalRelabeler(data, achievedGoalDims, Strategy.UNIFORM_LATER, 1);
    }

    public Dataset dataset() {
        return data;
    }

    public Strategy strategy() {
        return strategy;
    }

    /** Relabeled copies per step made by {@link #materialize} (k for FUTURE, else 1). */
    public int copiesPerStep() {
        return copies;
    }

    public int goalDim() {
        return goalDims.length;
    }

    public int[] achievedGoalDims() {
        return goalDims.clone();
    }

    /** Number of steps that have a later state (all steps except the last of episodes lacking the final observation). */
    public int numEligibleSteps() {
        return eligible.length;
    }

    /** Global step index of the {@code i}-th eligible step, for samplers: draw {@code i} uniformly in [0, numEligibleSteps). */
    public int eligibleStep(int i) {
        return eligible[i];
    }

    /** Whether {@code step} has a later state to take its goal from. */
    public boolean isEligible(int step) {
        return data.nextObservationRow(step) >= 0;
    }

    /** First observation row that counts as a later state of {@code step}, or -1 when there is none. */
    public int firstLaterRow(int step) {
        return data.nextObservationRow(step);
    }

    /** Last observation row of {@code step}'s episode (the final observation when present). */
    public int lastRow(int step) {
        int e = data.episodeOfStep(step);
        return data.episodeFirstObservationRow(e) + data.episodeObservationCount(e) - 1;
    }

    /**
     * The observation row whose achieved goal becomes {@code step}'s goal, drawn with {@code rng}
     * (unused by FINAL).
     *
     * @throws IllegalArgumentException when the step has no later state (see the class comment)
     */
    public int goalRow(int step, RandomGenerator rng) {
        int first = data.nextObservationRow(step);
        if (first < 0)
            throw new IllegalArgumentException("step " + step + " is the last step of episode " + data.episodeOfStep(step)
                    + ", which lacks its final observation: it has no later state to relabel with; sample eligible steps only");
        int last = lastRow(step);
        if (strategy == Strategy.FINAL) return last;
        return first + rng.nextInt(last - first + 1);
    }

    /** Writes the relabeled goal of {@code step} into {@code out[offset .. offset+goalDim)}; returns the row used. */
    public int writeGoal(int step, RandomGenerator rng, float[] out, int offset) {
        int row = goalRow(step, rng);
        writeAchievedGoal(row, out, offset);
        return row;
    }

    /** The relabeled goal of {@code step}, as a new array. */
    public double[] goal(int step, RandomGenerator rng) {
        int row = goalRow(step, rng);
        double[] g = new double[goalDims.length];
        for (int i = 0; i < goalDims.length; i++) g[i] = data.observation(row, goalDims[i]);
        return g;
    }

    /** Writes the achieved goal of observation row {@code row} into {@code out[offset .. offset+goalDim)}. */
    public void writeAchievedGoal(int row, float[] out, int offset) {
        for (int i = 0; i < goalDims.length; i++) out[offset + i] = data.observation(row, goalDims[i]);
    }

    /** The spec of {@link #materialize}d data: the source spec with goals named {@code goal_0 .. goal_{g-1}}. */
    public DatasetSpec relabeledSpec() {
        List<String> names = new ArrayList<>(goalDims.length);
        for (int i = 0; i < goalDims.length; i++) names.add("goal_" + i);
        DatasetSpec s = data.spec();
        return new DatasetSpec(s.observationNames(), s.actionSpace(), s.actionNames(), names, s.hasRewards());
    }

    /**
     * Copies the data with relabeled goals: {@link #copiesPerStep()} copies of every episode (copy-major:
     * all episodes once, then all again), each step's goal drawn with this strategy from a generator
     * seeded with {@code seed}.
     *
     * <p>The goal is stored on each step's observation row; the final observation row (when present)
     * carries the goal of the last step. With FUTURE/UNIFORM_LATER the goal may change within an
     * episode, so the goal stored with s' is not s's goal: use the result for goal-conditioned BC
     * (state, goal, action), not for bootstrapping across steps.
     *
     * <p>An episode lacking its final observation loses its last step (it has no later state); that
     * step's observation is kept as the final observation of the shortened episode, which is therefore
     * marked truncated (cut off, not terminated). A one-step episode lacking its final observation has
     * nothing to relabel and is dropped.
     *
     * @throws IllegalArgumentException when no step of the data can be relabeled
     */
    public Dataset materialize(long seed) {
        if (eligible.length == 0)
            throw new IllegalArgumentException("no step can be relabeled: every episode has a single step and lacks its final observation");
        DatasetSpec spec = relabeledSpec();
        DatasetSpec src = data.spec();
        int obsDim = src.observationDim(), actDim = src.actionDim(), g = goalDims.length;
        DatasetBuilder b = new DatasetBuilder(spec);
        SplittableRandom rng = new SplittableRandom(seed);
        float[] obs = data.observationData(), act = data.actionData(), rew = data.rewardData();
        float[] goal = new float[g];
        for (int c = 0; c < copies; c++) {
            for (int e = 0; e < data.numEpisodes(); e++) {
                int first = data.episodeFirstStep(e), len = data.episodeLength(e);
                boolean hasFinal = data.hasFinalObservation(e);
                int kept = hasFinal ? len : len - 1; // steps with a later state
                if (kept == 0) continue;
                b.beginEpisode();
                for (int t = 0; t < kept; t++) {
                    int step = first + t;
                    writeGoal(step, rng, goal, 0);
                    b.addStep(obs, data.observationRow(step) * obsDim, goal, 0, act, step * actDim,
                            rew == null ? 0f : rew[step]);
                }
                // the row after the last kept step: the true final observation, or the dropped step's observation
                int finalRow = data.observationRow(first + kept - 1) + 1;
                boolean terminated = hasFinal && data.terminated(e);
                boolean truncated = hasFinal ? data.truncated(e) : true;
                b.endEpisode(obs, finalRow * obsDim, goal, 0, terminated, truncated);
            }
        }
        return b.build();
    }
}
