package io.il4j.envs.internal;

import io.il4j.core.env.Env;
import io.il4j.core.env.EnvSpec;
import io.il4j.core.env.StepResult;
import io.il4j.core.env.VectorEnv;

import java.util.function.Supplier;

/** {@link VectorEnv} over N environments stepped in sequence; see {@code VectorEnvs.of}. Not thread-safe. */
public final class SerialVectorEnv implements VectorEnv {
    private final Env[] envs;
    private final EnvSpec spec;
    private final int obsDim;
    private final long[] episodes;          // episodes started per copy
    private final double[][] finalObs;
    private final boolean[] endedLastStep;
    private long seed;
    private boolean started;

    public SerialVectorEnv(Supplier<? extends Env> factory, int n) {
        if (n < 1) throw new IllegalArgumentException("a vector environment needs n >= 1 copies, got " + n);
        if (factory == null) throw new IllegalArgumentException("environment factory must not be null");
        envs = new Env[n];
        for (int i = 0; i < n; i++) {
            envs[i] = factory.get();
            if (envs[i] == null) throw new IllegalArgumentException("environment factory returned null for copy " + i);
            if (i > 0 && envs[i] == envs[0])
                throw new IllegalArgumentException("environment factory must return a new instance per copy; it returned the same one twice");
        }
        spec = envs[0].spec();
        obsDim = spec.observationDim();
        episodes = new long[n];
        finalObs = new double[n][];
        endedLastStep = new boolean[n];
    }

    @Override
    public int numEnvs() {
        return envs.length;
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public void reset(long seed, double[][] obsOut) {
        checkRows("obsOut", obsOut);
        this.seed = seed;
        for (int i = 0; i < envs.length; i++) {
            episodes[i] = 0;
            endedLastStep[i] = false;
            copyObservation(envs[i].reset(episodeSeed(i)), obsOut, i);
        }
        started = true;
    }

    @Override
    public void step(double[][] actions, double[][] obsOut, double[] rewards, boolean[] terminated, boolean[] truncated) {
        if (!started) throw new IllegalStateException("step() called before reset(seed, obsOut)");
        checkRows("actions", actions);
        checkRows("obsOut", obsOut);
        checkLength("rewards", rewards == null ? -1 : rewards.length);
        checkLength("terminated", terminated == null ? -1 : terminated.length);
        checkLength("truncated", truncated == null ? -1 : truncated.length);
        for (int i = 0; i < envs.length; i++) {
            StepResult r = envs[i].step(actions[i]);
            rewards[i] = r.reward();
            terminated[i] = r.terminated();
            truncated[i] = r.truncated();
            endedLastStep[i] = r.done();
            if (r.done()) {
                finalObs[i] = r.observation();
                episodes[i]++;
                copyObservation(envs[i].reset(episodeSeed(i)), obsOut, i);
            } else {
                copyObservation(r.observation(), obsOut, i);
            }
        }
    }

    /** The last observation of copy i's episode that ended in the latest step (throws if it did not end). */
    @Override
    public double[] finalObservation(int i) {
        if (i < 0 || i >= envs.length) throw new IndexOutOfBoundsException("copy " + i + " of " + envs.length);
        if (!endedLastStep[i]) throw new IllegalStateException("copy " + i + " did not end an episode in the latest step");
        return finalObs[i].clone();
    }

    private long episodeSeed(int i) {
        return seed + i + episodes[i] * envs.length;
    }

    private void copyObservation(double[] obs, double[][] out, int i) {
        System.arraycopy(obs, 0, out[i], 0, obsDim);
    }

    private void checkRows(String name, double[][] rows) {
        checkLength(name, rows == null ? -1 : rows.length);
        int expected = name.equals("actions") ? spec.actionSpace().storageDim() : obsDim;
        for (int i = 0; i < rows.length; i++)
            if (rows[i] == null || rows[i].length != expected)
                throw new IllegalArgumentException(name + "[" + i + "] must hold " + expected + " numbers, got "
                        + (rows[i] == null ? "null" : rows[i].length));
    }

    private void checkLength(String name, int length) {
        if (length != envs.length)
            throw new IllegalArgumentException(name + " must have one entry per copy (" + envs.length + "), got "
                    + (length < 0 ? "null" : length));
    }
}
