package io.il4j.dagger.internal;

/**
 * Least-squares line through (log x, log y): the exponent of a power law y ≈ c·x^slope. Points with
 * non-positive or non-finite y are left out (log undefined); fewer than two points give NaN.
 */
public final class LogLog {
    public record Fit(double slope, double intercept, double rSquared, int points) {
    }

    private LogLog() {
    }

    public static Fit fit(double[] x, double[] y) {
        if (x.length != y.length) throw new IllegalArgumentException(x.length + " x values but " + y.length + " y values");
        int n = 0;
        double sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] > 0) || !(y[i] > 0) || !Double.isFinite(y[i]) || !Double.isFinite(x[i])) continue;
            double lx = Math.log(x[i]), ly = Math.log(y[i]);
            n++;
            sx += lx;
            sy += ly;
            sxx += lx * lx;
            sxy += lx * ly;
            syy += ly * ly;
        }
        if (n < 2) return new Fit(Double.NaN, Double.NaN, Double.NaN, n);
        double vx = sxx - sx * sx / n, vy = syy - sy * sy / n, cxy = sxy - sx * sy / n;
        if (vx <= 0) return new Fit(Double.NaN, Double.NaN, Double.NaN, n);
        double slope = cxy / vx;
        double intercept = (sy - slope * sx) / n;
        double r2 = vy <= 0 ? 1.0 : cxy * cxy / (vx * vy);
        return new Fit(slope, intercept, r2, n);
    }
}
