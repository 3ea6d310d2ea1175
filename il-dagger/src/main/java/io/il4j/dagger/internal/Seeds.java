package io.il4j.dagger.internal;

import java.util.SplittableRandom;

/**
 * Derives independent seeds from a master seed and a path of integers (round, episode, purpose) with
 * the SplitMix64 finalizer, so what round k draws does not depend on what earlier rounds drew: a
 * resumed run repeats an uninterrupted one.
 */
public final class Seeds {
    /** Purposes, mixed in as the last path element. */
    public static final int ROLLOUT = 1, COIN = 2, LEARNER = 3, EVALUATION = 4, NOISE = 5, FINAL = 6;

    private Seeds() {
    }

    public static long derive(long seed, long... path) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (long p : path) h = mix(h ^ mix(p + 0x632BE59BD9B4E019L));
        return h;
    }

    public static SplittableRandom random(long seed, long... path) {
        return new SplittableRandom(derive(seed, path));
    }

    /** Seed handed to {@code Env.reset} for rollout {@code episode} of round {@code round}; non-negative. */
    public static long episodeSeed(long seed, int round, int episode) {
        return derive(seed, round, episode, ROLLOUT) >>> 1;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
