package io.il4j.core.data;

import java.util.Arrays;

/**
 * Appends episodes straight into growable primitive arrays (no object per step) and builds an
 * immutable {@link Dataset}. Used by file readers, rollouts and data aggregation. Not thread-safe.
 *
 * <pre>
 * b.beginEpisode();
 * b.addStep(obs0, act0, r0);  ...  b.addStep(obsT1, actT1, rT1);
 * b.endEpisode(finalObs, terminated, truncated);   // finalObs may be null when it is unknown
 * </pre>
 * Goals, when the spec has them, are passed with each observation via the goal-taking overloads.
 */
public final class DatasetBuilder {
    private final DatasetSpec spec;
    private final int obsDim, actDim, goalDim;
    private final FloatArrayBuilder obs = new FloatArrayBuilder();
    private final FloatArrayBuilder act = new FloatArrayBuilder();
    private final FloatArrayBuilder rew;
    private final FloatArrayBuilder goal;
    private int[] obsOffsets = new int[16];
    private int[] stepOffsets = new int[16];
    private boolean[] terminated = new boolean[16];
    private boolean[] truncated = new boolean[16];
    private int episodes;
    private int obsRows, steps;
    private boolean open;

    public DatasetBuilder(DatasetSpec spec) {
        this.spec = spec;
        this.obsDim = spec.observationDim();
        this.actDim = spec.actionDim();
        this.goalDim = spec.goalDim();
        this.rew = spec.hasRewards() ? new FloatArrayBuilder() : null;
        this.goal = spec.hasGoals() ? new FloatArrayBuilder() : null;
    }

    public DatasetSpec spec() {
        return spec;
    }

    public int numEpisodes() {
        return episodes;
    }

    public int numSteps() {
        return steps;
    }

    public boolean episodeOpen() {
        return open;
    }

    /**
     * Makes room for {@code observationRows} observations and {@code steps} steps in all (a reader that can estimate the
     * size of its input): filling the arrays then never copies them, and they are not doubled past what is needed.
     */
    public void reserve(int observationRows, int steps) {
        obs.reserve(Math.multiplyExact(observationRows, obsDim));
        if (goal != null) goal.reserve(Math.multiplyExact(observationRows, goalDim));
        act.reserve(Math.multiplyExact(steps, actDim));
        if (rew != null) rew.reserve(steps);
    }

    public void beginEpisode() {
        if (open) throw new IllegalStateException("beginEpisode() called while an episode is open; call endEpisode() first");
        open = true;
        ensureEpisodeCapacity(episodes + 2);
        obsOffsets[episodes] = obsRows;
        stepOffsets[episodes] = steps;
    }

    /** One step: the observation it was taken in, the action, and the reward (ignored when the spec has no rewards). */
    public void addStep(double[] observation, double[] action, double reward) {
        addStep(observation, null, action, reward);
    }

    public void addStep(double[] observation, double[] goalOfObservation, double[] action, double reward) {
        requireOpen();
        // validate everything before writing anything, so a rejected step leaves no partial row behind
        checkRow(observation, goalOfObservation);
        checkLength("action", action.length, actDim);
        addObservationRow(observation, goalOfObservation);
        for (double v : action) act.add((float) v);
        if (rew != null) rew.add((float) reward);
        steps++;
    }

    /** Float variant for readers that already hold float32 values. */
    public void addStep(float[] observation, int obsOffset, float[] goalOfObservation, int goalOffset,
                        float[] action, int actOffset, float reward) {
        requireOpen();
        if (goal != null && goalOfObservation == null)
            throw new IllegalArgumentException("the spec has goals; a goal is required per observation");
        obs.add(observation, obsOffset, obsDim);
        if (goal != null) goal.add(goalOfObservation, goalOffset, goalDim);
        obsRows++;
        act.add(action, actOffset, actDim);
        if (rew != null) rew.add(reward);
        steps++;
    }

    public void endEpisode(double[] finalObservation, boolean terminated, boolean truncated) {
        endEpisode(finalObservation, null, terminated, truncated);
    }

    /** Ends the open episode; {@code finalObservation} may be null when the source lacks it. */
    public void endEpisode(double[] finalObservation, double[] finalGoal, boolean terminated, boolean truncated) {
        requireOpen();
        if (finalObservation != null) addObservationRow(finalObservation, finalGoal);
        closeEpisode(terminated, truncated);
    }

