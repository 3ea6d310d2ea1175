package io.il4j.core.env;

/**
 * An environment with a goal per episode (sampled at reset). The observation does not include the
 * goal; goal-conditioned policies receive {@code concat(observation, desiredGoal())}.
 */
public interface GoalEnv extends Env {

    int goalDim();

    /** The goal of the current episode. */
    double[] desiredGoal();

    /** What the current state achieves, in goal space (used for hindsight relabeling). */
    double[] achievedGoal();

    /** Overrides the goal of the current episode (after {@link #reset}). */
    void setDesiredGoal(double[] goal);

    /** Whether the achieved goal is within the success threshold of the desired goal. */
    boolean isSuccess();
}
