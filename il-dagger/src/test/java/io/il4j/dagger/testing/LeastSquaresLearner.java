package io.il4j.dagger.testing;

import io.il4j.core.data.Dataset;
import io.il4j.core.policy.Policy;
import io.il4j.core.policy.PolicyLearner;

/** Test learner: ridge-regularized linear least squares with a bias, solved exactly (milliseconds). */
public final class LeastSquaresLearner implements PolicyLearner {

    @Override
    public Policy fit(Dataset data, long seed, Policy warmStart) {
        int n = data.numSteps(), d = data.observationDim() + 1, m = data.actionDim();
        double[][] xtx = new double[d][d];
        double[][] xty = new double[d][m];
        double[] x = new double[d];
        for (int s = 0; s < n; s++) {
            int row = data.observationRow(s);
            for (int j = 0; j < d - 1; j++) x[j] = data.observation(row, j);
            x[d - 1] = 1;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) xtx[i][j] += x[i] * x[j];
                for (int k = 0; k < m; k++) xty[i][k] += x[i] * data.action(s, k);
            }
        }
        for (int i = 0; i < d; i++) xtx[i][i] += 1e-6;
        double[][] w = solve(xtx, xty);
        return obs -> {
            double[] a = new double[m];
            for (int k = 0; k < m; k++) {
                double v = w[d - 1][k];
                for (int j = 0; j < d - 1; j++) v += w[j][k] * obs[j];
                a[k] = v;
            }
            return a;
        };
    }

    /** Gaussian elimination with partial pivoting on a copy. */
    private static double[][] solve(double[][] a0, double[][] b0) {
        int d = a0.length, m = b0[0].length;
        double[][] a = new double[d][], b = new double[d][];
        for (int i = 0; i < d; i++) {
            a[i] = a0[i].clone();
            b[i] = b0[i].clone();
        }
        for (int c = 0; c < d; c++) {
            int p = c;
            for (int r = c + 1; r < d; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
            double[] t = a[c]; a[c] = a[p]; a[p] = t;
            t = b[c]; b[c] = b[p]; b[p] = t;
            for (int r = c + 1; r < d; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k < d; k++) a[r][k] -= f * a[c][k];
                for (int k = 0; k < m; k++) b[r][k] -= f * b[c][k];
            }
        }
        double[][] x = new double[d][m];
        for (int r = d - 1; r >= 0; r--)
            for (int k = 0; k < m; k++) {
                double v = b[r][k];
                for (int j = r + 1; j < d; j++) v -= a[r][j] * x[j][k];
                x[r][k] = v / a[r][r];
            }
        return x;
    }
}
