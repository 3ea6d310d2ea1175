package io.il4j.envs.pointmass;

import io.il4j.core.policy.ExpertOracle;

/**
 * The {@link PointMassEnv} expert: straight to the goal at full speed, landing exactly on it.
 * Its input is {@code concat(observation, goal) = (x, y, goal_x, goal_y)} (the goal-conditioned
 * form; wrap it in {@link io.il4j.core.env.GoalConditionedPolicy} to run it in the environment).
 * Stateless and thread-safe.
 */
public final class PointMassExpert implements ExpertOracle {

    @Override
    public double[] act(double[] observationAndGoal) {
        double[] out = new double[2];
        act(observationAndGoal, out);
        return out;
    }

    @Override
    public void act(double[] observationAndGoal, double[] actionOut) {
        PlanarMotion.checkObservation("pointmass expert", observationAndGoal, 4, "(x, y, goal_x, goal_y)");
        double[] o = observationAndGoal;
        PlanarMotion.headTowards(o[0], o[1], o[2], o[3], PointMassEnv.STEP_LENGTH, true, actionOut);
    }
}
