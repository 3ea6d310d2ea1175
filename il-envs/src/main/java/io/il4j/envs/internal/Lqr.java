package io.il4j.envs.internal;

/**
 * Discrete-time LQR for a single-input linear system {@code x' = A x + B u}: iterates the Riccati
 * equation to its fixed point and returns the gain {@code K} of {@code u = -K x}. With one input the
 * only inverse needed is a scalar, so no matrix library is involved. Used offline by the experts
 * (once per class), not on the step path.
 */
public final class Lqr {

    private Lqr() {
    }

    /**
     * @param a n x n state matrix
     * @param b n input column
     * @param q n x n state cost (symmetric, positive semi-definite)
     * @param r input cost (positive)
     */
    public static double[] gain(double[][] a, double[] b, double[][] q, double r) {
        int n = b.length;
        double[][] p = copy(q);
        double[] k = new double[n];
        for (int iter = 0; iter < 100_000; iter++) {
            double[] pb = mulVec(p, b);                         // P B
            double s = r + dot(b, pb);                          // R + B'PB
            double[] bpa = new double[n];                       // B'PA
            for (int j = 0; j < n; j++) for (int i = 0; i < n; i++) bpa[j] += pb[i] * a[i][j];
            for (int j = 0; j < n; j++) k[j] = bpa[j] / s;
            double[][] pa = mul(p, a);
            double[][] next = new double[n][n];
            double change = 0;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) {
                    double atpa = 0;
                    for (int l = 0; l < n; l++) atpa += a[l][i] * pa[l][j];
                    next[i][j] = q[i][j] + atpa - bpa[i] * k[j];
                    change = Math.max(change, Math.abs(next[i][j] - p[i][j]) / (1 + Math.abs(p[i][j])));
                }
            // Keep P exactly symmetric: the update assumes it, and rounding asymmetry otherwise grows.
            for (int i = 0; i < n; i++)
                for (int j = i + 1; j < n; j++) next[i][j] = next[j][i] = 0.5 * (next[i][j] + next[j][i]);
            p = next;
            if (change < 1e-11) return k;
        }
        throw new IllegalStateException("Riccati iteration did not converge (system not stabilizable?)");
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) c[i] = m[i].clone();
        return c;
    }

    private static double[] mulVec(double[][] m, double[] v) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) out[i] = dot(m[i], v);
        return out;
    }

    private static double[][] mul(double[][] x, double[][] y) {
        int n = x.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++)
            for (int l = 0; l < n; l++)
                for (int j = 0; j < n; j++) out[i][j] += x[i][l] * y[l][j];
        return out;
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += x[i] * y[i];
        return s;
    }
}
