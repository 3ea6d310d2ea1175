package io.il4j.irl.eval;

import io.il4j.core.mdp.TabularMdp;

/**
 * Pearson correlation between a recovered and a true reward after the best potential shaping, on the MDP's own
 * transitions. IQ-Learn's reward {@code Q(s,a) - gamma V(s')} equals a (scaled) soft-optimal expert's true reward plus
 * a shaping {@code gamma E[Phi(s')] - Phi(s)} only where {@code s'} is a successor of {@code (s, a)}; EPIC evaluates
 * rewards at independent {@code S'} and so also scores transitions the dynamics never produce (measured: a
 * soft-optimal GridWorld expert imitated to a mean KL of 0.003 still gets EPIC 0.26). Here the expected rewards
 * {@code r[s][a]} are compared directly: {@code Phi} (one value per state) and a scale are fitted by least
 * squares over every state-action pair, {@code r_rec(s,a) ~ c r_true(s,a) + gamma sum_s' P(s'|s,a) Phi(s') - Phi(s)} (a constant {@code Phi} is the
 * offset), and the result is the Pearson correlation of {@code r_rec - shaping} with {@code r_true}.
 * 1 = equal up to shaping and positive scale. The fit has {@code |S| + 1} parameters for {@code |S| |A|} points, so
 * an unrelated reward also gains; compare with one (see the tests). Stateless.
 */
public final class ShapedCorrelation {
    private ShapedCorrelation() {
    }

    /** Over every state-action pair, equally weighted. */
    public static double pearson(TabularMdp mdp, double[][] recovered, double[][] truth, double gamma) {
        int n = mdp.numStates(), m = mdp.numActions(), k = n + 1;
        double[][][] p = mdp.transitionMatrix();
        // Normal equations of the least squares over the columns [r_true, shaping basis of Phi(0..n-1)].
        double[][] ata = new double[k][k];
        double[] aty = new double[k];
        double[][] rows = new double[n * m][k];
        for (int s = 0; s < n; s++)
            for (int a = 0; a < m; a++) {
                double[] row = rows[s * m + a];
                shapingRow(p, s, a, truth[s][a], gamma, row);
                for (int i = 0; i < k; i++) {
                    aty[i] += row[i] * recovered[s][a];
                    for (int j = 0; j < k; j++) ata[i][j] += row[i] * row[j];
                }
            }
        // A state no transition leads into leaves its Phi nearly free: a tiny ridge pins it.
        for (int i = 0; i < k; i++) ata[i][i] += 1e-9 * (1 + ata[i][i]);
        double[] beta = solve(ata, aty);
        double[] x = new double[n * m], y = new double[n * m];
        for (int s = 0; s < n; s++)
            for (int a = 0; a < m; a++) {
                double[] row = rows[s * m + a];
                double shaping = 0;
                for (int j = 1; j < k; j++) shaping += beta[j] * row[j];
                x[s * m + a] = recovered[s][a] - shaping;
                y[s * m + a] = truth[s][a];
            }
        return Correlation.pearson(x, y);
    }

    /** {@code [r_true, d/dPhi_0 .. d/dPhi_{n-1}]} of {@code gamma sum_s' P(s'|s,a) Phi(s') - Phi(s)}. */
    private static void shapingRow(double[][][] p, int s, int a, double truth, double gamma, double[] row) {
        row[0] = truth;
        for (int t = 0; t < p.length; t++) row[1 + t] = gamma * p[s][a][t];
        row[1 + s] -= 1;
    }

    /** Gaussian elimination with partial pivoting of a small symmetric positive definite system. */
    private static double[] solve(double[][] a, double[] b) {
        int k = b.length;
        double[][] m = new double[k][];
        for (int i = 0; i < k; i++) m[i] = a[i].clone();
        double[] x = b.clone();
        for (int c = 0; c < k; c++) {
            int piv = c;
            for (int r = c + 1; r < k; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
            double[] tr = m[c]; m[c] = m[piv]; m[piv] = tr;
            double tx = x[c]; x[c] = x[piv]; x[piv] = tx;
            for (int r = c + 1; r < k; r++) {
                double f = m[r][c] / m[c][c];
                if (f == 0) continue;
                for (int j = c; j < k; j++) m[r][j] -= f * m[c][j];
                x[r] -= f * x[c];
            }
        }
        for (int r = k - 1; r >= 0; r--) {
            double sum = x[r];
            for (int j = r + 1; j < k; j++) sum -= m[r][j] * x[j];
            x[r] = sum / m[r][r];
        }
        return x;
    }
}
