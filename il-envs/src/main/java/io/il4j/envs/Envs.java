package io.il4j.envs;

import io.il4j.core.env.Env;
import io.il4j.core.policy.ExpertOracle;
import io.il4j.core.policy.Policy;
import io.il4j.envs.driving.DrivingProviders;
import io.il4j.envs.internal.ClassicProviders;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of il4j's environments by id: build one from string options (as given on the command
 * line), get its expert oracle or a behaviour-tier policy, list ids with one-line descriptions.
 * Built in, in registration order: {@code cartpole}, {@code pendulum}, {@code pointmass},
 * {@code pointmass-obstacle}, {@code gridworld}, {@code driving}, {@code driving-goal} ({@code EnvsTest}
 * checks this list against {@link #ids()}). Thread-safe.
 */
public final class Envs {

    private static final Map<String, EnvProvider> PROVIDERS = new LinkedHashMap<>();

    static {
        ClassicProviders.all().forEach(Envs::register);
        DrivingProviders.all().forEach(Envs::register);
    }

    private Envs() {
    }

    /** Adds an environment (e.g. a user's own simulator) under its id; ids must be unique. */
    public static synchronized void register(EnvProvider provider) {
        if (provider == null) throw new IllegalArgumentException("provider must not be null");
        String id = provider.id();
        if (id == null || id.isBlank()) throw new IllegalArgumentException("an environment id must not be blank");
        if (PROVIDERS.containsKey(id)) throw new IllegalArgumentException("an environment with id '" + id + "' is already registered");
        PROVIDERS.put(id, provider);
    }

    /** Registered ids in registration order. */
    public static synchronized List<String> ids() {
        return List.copyOf(PROVIDERS.keySet());
    }

    /** Registered providers in registration order. */
    public static synchronized List<EnvProvider> providers() {
        return List.copyOf(PROVIDERS.values());
    }

    /** The provider of {@code id}; an unknown id is an error that lists the valid ones. */
    public static synchronized EnvProvider provider(String id) {
        EnvProvider p = id == null ? null : PROVIDERS.get(id.trim());
        if (p == null)
            throw new IllegalArgumentException("unknown environment '" + id + "'; valid environments: " + String.join(", ", PROVIDERS.keySet()));
        return p;
    }

    /** Parses and validates options for {@code id} (unknown keys and unparsable values are errors). */
    public static EnvOptions options(String id, Map<String, String> options) {
        EnvProvider p = provider(id);
        return EnvOptions.parse(p.id(), options, p.options());
    }

    public static Env make(String id) {
        return make(id, Map.of());
    }

    public static Env make(String id, Map<String, String> options) {
        return provider(id).make(options(id, options));
    }

    /** The stateless expert oracle (for goal environments its input is {@code concat(observation, goal)}). */
    public static ExpertOracle expert(String id, Map<String, String> options) {
        return provider(id).expert(options(id, options));
    }

    public static ExpertOracle expert(String id) {
        return expert(id, Map.of());
    }

    /**
     * The behaviour policy of {@code tier} (see {@link BehaviourTier#parse}) for {@code env}, which must
     * be made by {@link #make} with the same id and options.
     */
    public static Policy behaviour(String id, String tier, Env env, Map<String, String> options, long seed) {
        return behaviour(id, BehaviourTier.parse(tier), env, options, seed);
    }

    public static Policy behaviour(String id, BehaviourTier tier, Env env, Map<String, String> options, long seed) {
        if (!env.spec().id().equals(provider(id).id()))
            throw new IllegalArgumentException("behaviour for '" + id + "' requested on a '" + env.spec().id() + "' environment");
        return provider(id).behaviour(tier, env, options(id, options), seed);
    }

    /**
     * Per id in registration order: its description followed by its options with defaults, for help
     * screens that lay out (and wrap) the two columns themselves.
     */
    public static synchronized Map<String, String> descriptions() {
        Map<String, String> out = new LinkedHashMap<>();
        for (EnvProvider p : PROVIDERS.values()) {
            StringBuilder sb = new StringBuilder(p.description());
            List<String> opts = new ArrayList<>();
            for (EnvOption o : p.options()) opts.add(o.name() + "=" + o.defaultValue());
            if (!opts.isEmpty()) sb.append(" [options: ").append(String.join(", ", opts)).append(']');
            out.put(p.id(), sb.toString());
        }
        return out;
    }
}
