package io.il4j.core.mdp;

/**
 * Discounted (hard) value iteration on an exact model: {@code Q(s,a) = r(s,a) + gamma sum_s' P(s'|s,a) V(s')},
 * {@code V(s) = max_a Q(s,a)}, to a sup-norm change below {@code 1e-12}; the greedy policy breaks ties towards the
 * lowest action index (an action must beat the best so far by more than rounding). Stateless; thread-safe.
 */
public final class ValueIteration {
    private ValueIteration() {
    }

    /** State values, action values and the greedy policy. */
    public record Solution(double[] values, double[][] qValues, int[] policy) {
    }

    /** Solves for the reward {@code r[s][a]} under transitions {@code p[s][a][s']}. */
    public static Solution solve(double[][][] p, double[][] reward, double gamma) {
        if (!(gamma >= 0 && gamma < 1)) throw new IllegalArgumentException("gamma must be in [0, 1), got " + gamma);
        int n = reward.length, m = reward[0].length;
        double[] v = new double[n];
        double[][] q = new double[n][m];
        for (int iter = 0; iter < 100_000; iter++) {
            double change = 0;
            double[] nv = new double[n];
            for (int s = 0; s < n; s++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < m; a++) {
                    double ev = 0;
                    for (int t = 0; t < n; t++) ev += p[s][a][t] * v[t];
                    q[s][a] = reward[s][a] + gamma * ev;
                    best = Math.max(best, q[s][a]);
                }
                nv[s] = best;
                change = Math.max(change, Math.abs(nv[s] - v[s]));
            }
            v = nv;
            if (change < 1e-12) break;
        }
        int[] policy = new int[n];
        for (int s = 0; s < n; s++) {
            int best = 0;
            for (int a = 1; a < m; a++) if (q[s][a] > q[s][best] + 1e-9) best = a;
            policy[s] = best;
        }
        return new Solution(v, q, policy);
    }
}
