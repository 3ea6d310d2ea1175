package io.il4j.offline;

import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.data.DatasetSpec;
import io.il4j.core.space.Box;
import io.il4j.core.space.Discrete;

import java.util.List;
import java.util.Random;

/** Small synthetic datasets with rewards for the offline RL tests. */
final class OfflineTestData {
    private OfflineTestData() {
    }

    /** Random walks in 3 dims with 2-dim actions in [-2, 2] x [0, 1], reward -|obs|; the last episode truncated, the others terminated. */
    static Dataset continuous(int episodes, int length, long seed) {
        Box box = new Box(new double[]{-2, 0}, new double[]{2, 1});
        DatasetBuilder b = new DatasetBuilder(new DatasetSpec(List.of("o0", "o1", "o2"), box, List.of("a0", "a1"), List.of(), true));
        Random r = new Random(seed);
        for (int e = 0; e < episodes; e++) {
            b.beginEpisode();
            double[] o = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            for (int t = 0; t < length; t++) {
                double[] a = {4 * r.nextDouble() - 2, r.nextDouble()};
                b.addStep(o.clone(), a, -Math.abs(o[0]) - 0.1 * a[1]);
                o[0] = 0.9 * o[0] + 0.1 * a[0];
                o[1] = 0.9 * o[1] + 0.3 * r.nextGaussian();
                o[2] = 0.5 * a[1] + 0.2 * r.nextGaussian();
            }
            b.endEpisode(o.clone(), e < episodes - 1, e == episodes - 1);
        }
        return b.build();
    }

    /** Random walks in 2 dims with 3 discrete actions, reward 1 when the action matches the sign pattern. */
    static Dataset discrete(int episodes, int length, long seed) {
        DatasetBuilder b = new DatasetBuilder(new DatasetSpec(List.of("o0", "o1"), new Discrete(3), List.of("a"), List.of(), true));
        Random r = new Random(seed);
        for (int e = 0; e < episodes; e++) {
            b.beginEpisode();
            double[] o = {r.nextGaussian(), r.nextGaussian()};
            for (int t = 0; t < length; t++) {
                int a = r.nextInt(3);
                b.addStep(o.clone(), new double[]{a}, a == (o[0] > 0 ? 2 : 0) ? 1 : 0);
                o[0] = 0.8 * o[0] + 0.5 * r.nextGaussian();
                o[1] = 0.8 * o[1] + 0.5 * r.nextGaussian();
            }
            b.endEpisode(o.clone(), e % 2 == 0, e % 2 == 1);
        }
        return b.build();
    }
}
