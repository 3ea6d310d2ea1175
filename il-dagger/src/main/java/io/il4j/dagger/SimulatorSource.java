package io.il4j.dagger;

import io.il4j.core.cluster.EnvSource;
import io.il4j.core.policy.ExpertOracle;

/** A simulator and its expert oracle, built wherever a DAgger rollout task runs (by name or class name; they do not travel). */
public interface SimulatorSource extends EnvSource {

    /** A new expert oracle for environments from {@link #newEnv()}, queried by one thread. */
    ExpertOracle newExpert();
}
