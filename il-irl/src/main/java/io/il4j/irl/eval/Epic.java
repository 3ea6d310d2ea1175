package io.il4j.irl.eval;

import io.il4j.core.mdp.TabularMdp;

/**
 * EPIC distance (Gleave et al., ICLR 2021) between two rewards of a {@link TabularMdp}. Each reward
 * {@code R(s, a, s')} is canonicalized,
 * {@code C(R)(s,a,s') = R(s,a,s') + E[gamma R(s', A, S') - R(s, A, S') - gamma R(S, A, S')]} with
 * {@code S, S'} uniform over states and {@code A} uniform over actions, which removes potential shaping;
 * the distance is the Pearson distance {@code sqrt((1 - rho) / 2)} of the canonical rewards over the
 * coverage distribution {@code s, a} uniform, {@code s' ~ P(. | s, a)}. 0 = equivalent up to shaping and
 * positive scale, 1 = opposite. Stateless.
 */
public final class Epic {
    private Epic() {
    }

    /** EPIC distance between two state-action rewards {@code r[s][a]} (independent of {@code s'}). */
    public static double distance(TabularMdp mdp, double[][] r1, double[][] r2, double gamma) {
        return distance(mdp, lift(r1, mdp.numStates()), lift(r2, mdp.numStates()), gamma);
    }

    /**
     * EPIC distance between two transition rewards {@code r[s][a][s']}, defined for every {@code s'} (not only the
     * successors the dynamics allow): canonicalization evaluates them at independent {@code S'}, which is what makes
     * a potential shaping {@code gamma Phi(s') - Phi(s)} cancel. A shaped reward tabulated as its expectation over the
     * successor, {@code r[s][a]}, is no longer a shaping of anything there; give such rewards in this form.
     */
    public static double distance(TabularMdp mdp, double[][][] r1, double[][][] r2, double gamma) {
        int n = mdp.numStates(), m = mdp.numActions();
        check(r1, n, m);
        check(r2, n, m);
        double[][][] p = mdp.transitionMatrix();
        double[] c1 = canonical(r1, gamma), c2 = canonical(r2, gamma);
        // Coverage: (s, a, s') with weight P(s'|s,a) / (n m); canonical rewards indexed [(s*m+a)*n+s'].
        double[] w = new double[n * m * n];
        for (int s = 0; s < n; s++)
            for (int a = 0; a < m; a++)
                for (int t = 0; t < n; t++) w[(s * m + a) * n + t] = p[s][a][t];
        double rho = Correlation.weightedPearson(c1, c2, w);
        if (Double.isNaN(rho)) throw new IllegalArgumentException("EPIC is undefined when a reward is constant after canonicalization");
        return Math.sqrt(Math.max(0, (1 - rho) / 2));
    }

    /** EPIC distance between a transition reward {@code r1[s][a][s']} and a state-action reward {@code r2[s][a]}. */
    public static double distance(TabularMdp mdp, double[][][] r1, double[][] r2, double gamma) {
        return distance(mdp, r1, lift(r2, mdp.numStates()), gamma);
    }

    private static double[][][] lift(double[][] r, int n) {
        double[][][] out = new double[r.length][r[0].length][n];
        for (int s = 0; s < r.length; s++)
            for (int a = 0; a < r[s].length; a++) java.util.Arrays.fill(out[s][a], r[s][a]);
        return out;
    }

    private static void check(double[][][] r, int n, int m) {
        if (r.length != n || r[0].length != m || r[0][0].length != n)
            throw new IllegalArgumentException("reward table is " + r.length + "x" + r[0].length + "x" + r[0][0].length
                    + "; the MDP needs " + n + "x" + m + "x" + n);
    }

    private static double[] canonical(double[][][] r, double gamma) {
        int n = r.length, m = r[0].length;
        // E[R(x, A, S')] with A and S' uniform, and E[R(S, A, S')] its mean over x.
        double[] mean = new double[n];
        double all = 0;
        for (int s = 0; s < n; s++) {
            for (int a = 0; a < m; a++)
                for (int t = 0; t < n; t++) mean[s] += r[s][a][t] / (m * n);
            all += mean[s] / n;
        }
        double[] c = new double[n * m * n];
        for (int s = 0; s < n; s++)
            for (int a = 0; a < m; a++)
                for (int t = 0; t < n; t++) c[(s * m + a) * n + t] = r[s][a][t] + gamma * mean[t] - mean[s] - gamma * all;
        return c;
    }
}
