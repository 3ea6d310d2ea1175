package io.il4j.core.space;

import java.util.Optional;

/** Compatibility of a policy's action space with an environment's. Stateless; thread-safe. */
public final class ActionSpaces {

    private ActionSpaces() {
    }

    /**
     * Why actions of {@code policy}'s space cannot drive an environment of {@code env}'s space, or empty when they
     * can: the kinds (Box or Discrete) and the sizes must agree. Box bounds may differ (a policy's bounds come from
     * its data, and the environment clips or validates what it receives).
     */
    public static Optional<String> mismatch(ActionSpace policy, ActionSpace env) {
        if (policy instanceof Discrete p && env instanceof Discrete e)
            return p.n() == e.n() ? Optional.empty()
                    : Optional.of("the policy chooses among " + p.n() + " discrete actions, the environment has " + e.n());
        if (policy instanceof Box p && env instanceof Box e)
            return p.dim() == e.dim() ? Optional.empty()
                    : Optional.of("the policy outputs " + p.dim() + "-dim continuous actions, the environment takes " + e.dim());
        return Optional.of("the policy's actions are " + kind(policy) + ", the environment's are " + kind(env));
    }

    private static String kind(ActionSpace s) {
        return s instanceof Discrete d ? "discrete (" + d.n() + " choices)" : "continuous (" + ((Box) s).dim() + "-dim Box)";
    }
}
