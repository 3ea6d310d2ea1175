package io.il4j.irl.tabular;

import io.il4j.core.data.Dataset;
import io.il4j.core.space.Discrete;

import java.util.function.ToIntFunction;

/**
 * Demonstrations as state and action indices of a tabular MDP: per episode, {@code states[e][t]} and
 * {@code actions[e][t]} for its {@code T_e} steps. Immutable after construction.
 */
public record TabularDemonstrations(int[][] states, int[][] actions, int numStates, int numActions) {

    public TabularDemonstrations {
        if (states.length == 0) throw new IllegalArgumentException("demonstrations hold no episode");
        if (states.length != actions.length)
            throw new IllegalArgumentException(states.length + " state sequences but " + actions.length + " action sequences");
        for (int e = 0; e < states.length; e++) {
            if (states[e].length == 0 || states[e].length != actions[e].length)
                throw new IllegalArgumentException("episode " + e + " has " + states[e].length + " states and "
                        + actions[e].length + " actions; expected the same positive number");
            for (int t = 0; t < states[e].length; t++) {
                if (states[e][t] < 0 || states[e][t] >= numStates)
                    throw new IllegalArgumentException("episode " + e + " step " + t + ": state " + states[e][t]
                            + " outside [0, " + (numStates - 1) + "]");
                if (actions[e][t] < 0 || actions[e][t] >= numActions)
                    throw new IllegalArgumentException("episode " + e + " step " + t + ": action " + actions[e][t]
                            + " outside [0, " + (numActions - 1) + "]");
            }
        }
    }

    /**
     * The steps of a dataset with a discrete action space (its recorded action count may be smaller than the MDP's
     * when the expert never used the last actions), states read from observations by {@code stateOf}
     * (which throws {@link IllegalArgumentException} for an observation that is no state).
     */
    public static TabularDemonstrations fromDataset(Dataset data, ToIntFunction<double[]> stateOf, int numStates, int numActions) {
        if (!(data.spec().actionSpace() instanceof Discrete))
            throw new IllegalArgumentException("tabular IRL needs a discrete action space, got " + data.spec().actionSpace());
        int[][] s = new int[data.numEpisodes()][], a = new int[data.numEpisodes()][];
        for (int e = 0; e < data.numEpisodes(); e++) {
            int len = data.episodeLength(e), first = data.episodeFirstStep(e);
            s[e] = new int[len];
            a[e] = new int[len];
            for (int t = 0; t < len; t++) {
                s[e][t] = stateOf.applyAsInt(data.observationAsDouble(data.observationRow(first + t)));
                a[e][t] = (int) data.action(first + t, 0);
            }
        }
        return new TabularDemonstrations(s, a, numStates, numActions);
    }

    public int numEpisodes() {
        return states.length;
    }

    public int maxLength() {
        int m = 0;
        for (int[] e : states) m = Math.max(m, e.length);
        return m;
    }

    /** How often each state is visited, over all steps. */
    public int[] stateCounts() {
        int[] c = new int[numStates];
        for (int[] e : states) for (int s : e) c[s]++;
        return c;
    }

    /** The most frequent action per state, or -1 where the demonstrations never visit it. */
    public int[] majorityActions() {
        int[][] c = new int[numStates][numActions];
        for (int e = 0; e < states.length; e++)
            for (int t = 0; t < states[e].length; t++) c[states[e][t]][actions[e][t]]++;
        int[] out = new int[numStates];
        for (int s = 0; s < numStates; s++) {
            int best = -1, bestCount = 0;
            for (int a = 0; a < numActions; a++) if (c[s][a] > bestCount) { best = a; bestCount = c[s][a]; }
            out[s] = best;
        }
        return out;
    }
}
