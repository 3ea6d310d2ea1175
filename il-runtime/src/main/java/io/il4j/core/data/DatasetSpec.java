package io.il4j.core.data;

import io.il4j.core.space.ActionSpace;

import java.util.List;

/**
 * What travels with a dataset: observation names (their count is the observation dim), the action
 * space and action column names, goal names (empty when the data carry no goals) and whether rewards
 * exist. Algorithms check it and fail fast naming the mismatch.
 */
public record DatasetSpec(List<String> observationNames, ActionSpace actionSpace, List<String> actionNames,
                          List<String> goalNames, boolean hasRewards) {

    /**
     * Name prefixes of observation, action and goal columns ({@code obs_x}, {@code act_0}, {@code goal_speed}): the
     * CSV format's defaults, and how a goal name points at the observation it is achieved in ({@code goal_<observation name>}).
     */
    public static final String OBS_PREFIX = "obs_", ACT_PREFIX = "act_", GOAL_PREFIX = "goal_";


    public DatasetSpec {
        observationNames = List.copyOf(observationNames);
        actionNames = List.copyOf(actionNames);
        goalNames = goalNames == null ? List.of() : List.copyOf(goalNames);
        if (observationNames.isEmpty()) throw new IllegalArgumentException("a dataset needs at least one observation column");
        if (actionNames.size() != actionSpace.storageDim())
            throw new IllegalArgumentException(actionNames.size() + " action names for an action space of storage dim "
                    + actionSpace.storageDim() + " (" + actionSpace + ")");
    }

    public int observationDim() {
        return observationNames.size();
    }

    /** Numbers per stored action: the box dim, or 1 for a discrete index. */
    public int actionDim() {
        return actionSpace.storageDim();
    }

    public int goalDim() {
        return goalNames.size();
    }

    public boolean hasGoals() {
        return !goalNames.isEmpty();
    }

    public DatasetSpec withActionSpace(ActionSpace space) {
        return new DatasetSpec(observationNames, space, actionNames, goalNames, hasRewards);
    }
}
