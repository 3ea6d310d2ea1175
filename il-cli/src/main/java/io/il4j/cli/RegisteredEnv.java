package io.il4j.cli;

import io.il4j.core.cluster.EnvSource;
import io.il4j.core.env.Env;
import io.il4j.envs.Envs;

import java.util.Map;

/** A registered environment by id and options, built wherever a cluster task runs ({@code --env ID -o key=value}). */
record RegisteredEnv(String envId, Map<String, String> options) implements EnvSource {

    RegisteredEnv {
        options = Map.copyOf(options);
    }

    @Override
    public Env newEnv() {
        return Envs.make(envId, options);
    }
}
