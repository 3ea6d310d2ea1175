package io.il4j.core.env;

/**
 * N copies of an environment stepped in one call (for throughput). Copy {@code i} is reset with seed
 * {@code seed + i}. When a copy's episode ends during {@link #step}, it is reset at once (seeded from
 * a counter, deterministic) and {@code obsOut[i]} holds the first observation of the new episode; the
 * last observation of the ended episode is available from {@link #finalObservation(int)} until the next step.
 */
public interface VectorEnv {

    int numEnvs();

    EnvSpec spec();

    /** Resets all copies; fills {@code obsOut[i]} with copy i's first observation. */
    void reset(long seed, double[][] obsOut);

    void step(double[][] actions, double[][] obsOut, double[] rewards, boolean[] terminated, boolean[] truncated);

    double[] finalObservation(int i);
}
