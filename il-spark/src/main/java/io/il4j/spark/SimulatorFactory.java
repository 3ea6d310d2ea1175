package io.il4j.spark;

import io.il4j.core.env.Env;
import io.il4j.core.policy.ExpertOracle;

/**
 * A user's own simulator, built on each Spark executor: the implementing class must be public, have a public
 * no-argument constructor and be on the executors' classpath (in the job jar, or passed with {@code --jars}).
 * Each executor task calls {@link #newEnv()} once and steps that env on one thread.
 */
public interface SimulatorFactory {

    /** A new environment instance. */
    Env newEnv();

    /** The expert oracle DAgger queries on the executors; by default the simulator has none. */
    default ExpertOracle newExpert() {
        throw new UnsupportedOperationException(getClass().getName() + " does not override newExpert(): "
                + "DAgger needs a queryable expert oracle on the executors");
    }
}
