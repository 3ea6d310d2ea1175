package io.il4j.core.mdp;

/**
 * A finite Markov decision process with an exact model, for tabular methods (MaxEnt IRL, soft value
 * iteration, reward evaluation by EPIC): states {@code 0 .. numStates-1}, actions {@code 0 .. numActions-1},
 * transition probabilities {@code P(s' | s, a)}, state features {@code phi(s)}, the true state reward
 * {@code r(s)} (collected in the state the action is taken from), the start distribution, and the episode
 * horizon of the environment it models.
 *
 * <p>Implementations are immutable and thread-safe; arrays returned are fresh copies the caller may modify.
 */
public interface TabularMdp {

    int numStates();

    int numActions();

    /** {@code P(s' | s, a)}. */
    double transitionProbability(int state, int action, int nextState);

    /** The full transition tensor {@code P[s][a][s']}; each {@code P[s][a]} sums to 1. */
    default double[][][] transitionMatrix() {
        int n = numStates(), m = numActions();
        double[][][] p = new double[n][m][n];
        for (int s = 0; s < n; s++)
            for (int a = 0; a < m; a++)
                for (int t = 0; t < n; t++) p[s][a][t] = transitionProbability(s, a, t);
        return p;
    }

    int numFeatures();

    /** The feature vector {@code phi(s)} ({@link #numFeatures()} numbers). */
    double[] features(int state);

    /** Features of every state, {@code [numStates][numFeatures]}. */
    default double[][] featureMatrix() {
        double[][] f = new double[numStates()][];
        for (int s = 0; s < f.length; s++) f[s] = features(s);
        return f;
    }

    /** The true reward {@code r(s)}. */
    double reward(int state);

    /** {@code r(s)} for every state. */
    default double[] rewards() {
        double[] r = new double[numStates()];
        for (int s = 0; s < r.length; s++) r[s] = reward(s);
        return r;
    }

    /** The start-state distribution (sums to 1). */
    double[] startDistribution();

    /** Steps per episode of the environment this model describes (its time limit). */
    int horizon();
}
