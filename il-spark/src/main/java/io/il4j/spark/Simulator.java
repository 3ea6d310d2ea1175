package io.il4j.spark;

import io.il4j.core.env.Env;
import io.il4j.core.policy.ExpertOracle;
import io.il4j.dagger.SimulatorSource;
import io.il4j.envs.Envs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which simulator the executors build, as a name that travels (environments are not serializable): either a
 * registered environment id with its options ({@link Envs}), or the class name of a user's
 * {@link SimulatorFactory}. Immutable; thread-safe.
 *
 * @param envId        registered environment id, or null when {@code factoryClass} is given
 * @param options      options of the registered environment (empty for a factory)
 * @param factoryClass fully qualified name of a {@link SimulatorFactory}, or null
 */
public record Simulator(String envId, Map<String, String> options, String factoryClass) implements SimulatorSource {

    public Simulator {
        if ((envId == null) == (factoryClass == null))
            throw new IllegalArgumentException("a simulator is either an environment id or a SimulatorFactory class name, exactly one of them");
        options = options == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(options));
    }

    /** A registered environment (see {@link Envs#ids()}); the options are validated here, on the driver. */
    public static Simulator registered(String envId, Map<String, String> options) {
        Envs.options(envId, options == null ? Map.of() : options);
        return new Simulator(envId, options, null);
    }

    /** A user's simulator: {@code factory} must have a public no-argument constructor. */
    public static Simulator factory(Class<? extends SimulatorFactory> factory) {
        Simulator s = new Simulator(null, Map.of(), factory.getName());
        s.newFactory(); // fail on the driver, not on an executor
        return s;
    }

    @Override
    public Env newEnv() {
        return envId != null ? Envs.make(envId, options) : newFactory().newEnv();
    }

    @Override
    public ExpertOracle newExpert() {
        return envId != null ? Envs.expert(envId, options) : newFactory().newExpert();
    }

    private SimulatorFactory newFactory() {
        Class<?> c;
        try {
            c = Class.forName(factoryClass, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("simulator factory class " + factoryClass + " is not on the classpath "
                    + "(on a cluster: put it in the job jar or pass it with --jars)", e);
        }
        if (!SimulatorFactory.class.isAssignableFrom(c))
            throw new IllegalArgumentException(factoryClass + " does not implement " + SimulatorFactory.class.getName());
        try {
            return (SimulatorFactory) c.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("simulator factory " + factoryClass + " needs a public no-argument constructor", e);
        }
    }

    @Override
    public String toString() {
        return envId != null ? envId + (options.isEmpty() ? "" : " " + options) : factoryClass;
    }
}
