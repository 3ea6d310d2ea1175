package io.il4j.envs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Validated options for one environment: only declared keys are accepted, absent keys take their
 * declared defaults, and a value that does not parse names the environment, key, value and expected
 * type. Immutable and thread-safe.
 */
public final class EnvOptions {
    private final String envId;
    private final Map<String, String> values;

    private EnvOptions(String envId, Map<String, String> values) {
        this.envId = envId;
        this.values = values;
    }

    /** Checks {@code raw} against the declared options and fills in defaults. */
    public static EnvOptions parse(String envId, Map<String, String> raw, List<EnvOption> declared) {
        Map<String, String> values = new LinkedHashMap<>();
        for (EnvOption o : declared) values.put(o.name(), o.defaultValue());
        if (raw != null) {
            for (Map.Entry<String, String> e : raw.entrySet()) {
                String key = e.getKey() == null ? "" : e.getKey().trim().toLowerCase(Locale.ROOT);
                if (!values.containsKey(key))
                    throw new IllegalArgumentException("environment '" + envId + "' has no option '" + e.getKey() + "'; valid options: "
                            + (declared.isEmpty() ? "none" : declared.stream().map(EnvOption::name).collect(Collectors.joining(", "))));
                if (e.getValue() == null || e.getValue().isBlank())
                    throw new IllegalArgumentException("environment '" + envId + "': option '" + key + "' has an empty value");
                values.put(key, e.getValue().trim());
            }
        }
        return new EnvOptions(envId, Map.copyOf(values));
    }

    public String string(String name) {
        String v = values.get(name);
        if (v == null) throw new IllegalArgumentException("environment '" + envId + "' declares no option '" + name + "'");
        return v;
    }

    public int integer(String name) {
        String v = string(name);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("environment '" + envId + "': option '" + name + "' must be an integer, got '" + v + "'");
        }
    }

    public double number(String name) {
        String v = string(name);
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("environment '" + envId + "': option '" + name + "' must be a finite number, got '" + v + "'");
        }
    }

    /** The common {@code max_steps} option. */
    public int maxSteps() {
        return integer("max_steps");
    }

    /** All option values, defaults included. */
    public Map<String, String> values() {
        return values;
    }

    @Override
    public String toString() {
        return envId + values;
    }
}
