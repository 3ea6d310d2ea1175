package io.il4j.core.data;

/** A view of one episode of a {@link Dataset}; holds no data of its own. */
public final class Episode {
    private final Dataset data;
    private final int index;

    Episode(Dataset data, int index) {
        this.data = data;
        this.index = index;
    }

    public int index() {
        return index;
    }

    /** Number of steps (actions). */
    public int length() {
        return data.episodeLength(index);
    }

    public boolean terminated() {
        return data.terminated(index);
    }

    public boolean truncated() {
        return data.truncated(index);
    }

    public boolean hasFinalObservation() {
        return data.hasFinalObservation(index);
    }

    /** Observation at local time {@code t} (0..length, the last only when the final observation is present). */
    public double[] observation(int t) {
        if (t < 0 || t >= data.episodeObservationCount(index))
            throw new IndexOutOfBoundsException("t=" + t + " in an episode with " + data.episodeObservationCount(index) + " observations");
        return data.observationAsDouble(data.episodeFirstObservationRow(index) + t);
    }

    public double[] action(int t) {
        checkStep(t);
        return data.actionAsDouble(data.episodeFirstStep(index) + t);
    }

    public double reward(int t) {
        checkStep(t);
        return data.reward(data.episodeFirstStep(index) + t);
    }

    /** Global step index of local step {@code t}. */
    public int step(int t) {
        checkStep(t);
        return data.episodeFirstStep(index) + t;
    }

    public double totalReturn() {
        return data.episodeReturn(index);
    }

    private void checkStep(int t) {
        if (t < 0 || t >= length()) throw new IndexOutOfBoundsException("step " + t + " of an episode of length " + length());
    }
}
