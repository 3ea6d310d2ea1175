package io.il4j.core.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Demonstrations in columnar, primitive storage: one {@code float[]} per field plus episode offsets.
 * No object per transition; a dataset costs little more than its raw float32 bytes.
 *
 * <p>Episode convention (as Minari / {@code imitation}): an episode of T steps holds T actions (and
 * rewards) and T+1 observations, the last being the state after the final action. When a source file
 * lacks that final observation the episode holds T observations: every step still serves BC, but the
 * last one has no next state to bootstrap from ({@link #nextObservationRow} returns -1).
 * {@code terminated} marks a true end (no bootstrap), {@code truncated} a time limit.
 *
 * <p>Goals, when present, are stored per observation row (a goal may change within an episode).
 *
 * <p>Immutable after construction (arrays are never exposed for writing); safe to share between threads.
 * Build one with {@link DatasetBuilder}.
 */
public final class Dataset {

    private final DatasetSpec spec;
    private final float[] observations;   // numObservations x obsDim, row-major
    private final float[] actions;        // numSteps x actDim
    private final float[] rewards;        // numSteps, or null
    private final float[] goals;          // numObservations x goalDim, or null
    private final int[] obsOffsets;       // numEpisodes + 1: first observation row of each episode
    private final int[] stepOffsets;      // numEpisodes + 1: first step of each episode
    private final boolean[] terminated;
    private final boolean[] truncated;
    private final int[] stepObsRow;       // per step: its observation row (steps and rows differ by final observations)

    Dataset(DatasetSpec spec, float[] observations, float[] actions, float[] rewards, float[] goals,
            int[] obsOffsets, int[] stepOffsets, boolean[] terminated, boolean[] truncated) {
        this.spec = spec;
        this.observations = observations;
        this.actions = actions;
        this.rewards = rewards;
        this.goals = goals;
        this.obsOffsets = obsOffsets;
        this.stepOffsets = stepOffsets;
        this.terminated = terminated;
        this.truncated = truncated;
        int episodes = terminated.length;
        if (obsOffsets.length != episodes + 1 || stepOffsets.length != episodes + 1 || truncated.length != episodes)
            throw new IllegalArgumentException("episode offsets/flags disagree on the number of episodes");
        int steps = stepOffsets[episodes];
        if (observations.length != obsOffsets[episodes] * spec.observationDim())
            throw new IllegalArgumentException("observation array holds " + observations.length + " floats, expected "
                    + obsOffsets[episodes] + " rows x " + spec.observationDim());
        if (actions.length != steps * spec.actionDim())
            throw new IllegalArgumentException("action array holds " + actions.length + " floats, expected "
                    + steps + " steps x " + spec.actionDim());
        if (spec.hasRewards() != (rewards != null))
            throw new IllegalArgumentException("spec.hasRewards=" + spec.hasRewards() + " but rewards array is "
                    + (rewards == null ? "absent" : "present"));
        if (rewards != null && rewards.length != steps)
            throw new IllegalArgumentException("reward array holds " + rewards.length + " values, expected " + steps);
        if (spec.hasGoals() != (goals != null))
            throw new IllegalArgumentException("spec has " + spec.goalDim() + " goal dims but goal array is "
                    + (goals == null ? "absent" : "present"));
        if (goals != null && goals.length != obsOffsets[episodes] * spec.goalDim())
            throw new IllegalArgumentException("goal array holds " + goals.length + " floats, expected "
                    + obsOffsets[episodes] + " rows x " + spec.goalDim());
        this.stepObsRow = new int[steps];
        for (int e = 0; e < episodes; e++) {
            int len = stepOffsets[e + 1] - stepOffsets[e];
            int nObs = obsOffsets[e + 1] - obsOffsets[e];
            if (nObs != len && nObs != len + 1)
                throw new IllegalArgumentException("episode " + e + " has " + len + " steps but " + nObs
                        + " observations; expected " + len + " or " + (len + 1));
            if (len == 0) throw new IllegalArgumentException("episode " + e + " has no steps");
            for (int t = 0; t < len; t++) stepObsRow[stepOffsets[e] + t] = obsOffsets[e] + t;
        }
    }

    public DatasetSpec spec() {
        return spec;
    }

    public int numEpisodes() {
        return terminated.length;
    }

    /** Total number of steps (actions) over all episodes. */
    public int numSteps() {
        return stepOffsets[stepOffsets.length - 1];
    }

    /** Total number of observation rows (steps plus final observations). */
    public int numObservations() {
        return obsOffsets[obsOffsets.length - 1];
    }

    public int observationDim() {
        return spec.observationDim();
    }

    public int actionDim() {
        return spec.actionDim();
    }

    // ---- episodes -------------------------------------------------------------------------------

    /** Number of steps (actions) of episode {@code e}. */
    public int episodeLength(int e) {
        return stepOffsets[e + 1] - stepOffsets[e];
    }

    public int episodeFirstStep(int e) {
        return stepOffsets[e];
    }

    public int episodeFirstObservationRow(int e) {
        return obsOffsets[e];
    }

    /** Observation rows held by episode {@code e}: its length, plus one when the final observation is present. */
    public int episodeObservationCount(int e) {
        return obsOffsets[e + 1] - obsOffsets[e];
    }

    public boolean hasFinalObservation(int e) {
        return episodeObservationCount(e) == episodeLength(e) + 1;
    }

    public boolean terminated(int e) {
        return terminated[e];
    }

    public boolean truncated(int e) {
        return truncated[e];
    }

    /** Sum of rewards of episode {@code e} (NaN when the data carry no rewards). */
    public double episodeReturn(int e) {
        if (rewards == null) return Double.NaN;
        double r = 0;
        for (int i = stepOffsets[e]; i < stepOffsets[e + 1]; i++) r += rewards[i];
        return r;
    }

    /** The episode a step belongs to (binary search over the offsets). */
    public int episodeOfStep(int step) {
        checkStep(step);
        int i = Arrays.binarySearch(stepOffsets, step);
        if (i >= 0) {
            while (i + 1 < stepOffsets.length && stepOffsets[i + 1] == step) i++; // skip empty (never present)
            return i;
        }
        return -i - 2;
    }

    /** A lightweight view of one episode. */
    public Episode episode(int e) {
        if (e < 0 || e >= numEpisodes()) throw new IndexOutOfBoundsException("episode " + e + " of " + numEpisodes());
        return new Episode(this, e);
    }

    // ---- rows -----------------------------------------------------------------------------------

    /** Observation row of a step. */
    public int observationRow(int step) {
        return stepObsRow[step];
    }

    /**
     * Observation row of the state reached after {@code step}, or -1 when the episode's final
     * observation is missing and this is its last step.
     */
    public int nextObservationRow(int step) {
        int row = stepObsRow[step] + 1;
        int e = episodeOfStep(step);
        return row < obsOffsets[e + 1] ? row : -1;
    }

    /** Whether {@code step} ends its episode by termination (no bootstrapping). */
    public boolean isTerminal(int step) {
        int e = episodeOfStep(step);
        return terminated[e] && step == stepOffsets[e + 1] - 1;
    }

    /** Whether {@code step} is the last step of its episode (terminated, truncated or just cut off). */
    public boolean isLastStepOfEpisode(int step) {
        int e = episodeOfStep(step);
        return step == stepOffsets[e + 1] - 1;
    }

    public float observation(int row, int dim) {
        return observations[row * spec.observationDim() + dim];
    }

    public float action(int step, int dim) {
        return actions[step * spec.actionDim() + dim];
    }

    public float reward(int step) {
        if (rewards == null) throw new IllegalStateException("this dataset has no rewards");
        return rewards[step];
    }

    public float goal(int row, int dim) {
        if (goals == null) throw new IllegalStateException("this dataset has no goals");
        return goals[row * spec.goalDim() + dim];
    }

    /** Copies observation row {@code row} into {@code out} starting at {@code offset}. */
    public void copyObservation(int row, float[] out, int offset) {
        int d = spec.observationDim();
        System.arraycopy(observations, row * d, out, offset, d);
    }

    public void copyAction(int step, float[] out, int offset) {
        int d = spec.actionDim();
        System.arraycopy(actions, step * d, out, offset, d);
    }

    public void copyGoal(int row, float[] out, int offset) {
        if (goals == null) throw new IllegalStateException("this dataset has no goals");
        int d = spec.goalDim();
        System.arraycopy(goals, row * d, out, offset, d);
    }

    public double[] observationAsDouble(int row) {
        int d = spec.observationDim();
        double[] out = new double[d];
        for (int i = 0; i < d; i++) out[i] = observations[row * d + i];
        return out;
    }

    public double[] actionAsDouble(int step) {
        int d = spec.actionDim();
        double[] out = new double[d];
        for (int i = 0; i < d; i++) out[i] = actions[step * d + i];
        return out;
    }

    // ---- bulk read-only access for IO, statistics and samplers (callers must not modify) ---------

    /** The backing observation array (row-major). Read-only by contract: do not modify. */
    public float[] observationData() {
        return observations;
    }

    /** The backing action array (row-major). Read-only by contract: do not modify. */
    public float[] actionData() {
        return actions;
    }

    /** The backing reward array, or null. Read-only by contract: do not modify. */
    public float[] rewardData() {
        return rewards;
    }

    /** The backing goal array, or null. Read-only by contract: do not modify. */
    public float[] goalData() {
        return goals;
    }

    // ---- derived --------------------------------------------------------------------------------

    /** Discounted return-to-go per step, {@code G_t = r_t + gamma G_{t+1}} within each episode. */
    public float[] returnToGo(double gamma) {
        if (rewards == null) throw new IllegalStateException("return-to-go needs rewards; this dataset has none");
        float[] g = new float[numSteps()];
        for (int e = 0; e < numEpisodes(); e++) {
            double acc = 0;
            for (int i = stepOffsets[e + 1] - 1; i >= stepOffsets[e]; i--) {
                acc = rewards[i] + gamma * acc;
                g[i] = (float) acc;
            }
        }
        return g;
    }

    /** The transitions (s, a, r, s', done) of this dataset, as a view. */
    public Transitions transitions() {
        return new Transitions(this);
    }

    /** A new dataset holding the given episodes, in the given order (copies their rows). */
    public Dataset selectEpisodes(int[] episodes) {
        DatasetBuilder b = new DatasetBuilder(spec);
        for (int e : episodes) b.appendEpisode(this, e);
        return b.build();
    }

    /** Bytes held by the arrays of this dataset (for the memory benchmark). */
    public long heapBytes() {
        long floats = observations.length + actions.length + (rewards == null ? 0 : rewards.length)
                + (goals == null ? 0 : goals.length);
        long ints = obsOffsets.length + stepOffsets.length + stepObsRow.length;
        return 4 * floats + 4 * ints + 2L * terminated.length;
    }

    /** SHA-256 over spec and contents: the provenance id stored in policy files. */
    public String contentHash() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(spec.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            hashFloats(md, observations);
            hashFloats(md, actions);
            if (rewards != null) hashFloats(md, rewards);
            if (goals != null) hashFloats(md, goals);
            ByteBuffer bb = ByteBuffer.allocate(4 * (obsOffsets.length + stepOffsets.length) + 2 * terminated.length)
                    .order(ByteOrder.LITTLE_ENDIAN);
            for (int v : obsOffsets) bb.putInt(v);
            for (int v : stepOffsets) bb.putInt(v);
            for (int e = 0; e < terminated.length; e++) {
                bb.put((byte) (terminated[e] ? 1 : 0));
                bb.put((byte) (truncated[e] ? 1 : 0));
            }
            md.update(bb.array());
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void hashFloats(MessageDigest md, float[] a) {
        ByteBuffer bb = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : a) {
            if (!bb.hasRemaining()) {
                md.update(bb.array(), 0, bb.position());
                bb.clear();
            }
            bb.putFloat(v);
        }
        md.update(bb.array(), 0, bb.position());
    }

    private void checkStep(int step) {
        if (step < 0 || step >= numSteps()) throw new IndexOutOfBoundsException("step " + step + " of " + numSteps());
    }

    @Override
    public String toString() {
        return "Dataset[" + numEpisodes() + " episodes, " + numSteps() + " steps, obs " + spec.observationDim()
                + ", " + spec.actionSpace() + (spec.hasGoals() ? ", goal " + spec.goalDim() : "")
                + (spec.hasRewards() ? ", rewards" : "") + "]";
    }

    /** A normalizer fitted on the observation rows of the given steps (training steps only, so validation stays unseen). */
    public Normalizer observationNormalizer(int[] steps, double stdFloor) {
        int[] rows = new int[steps.length];
        for (int i = 0; i < steps.length; i++) rows[i] = observationRow(steps[i]);
        return Normalizer.fit(observationData(), observationDim(), rows, stdFloor);
    }

    /** A normalizer fitted on the (continuous) actions of the given steps. */
    public Normalizer actionNormalizer(int[] steps, double stdFloor) {
        if (spec().actionSpace().isDiscrete())
            throw new IllegalArgumentException("discrete actions are indices and are not normalized");
        return Normalizer.fit(actionData(), actionDim(), steps, stdFloor);
    }
}
