package io.il4j.core.space;

/**
 * The space an action lives in. Continuous actions are a {@link Box}; discrete ones a
 * {@link Discrete}, whose action is carried as a single number (the index) wherever actions
 * are stored as {@code double[]}/{@code float[]}. Serializable, so that options holding one (CSV action
 * bounds) can travel to other machines (il-spark).
 */
public sealed interface ActionSpace extends java.io.Serializable permits Box, Discrete {

    /** Number of numbers one action occupies in storage: the box dimension, or 1 for discrete. */
    int storageDim();

    /** True for {@link Discrete}. */
    default boolean isDiscrete() {
        return this instanceof Discrete;
    }

    /**
     * Checks one action and throws {@link InvalidActionException} naming what is wrong:
     * wrong length, NaN/Inf, or (discrete) a non-integer or out-of-range index.
     * Bounds of a {@link Box} are not enforced here: environments document whether they clip.
     */
    void validate(double[] action);
}
