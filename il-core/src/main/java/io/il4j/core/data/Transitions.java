package io.il4j.core.data;

/**
 * The transitions (s, a, r, s', done) of a {@link Dataset} that have a next state, as a view: index
 * {@code i} maps to a global step; nothing is copied. Steps whose episode lacks its final observation
 * lose only their last step here (it has no s').
 */
public final class Transitions {
    private final Dataset data;
    private final int[] steps; // steps with a next observation row

    Transitions(Dataset data) {
        this.data = data;
        int n = 0;
        for (int s = 0; s < data.numSteps(); s++) if (data.nextObservationRow(s) >= 0) n++;
        steps = new int[n];
        int k = 0;
        for (int s = 0; s < data.numSteps(); s++) if (data.nextObservationRow(s) >= 0) steps[k++] = s;
    }

    public Dataset dataset() {
        return data;
    }

    public int size() {
        return steps.length;
    }

    /** Global step index of transition {@code i}. */
    public int step(int i) {
        return steps[i];
    }

    public int observationRow(int i) {
        return data.observationRow(steps[i]);
    }

    public int nextObservationRow(int i) {
        return data.nextObservationRow(steps[i]);
    }

    public float reward(int i) {
        return data.reward(steps[i]);
    }

    /** True when s' is terminal (no bootstrapping); false for time-limit truncation and mid-episode steps. */
    public boolean done(int i) {
        return data.isTerminal(steps[i]);
    }
}
