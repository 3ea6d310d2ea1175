package io.il4j.core.env;

import io.il4j.core.space.ActionSpace;

import java.util.List;

/**
 * What an environment declares about itself.
 *
 * @param id               short name, e.g. {@code "driving"}
 * @param observationNames one name per observation dimension (these become CSV column names)
 * @param actionSpace      the action space
 * @param actionNames      one name per stored action number
 * @param maxEpisodeSteps  time limit after which an episode is truncated
 */
public record EnvSpec(String id, List<String> observationNames, ActionSpace actionSpace,
                      List<String> actionNames, int maxEpisodeSteps) {
    public EnvSpec {
        observationNames = List.copyOf(observationNames);
        actionNames = List.copyOf(actionNames);
        if (observationNames.isEmpty()) throw new IllegalArgumentException("an environment needs at least one observation dim");
        if (actionNames.size() != actionSpace.storageDim())
            throw new IllegalArgumentException(actionNames.size() + " action names for an action space of storage dim "
                    + actionSpace.storageDim());
        if (maxEpisodeSteps < 1) throw new IllegalArgumentException("maxEpisodeSteps must be >= 1, got " + maxEpisodeSteps);
    }

    public int observationDim() {
        return observationNames.size();
    }
}
