package io.il4j.core.env;

import java.util.ArrayList;
import java.util.List;

/**
 * An environment with a goal per episode (sampled at reset). The observation does not include the
 * goal; goal-conditioned policies receive {@code concat(observation, desiredGoal())}.
 */
public interface GoalEnv extends Env {

    int goalDim();

    /**
     * Names of the goal components, recorded as the dataset's goal names. A goal component that is matched
     * against an observation dimension is named {@code goal_<observation name>}: goal-conditioned BC then
     * relabels it from that dimension without being told which dims form the achieved goal. The default,
     * {@code goal_0 .. goal_{goalDim-1}}, names no observation.
     */
    default List<String> goalNames() {
        List<String> names = new ArrayList<>(goalDim());
        for (int i = 0; i < goalDim(); i++) names.add("goal_" + i);
        return List.copyOf(names);
    }

    /** The goal of the current episode. */
    double[] desiredGoal();

    /** What the current state achieves, in goal space (used for hindsight relabeling). */
    double[] achievedGoal();

    /** Overrides the goal of the current episode (after {@link #reset}). */
    void setDesiredGoal(double[] goal);

    /** Whether the achieved goal is within the success threshold of the desired goal. */
    boolean isSuccess();
}
