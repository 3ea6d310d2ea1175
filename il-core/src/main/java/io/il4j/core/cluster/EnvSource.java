package io.il4j.core.cluster;

import io.il4j.core.env.Env;

import java.io.Serializable;

/**
 * How a task builds its environment on whichever machine it runs (environments themselves do not travel): a registered
 * environment's id and options, or a user's factory class name. Implementations are small immutable records.
 */
@FunctionalInterface
public interface EnvSource extends Serializable {

    /** A new environment instance, stepped by one thread. */
    Env newEnv();
}
