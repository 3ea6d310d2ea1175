package io.il4j.core.io.internal;

import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.space.ActionSpace;

/**
 * Gives a dataset another action space of the same storage dim (a discrete n known only after reading every
 * row). {@link Dataset} has no spec-changing view, so the rows are copied once. Stateless; thread-safe.
 */
public final class DatasetRespec {

    private DatasetRespec() {
    }

    public static Dataset withActionSpace(Dataset source, ActionSpace space) {
        if (space.storageDim() != source.actionDim())
            throw new IllegalArgumentException("action space " + space + " stores " + space.storageDim()
                    + " numbers per action; the dataset stores " + source.actionDim());
        DatasetBuilder b = new DatasetBuilder(source.spec().withActionSpace(space));
        float[] obs = source.observationData(), goals = source.goalData();
        for (int e = 0; e < source.numEpisodes(); e++) {
            int row = source.episodeFirstObservationRow(e), len = source.episodeLength(e);
            EpisodeAppender.append(b, obs, goals, row, source.actionData(), source.rewardData(), source.episodeFirstStep(e),
                    len, source.hasFinalObservation(e) ? obs : null, goals, row + len, source.terminated(e),
                    source.truncated(e));
        }
        return b.build();
    }
}
