package io.il4j.core.nn;

/** Steps the parameters of one {@link Trainable} from its current gradients. Not thread-safe. */
public interface Optimizer {

    /** One update from {@link Trainable#gradients()}; the parameters change in place. */
    void step();

    /** Updates taken so far. */
    long iterations();
}
