package io.il4j.core.metrics;

/**
 * Least-squares line through {@code (log x, log y)}: {@code y ~ exp(intercept) * x^slope}. The slope of a
 * cost-versus-horizon curve says how errors compound: about 1 when they add up linearly (DAgger's
 * guarantee), about 2 when they compound quadratically (behavioral cloning's worst case).
 * Natural logarithms. Immutable; thread-safe.
 *
 * @param slope     exponent of the power law
 * @param intercept log of the prefactor
 * @param rSquared  coefficient of determination of the fit in log space (1 for an exact power law)
 * @param n         number of points used
 */
public record LogLogFit(double slope, double intercept, double rSquared, int n) {

    /**
     * Fits {@code log y = intercept + slope log x}.
     *
     * @throws IllegalArgumentException when the arrays differ in length, hold fewer than two points, a
     *                                  value is not finite and positive, or all x are equal
     */
    public static LogLogFit fit(double[] x, double[] y) {
        if (x == null || y == null) throw new IllegalArgumentException("x and y must not be null");
        if (x.length != y.length)
            throw new IllegalArgumentException("x has " + x.length + " values but y has " + y.length);
        int n = x.length;
        if (n < 2) throw new IllegalArgumentException("a log-log fit needs at least 2 points, got " + n);
        double[] lx = new double[n], ly = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(x[i] > 0 && Double.isFinite(x[i])))
                throw new IllegalArgumentException("x[" + i + "] = " + x[i] + "; a log-log fit needs finite positive values");
            if (!(y[i] > 0 && Double.isFinite(y[i])))
                throw new IllegalArgumentException("y[" + i + "] = " + y[i] + "; a log-log fit needs finite positive values");
            lx[i] = Math.log(x[i]);
            ly[i] = Math.log(y[i]);
        }
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += lx[i];
            my += ly[i];
        }
        mx /= n;
        my /= n;
        double sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = lx[i] - mx, dy = ly[i] - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        if (sxx == 0) throw new IllegalArgumentException("all x values are equal (" + x[0] + "); the slope is undefined");
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        // all y equal: the horizontal line explains everything there is
        double r2 = syy == 0 ? 1 : (sxy * sxy) / (sxx * syy);
        return new LogLogFit(slope, intercept, r2, n);
    }

    /** The fitted power law at {@code x}. */
    public double predict(double x) {
        return Math.exp(intercept) * Math.pow(x, slope);
    }
}
