package io.il4j.irl.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Pearson and Spearman correlation of paired samples. Stateless. */
public final class Correlation {
    private Correlation() {
    }

    /** Pearson's r; NaN when fewer than two pairs or either side is constant. */
    public static double pearson(double[] x, double[] y) {
        return weightedPearson(x, y, null);
    }

    /** Pearson's r with non-negative weights per pair (null = equal weights). */
    public static double weightedPearson(double[] x, double[] y, double[] w) {
        if (x.length != y.length) throw new IllegalArgumentException("correlation of " + x.length + " and " + y.length + " numbers");
        if (x.length < 2) return Double.NaN;
        double sw = 0, mx = 0, my = 0;
        for (int i = 0; i < x.length; i++) {
            double wi = w == null ? 1 : w[i];
            sw += wi;
            mx += wi * x[i];
            my += wi * y[i];
        }
        mx /= sw;
        my /= sw;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            double wi = w == null ? 1 : w[i], dx = x[i] - mx, dy = y[i] - my;
            sxy += wi * dx * dy;
            sxx += wi * dx * dx;
            syy += wi * dy * dy;
        }
        if (sxx <= 0 || syy <= 0) return Double.NaN;
        return sxy / Math.sqrt(sxx * syy);
    }

    /** Spearman's rho: Pearson's r of the ranks (ties get their mean rank). */
    public static double spearman(double[] x, double[] y) {
        return pearson(ranks(x), ranks(y));
    }

    static double[] ranks(double[] x) {
        Integer[] order = IntStream.range(0, x.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> x[i]));
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; ) {
            int j = i;
            while (j + 1 < x.length && x[order[j + 1]] == x[order[i]]) j++;
            double mean = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) r[order[k]] = mean;
            i = j + 1;
        }
        return r;
    }
}
