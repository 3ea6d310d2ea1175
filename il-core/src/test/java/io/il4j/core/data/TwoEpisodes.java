package io.il4j.core.data;

import io.il4j.core.space.Box;

import java.util.List;

/**
 * The hand-made dataset the data-layer tests reason about:
 * <pre>
 * episode 0: 3 steps, final observation present (rows 0..3), terminated   steps 0,1,2
 * episode 1: 2 steps, final observation missing (rows 4..5), truncated    steps 3,4
 * observation of row r = (10 e + t, -t) for episode e, local time t; action = 10 e + t + 0.5;
 * reward = 10 e + t + 1
 * </pre>
 */
public final class TwoEpisodes {
    public static final DatasetSpec SPEC = new DatasetSpec(List.of("x", "y"), Box.uniform(1, -100, 100), List.of("a"), List.of(), true);

    private TwoEpisodes() {
    }

    static double[] obs(int e, int t) {
        return new double[]{10 * e + t, -t};
    }

    public static Dataset build() {
        DatasetBuilder b = new DatasetBuilder(SPEC);
        b.beginEpisode();
        for (int t = 0; t < 3; t++) b.addStep(obs(0, t), new double[]{t + 0.5}, t + 1);
        b.endEpisode(obs(0, 3), true, false);
        b.beginEpisode();
        for (int t = 0; t < 2; t++) b.addStep(obs(1, t), new double[]{10 + t + 0.5}, 10 + t + 1);
        b.endEpisode(null, false, true);
        return b.build();
    }
}
