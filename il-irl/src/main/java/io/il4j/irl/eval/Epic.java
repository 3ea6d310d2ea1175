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
        int n = mdp.numStates(), m = mdp.numActions();
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

    private static double[] canonical(double[][] r, double gamma) {
        int n = r.length, m = r[0].length;
        // R does not depend on s', so E[R(x, A, S')] = mean_a r[x][a] and E[R(S, A, S')] = mean of all.
        double[] meanA = new double[n];
        double all = 0;
        for (int s = 0; s < n; s++) {
            for (int a = 0; a < m; a++) meanA[s] += r[s][a] / m;
            all += meanA[s] / n;
        }
        double[] c = new double[n * m * n];
        for (int s = 0; s < n; s++)
            for (int a = 0; a < m; a++)
                for (int t = 0; t < n; t++) c[(s * m + a) * n + t] = r[s][a] + gamma * meanA[t] - meanA[s] - gamma * all;
        return c;
    }
}
