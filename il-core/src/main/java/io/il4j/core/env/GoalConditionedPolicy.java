package io.il4j.core.env;

import io.il4j.core.policy.Policy;

/**
 * Adapts a policy trained on {@code concat(observation, goal)} to a {@link GoalEnv}: appends the
 * environment's current desired goal to each observation. Not thread-safe (bound to one env).
 */
public final class GoalConditionedPolicy implements Policy {
    private final Policy inner;
    private final GoalEnv env;

    public GoalConditionedPolicy(Policy goalConditioned, GoalEnv env) {
        this.inner = goalConditioned;
        this.env = env;
    }

    @Override
    public double[] act(double[] observation) {
        double[] g = env.desiredGoal();
        double[] x = new double[observation.length + g.length];
        System.arraycopy(observation, 0, x, 0, observation.length);
        System.arraycopy(g, 0, x, observation.length, g.length);
        return inner.act(x);
    }

    @Override
    public void reset() {
        inner.reset();
    }
}
