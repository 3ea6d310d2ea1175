package io.il4j.core.io.internal;

import io.il4j.core.data.DatasetBuilder;

/**
 * Appends one episode held in flat row-major arrays (as NPZ, HDF5 and a dataset's own storage hold them) to a
 * {@link DatasetBuilder}, without per-row allocation. Stateless; thread-safe.
 */
public final class EpisodeAppender {

    private EpisodeAppender() {
    }

    /**
     * @param obs       observations, row-major, {@code obsDim} floats per row; rows {@code firstRow .. firstRow+len-1}
     *                  are the states the {@code len} steps were taken in
     * @param goals     goals per observation row (same rows as {@code obs}), or null when the spec has none
     * @param act       actions, row-major; steps {@code firstStep .. firstStep+len-1}
     * @param rewards   rewards per step, or null
     * @param finalObs  array holding the final observation at row {@code finalRow}, or null when it is missing
     * @param finalGoals array holding the final observation's goal at row {@code finalRow}, or null
     */
    public static void append(DatasetBuilder b, float[] obs, float[] goals, int firstRow, float[] act, float[] rewards,
                              int firstStep, int len, float[] finalObs, float[] finalGoals, int finalRow,
                              boolean terminated, boolean truncated) {
        int od = b.spec().observationDim(), ad = b.spec().actionDim(), gd = b.spec().goalDim();
        b.beginEpisode();
        for (int t = 0; t < len; t++) {
            int row = firstRow + t, step = firstStep + t;
            b.addStep(obs, row * od, goals, row * gd, act, step * ad, rewards == null ? 0f : rewards[step]);
        }
        if (finalObs == null) b.endEpisode(null, 0, null, 0, terminated, truncated);
        else b.endEpisode(finalObs, finalRow * od, finalGoals, finalRow * gd, terminated, truncated);
    }
}
