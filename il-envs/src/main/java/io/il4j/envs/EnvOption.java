package io.il4j.envs;

/**
 * One option an environment accepts in {@link Envs#make(String, java.util.Map)} (shown by {@code --help}).
 * Immutable; thread-safe.
 *
 * @param name         key, e.g. {@code max_steps}
 * @param defaultValue the value used when the option is absent, as text
 * @param description  one line: meaning, unit, accepted range
 */
public record EnvOption(String name, String defaultValue, String description) {
    public EnvOption {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("option name must not be blank");
    }

    /** The common time-limit option, with an environment's default. */
    public static EnvOption maxSteps(int defaultValue) {
        return new EnvOption("max_steps", Integer.toString(defaultValue), "time limit in steps (episode truncated), >= 1");
    }
}
