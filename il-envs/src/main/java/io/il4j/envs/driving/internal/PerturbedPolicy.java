package io.il4j.envs.driving.internal;

import io.il4j.core.policy.Policy;
import io.il4j.core.space.Box;

import java.util.SplittableRandom;

/**
 * A policy acting through noise: with probability {@code epsilon} a uniform random action from the box,
 * otherwise the inner policy's action plus Gaussian noise of std {@code noiseStd[i]} per dimension,
 * clipped to the box. With {@code epsilon = 1} it is the uniform random policy. The random stream is seeded
 * once and continues across episodes ({@link #reset()} keeps it), so a sequence of episodes is reproducible
 * from the seed. Not thread-safe.
 */
public final class PerturbedPolicy implements Policy {

    private final Policy inner;
    private final Box box;
    private final double[] noiseStd;
    private final double epsilon;
    private final SplittableRandom rng;

    public PerturbedPolicy(Policy inner, Box box, double[] noiseStd, double epsilon, long seed) {
        if (noiseStd.length != box.dim())
            throw new IllegalArgumentException("noiseStd has " + noiseStd.length + " entries for a " + box.dim() + "-dim action box");
        if (!(epsilon >= 0 && epsilon <= 1)) throw new IllegalArgumentException("epsilon must be in [0, 1], got " + epsilon);
        if (inner == null && epsilon < 1) throw new IllegalArgumentException("an inner policy is needed unless epsilon = 1");
        this.inner = inner;
        this.box = box;
        this.noiseStd = noiseStd.clone();
        this.epsilon = epsilon;
        this.rng = new SplittableRandom(seed);
    }

    @Override
    public double[] act(double[] observation) {
        double[] out = new double[box.dim()];
        act(observation, out);
        return out;
    }

    @Override
    public void act(double[] observation, double[] out) {
        if (epsilon >= 1 || rng.nextDouble() < epsilon) {
            for (int i = 0; i < out.length; i++) out[i] = box.low(i) + rng.nextDouble() * (box.high(i) - box.low(i));
            return;
        }
        inner.act(observation, out);
        for (int i = 0; i < out.length; i++) out[i] += noiseStd[i] * gaussian();
        box.clip(out);
    }

    @Override
    public void reset() {
        if (inner != null) inner.reset();
    }

    /** Standard normal draw (Box-Muller on the seeded stream; SplittableRandom has no nextGaussian in Java 17). */
    private double gaussian() {
        double u = 1 - rng.nextDouble(); // (0, 1]
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
