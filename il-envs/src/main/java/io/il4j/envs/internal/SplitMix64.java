package io.il4j.envs.internal;

/**
 * A small, fully specified pseudo-random generator (SplitMix64). The environments and behaviour
 * policies use it instead of {@link java.util.Random} so that their streams are fixed by this
 * source alone (shipped datasets reproduce byte for byte on any JDK) and so that reseeding at every
 * {@code reset(seed)} costs nothing. Not thread-safe.
 */
public final class SplitMix64 {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    public SplitMix64(long seed) {
        setSeed(seed);
    }

    /** Restarts the stream; the same seed gives the same sequence. */
    public void setSeed(long seed) {
        // Mix once so that nearby seeds (seed, seed + 1, ...) start far apart.
        state = mix(seed);
    }

    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** Uniform in [low, high). */
    public double uniform(double low, double high) {
        return low + (high - low) * nextDouble();
    }

    /** Uniform integer in [0, n). */
    public int nextInt(int n) {
        if (n <= 0) throw new IllegalArgumentException("bound must be positive, got " + n);
        return (int) ((nextLong() >>> 33) * n >>> 31);
    }

    public boolean nextBoolean() {
        return nextLong() < 0;
    }

    /** The SplitMix64 finalizer: a bijective scramble, also used to derive independent seeds. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A seed for a sub-stream named by {@code salt}, independent of the parent seed's own stream. */
    public static long derive(long seed, long salt) {
        return mix(seed ^ mix(salt + GOLDEN_GAMMA));
    }
}
