package io.il4j.envs;

import io.il4j.core.env.Env;
import io.il4j.core.env.VectorEnv;
import io.il4j.envs.internal.SerialVectorEnv;

import java.util.Map;
import java.util.function.Supplier;

/** Builds {@link VectorEnv}s. Thread-safe; the vector environments themselves are not. */
public final class VectorEnvs {

    private VectorEnvs() {
    }

    /**
     * {@code n} copies from {@code factory}, stepped one after another on the calling thread.
     * Seeding: copy {@code i}'s k-th episode (k = 0 at {@link VectorEnv#reset}) is reset with seed
     * {@code seed + i + k n}, so copy i sees exactly the episodes of an independent environment reset
     * with those seeds, whatever the other copies do.
     */
    public static VectorEnv of(Supplier<? extends Env> factory, int n) {
        return new SerialVectorEnv(factory, n);
    }

    /** {@code n} copies of a registered environment built with {@code options}. */
    public static VectorEnv of(String id, Map<String, String> options, int n) {
        EnvOptions parsed = Envs.options(id, options);
        EnvProvider provider = Envs.provider(id);
        return of(() -> provider.make(parsed), n);
    }
}
