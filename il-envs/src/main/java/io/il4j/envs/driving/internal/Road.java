package io.il4j.envs.driving.internal;

import io.il4j.envs.driving.DrivingConfig;
import io.il4j.envs.driving.RoadSegment;

import java.util.SplittableRandom;

/**
 * The road's curvature profile kappa(s), precomputed on a 1 m grid over one loop of {@code roadLength} and
 * interpolated linearly, so a lookup is a few arithmetic operations. Immutable, thread-safe.
 */
public final class Road {

    private static final double MIN_STRAIGHT = 60, MAX_STRAIGHT = 250, MIN_ARC = 80, MAX_ARC = 300;

    private final double length;
    private final double invCell;
    /** kappa at grid nodes 0..n, node n equal to node 0 (the loop closes). */
    private final double[] kappa;

    private Road(double length, double[] nodes) {
        this.length = length;
        int n = nodes.length;
        this.invCell = n / length;
        this.kappa = new double[n + 1];
        System.arraycopy(nodes, 0, kappa, 0, n);
        kappa[n] = nodes[0];
    }

    /** The road of {@code config}: its fixed layout, or a random one drawn from {@code seed}. */
    public static Road build(DrivingConfig config, long seed) {
        int n = (int) Math.max(1, Math.round(config.roadLength()));
        double cell = config.roadLength() / n;
        double[] nodes = new double[n];
        if (config.roadSegments().isEmpty()) fillRandom(nodes, cell, config.minCurveRadius(), new SplittableRandom(seed));
        else fillFixed(nodes, cell, config);
        smoothCircular(nodes, (int) Math.round(config.curveTransitionLength() / cell));
        return new Road(config.roadLength(), nodes);
    }

    private static void fillFixed(double[] nodes, double cell, DrivingConfig config) {
        int seg = 0;
        double segEnd = config.roadSegments().get(0).length();
        for (int i = 0; i < nodes.length; i++) {
            double s = i * cell;
            while (s >= segEnd && seg < config.roadSegments().size() - 1) segEnd += config.roadSegments().get(++seg).length();
            nodes[i] = config.roadSegments().get(seg).curvature();
        }
    }

    /** Alternating straights and arcs of random length, radius and direction. */
    private static void fillRandom(double[] nodes, double cell, double minRadius, SplittableRandom rng) {
        boolean arc = rng.nextBoolean();
        int i = 0;
        while (i < nodes.length) {
            double len, k;
            if (arc) {
                len = MIN_ARC + rng.nextDouble() * (MAX_ARC - MIN_ARC);
                // curvature uniform between 1/(4 minRadius) and 1/minRadius
                k = (0.25 + 0.75 * rng.nextDouble()) / minRadius * (rng.nextBoolean() ? 1 : -1);
            } else {
                len = MIN_STRAIGHT + rng.nextDouble() * (MAX_STRAIGHT - MIN_STRAIGHT);
                k = 0;
            }
            int end = Math.min(nodes.length, i + Math.max(1, (int) Math.round(len / cell)));
            for (; i < end; i++) nodes[i] = k;
            arc = !arc;
        }
    }

    /**
     * Circular moving average over {@code window} nodes: turns each step in curvature into a linear ramp of
     * that length (curvature linear in s is a clothoid).
     */
    private static void smoothCircular(double[] nodes, int window) {
        int n = nodes.length;
        if (window < 2) return;
        window = Math.min(window, n);
        int half = window / 2;
        // prefix[j]: sum of the j nodes starting at node (-half mod n), walking round the loop, so the window
        // of node i, [i - half, i - half + window), is prefix[i + window] - prefix[i]
        double[] prefix = new double[n + window + 1];
        int k = Math.floorMod(-half, n);
        for (int j = 0; j < n + window; j++) {
            prefix[j + 1] = prefix[j] + nodes[k];
            if (++k == n) k = 0;
        }
        for (int i = 0; i < n; i++) nodes[i] = (prefix[i + window] - prefix[i]) / window;
    }

    /** Length of one loop, m. */
    public double length() {
        return length;
    }

    /** {@code s} wrapped into [0, length). */
    public double wrap(double s) {
        if (s >= length) {
            s -= length;
            if (s >= length) s -= length * Math.floor(s / length);
        } else if (s < 0) {
            s += length;
            if (s < 0) s -= length * Math.floor(s / length);
        }
        return s;
    }

    /** {@code ds} wrapped into [-length/2, length/2): the signed along-road distance on the loop. */
    public double signedDistance(double ds) {
        double half = 0.5 * length;
        if (ds >= half) ds -= length;
        else if (ds < -half) ds += length;
        return ds;
    }

    /** Curvature at {@code s} (any value; wrapped onto the loop), 1/m, positive to the left. */
    public double curvature(double s) {
        double x = wrap(s) * invCell;
        int i = (int) x;
        if (i >= kappa.length - 1) i = kappa.length - 2; // s a hair below length rounding up
        double f = x - i;
        return kappa[i] + f * (kappa[i + 1] - kappa[i]);
    }
}