    /** Float variant of {@link #endEpisode(double[], double[], boolean, boolean)}; pass null arrays when absent. */
    public void endEpisode(float[] finalObservation, int obsOffset, float[] finalGoal, int goalOffset,
                           boolean terminated, boolean truncated) {
        requireOpen();
        if (finalObservation != null) {
            if (goal != null && finalGoal == null)
                throw new IllegalArgumentException("the spec has goals; a goal is required per observation");
            obs.add(finalObservation, obsOffset, obsDim);
            if (goal != null) goal.add(finalGoal, goalOffset, goalDim);
            obsRows++;
        }
        closeEpisode(terminated, truncated);
    }

    /** Drops the open episode (for example after a failed rollout). */
    public void abortEpisode() {
        requireOpen();
        obsRows = obsOffsets[episodes];
        steps = stepOffsets[episodes];
        obs.truncate(obsRows * obsDim);
        act.truncate(steps * actDim);
        if (rew != null) rew.truncate(steps);
        if (goal != null) goal.truncate(obsRows * goalDim);
        open = false;
    }

    /** Copies episode {@code e} of {@code source} (which must have the same spec). */
    public void appendEpisode(Dataset source, int e) {
        if (!source.spec().equals(spec))
            throw new IllegalArgumentException("cannot append an episode with spec " + source.spec() + " to a builder with spec " + spec);
        beginEpisode();
        int firstRow = source.episodeFirstObservationRow(e), nObs = source.episodeObservationCount(e);
        int firstStep = source.episodeFirstStep(e), len = source.episodeLength(e);
        obs.add(source.observationData(), firstRow * obsDim, nObs * obsDim);
        if (goal != null) goal.add(source.goalData(), firstRow * goalDim, nObs * goalDim);
        act.add(source.actionData(), firstStep * actDim, len * actDim);
        if (rew != null) rew.add(source.rewardData(), firstStep, len);
        obsRows += nObs;
        steps += len;
        closeEpisode(source.terminated(e), source.truncated(e));
    }

    /** Copies every episode of {@code source}. */
    public void appendAll(Dataset source) {
        for (int e = 0; e < source.numEpisodes(); e++) appendEpisode(source, e);
    }

    public Dataset build() {
        if (open) throw new IllegalStateException("an episode is still open; call endEpisode() before build()");
        obsOffsets[episodes] = obsRows;
        stepOffsets[episodes] = steps;
        return new Dataset(spec, obs.toArray(), act.toArray(), rew == null ? null : rew.toArray(),
                goal == null ? null : goal.toArray(), Arrays.copyOf(obsOffsets, episodes + 1),
                Arrays.copyOf(stepOffsets, episodes + 1), Arrays.copyOf(terminated, episodes),
                Arrays.copyOf(truncated, episodes));
    }

    private void checkRow(double[] observation, double[] goalOfObservation) {
        checkLength("observation", observation.length, obsDim);
        if (goal != null) {
            if (goalOfObservation == null) throw new IllegalArgumentException("the spec has goals; a goal is required per observation");
            checkLength("goal", goalOfObservation.length, goalDim);
        }
    }

    private void addObservationRow(double[] observation, double[] goalOfObservation) {
        checkRow(observation, goalOfObservation);
        for (double v : observation) obs.add((float) v);
        if (goal != null) for (double v : goalOfObservation) goal.add((float) v);
        obsRows++;
    }

    private void closeEpisode(boolean term, boolean trunc) {
        int len = steps - stepOffsets[episodes];
        if (len == 0) throw new IllegalStateException("episode " + episodes + " has no steps");
        terminated[episodes] = term;
        truncated[episodes] = trunc;
        episodes++;
        ensureEpisodeCapacity(episodes + 1);
        obsOffsets[episodes] = obsRows;
        stepOffsets[episodes] = steps;
        open = false;
    }

    private void requireOpen() {
        if (!open) throw new IllegalStateException("no open episode; call beginEpisode() first");
    }

    private static void checkLength(String what, int got, int expected) {
        if (got != expected) throw new IllegalArgumentException(what + " has " + got + " numbers; the spec says " + expected);
    }

    private void ensureEpisodeCapacity(int n) {
        if (n > obsOffsets.length) {
            int cap = Math.max(n, obsOffsets.length * 2);
            obsOffsets = Arrays.copyOf(obsOffsets, cap);
            stepOffsets = Arrays.copyOf(stepOffsets, cap);
            terminated = Arrays.copyOf(terminated, cap);
            truncated = Arrays.copyOf(truncated, cap);
        }
    }
}
