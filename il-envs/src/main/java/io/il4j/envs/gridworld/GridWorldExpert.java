package io.il4j.envs.gridworld;

import io.il4j.core.policy.ExpertOracle;

/**
 * The optimal policy of a {@link GridWorldEnv}, by discounted value iteration on its exact model
 * ({@code gamma} {@value #DEFAULT_GAMMA} by default; ties broken towards the lowest action index).
 * Reads the state from the observation alone. Immutable and thread-safe.
 */
public final class GridWorldExpert implements ExpertOracle {

    public static final double DEFAULT_GAMMA = 0.95;

    private final GridWorldMdp mdp;
    private final GridWorldEnv.Encoding encoding;
    private final GridWorldMdp.Solution solution;

    public GridWorldExpert(GridWorldEnv env) {
        this(env.mdp(), env.encoding(), DEFAULT_GAMMA);
    }

    public GridWorldExpert(GridWorldMdp mdp, GridWorldEnv.Encoding encoding, double gamma) {
        this.mdp = mdp;
        this.encoding = encoding;
        this.solution = mdp.valueIteration(gamma);
    }

    public GridWorldMdp.Solution solution() {
        return solution;
    }

    @Override
    public double[] act(double[] observation) {
        return new double[]{solution.action(GridWorldEnv.stateOf(mdp, encoding, observation))};
    }

    @Override
    public void act(double[] observation, double[] actionOut) {
        actionOut[0] = solution.action(GridWorldEnv.stateOf(mdp, encoding, observation));
    }
}
