package io.il4j.core.cluster;

import java.io.Serializable;

/**
 * A piece of work named so that it can run on another machine: everything it needs travels in its (serializable)
 * fields — names, seeds, file paths, policy-file bytes — never live objects such as environments or networks. It must
 * give the same result wherever it runs, which is what makes a {@link Cluster}'s results equal to a local run's.
 *
 * @param <R> the result, serializable so that it comes back to the driver as it is
 */
@FunctionalInterface
public interface ClusterTask<R extends Serializable> extends Serializable {

    /** Does the work. Bad input should throw {@link IllegalArgumentException} naming the file, line and column. */
    R run() throws Exception;
}
