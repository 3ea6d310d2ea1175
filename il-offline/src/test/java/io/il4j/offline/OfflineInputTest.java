package io.il4j.offline;

import io.il4j.core.train.TrainingListener;
import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.data.DatasetSpec;
import io.il4j.core.space.Box;
import io.il4j.offline.internal.OfflineData;
import io.il4j.offline.internal.CqlRecorder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Datasets offline RL cannot use are refused with one clear message; diverging critics stop the run. */
class OfflineInputTest {

    private static final CqlConfig TINY = CqlConfig.builder().hiddenSizes(List.of(8)).batchSize(4).steps(2).evalInterval(1).build();

    private static Dataset withoutRewards() {
        DatasetBuilder b = new DatasetBuilder(new DatasetSpec(List.of("o"), Box.uniform(1, -1, 1), List.of("a"), List.of(), false));
        b.beginEpisode();
        for (int t = 0; t < 5; t++) b.addStep(new double[]{t}, new double[]{0}, 0);
        b.endEpisode(new double[]{5}, false, true);
        return b.build();
    }

    private static Dataset oneTransition() {
        DatasetBuilder b = new DatasetBuilder(new DatasetSpec(List.of("o"), Box.uniform(1, -1, 1), List.of("a"), List.of(), true));
        b.beginEpisode();
        b.addStep(new double[]{0}, new double[]{0}, 1);
        b.endEpisode(new double[]{1}, true, false);
        return b.build();
    }

    private static Dataset actionOutsideBox() {
        DatasetBuilder b = new DatasetBuilder(new DatasetSpec(List.of("o"), Box.uniform(1, -1, 1), List.of("steer"), List.of(), true));
        b.beginEpisode();
        for (int t = 0; t < 5; t++) b.addStep(new double[]{t}, new double[]{t == 3 ? 1.5 : 0}, 0);
        b.endEpisode(new double[]{5}, false, true);
        return b.build();
    }

    private static Dataset unboundedBox() {
        DatasetBuilder b = new DatasetBuilder(new DatasetSpec(List.of("o"), Box.unbounded(1), List.of("a"), List.of(), true));
        b.beginEpisode();
        for (int t = 0; t < 5; t++) b.addStep(new double[]{t}, new double[]{0}, 0);
        b.endEpisode(new double[]{5}, false, true);
        return b.build();
    }

    private static String message(Runnable r) {
        return assertThrows(OfflineDatasetException.class, r::run).getMessage();
    }

    @Test
    void unusableDatasetsAreRefusedWithTheReason() {
        assertTrue(message(() -> ContinuousCql.train(withoutRewards(), TINY, TrainingListener.NONE, null))
                .contains("offline RL needs rewards; BC does not"));
        assertTrue(message(() -> ContinuousCql.train(OfflineTestData.discrete(2, 5, 1), TINY, TrainingListener.NONE, null))
                .contains("continuous CQL needs continuous (Box) actions"));
        assertTrue(message(() -> DiscreteCql.train(OfflineTestData.continuous(2, 5, 1), DiscreteCqlConfig.defaults(), TrainingListener.NONE, null))
                .contains("discrete CQL needs discrete actions"));
        assertTrue(message(() -> ContinuousCql.train(oneTransition(), TINY, TrainingListener.NONE, null)).contains("at least two transitions"));
        String m = message(() -> ContinuousCql.train(actionOutsideBox(), TINY, TrainingListener.NONE, null));
        assertTrue(m.contains("steer = 1.5") && m.contains("episode 0, step 3") && m.contains("[-1.0, 1.0]"), m);
        assertTrue(message(() -> ContinuousCql.train(unboundedBox(), TINY, TrainingListener.NONE, null)).contains("finite bounds"));
    }

    @Test
    void onlyTrueTerminalsStopTheBootstrapTimeLimitsDoNot() {
        // 3 episodes of 10 steps: the first two terminated, the last truncated by a time limit
        Dataset data = OfflineTestData.continuous(3, 10, 1);
        OfflineData d = OfflineData.prepare(data, false, false, 30, 0, 0.99, 2);
        d.next(); // one batch = one epoch over the 30 transitions
        double dones = 0, rewards = 0;
        for (int i = 0; i < 30; i++) {
            dones += d.done[i];
            rewards += d.rew[i];
        }
        assertEquals(2, dones, "done flags: the two terminated episodes' last steps only");
        double raw = 0;
        for (int s = 0; s < data.numSteps(); s++) raw += data.reward(s);
        assertEquals(2 * raw, rewards, 1e-3, "rewards are scaled by rewardScale");
    }

    @Test
    void configFieldsAreValidatedByName() {
        var e = assertThrows(IllegalArgumentException.class, () -> CqlConfig.builder().sampledActions(0).build());
        assertTrue(e.getMessage().startsWith("sampledActions must be >= 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DiscreteCqlConfig.builder().gamma(1).build());
        assertTrue(e.getMessage().startsWith("gamma must be in [0, 1)"), e.getMessage());
    }

    @Test
    void aDivergingCriticStopsTheRunWithTheStepAndTheLastFiniteValues() {
        // rewards <= 0 at gamma 0.99: Q above a tenth of the reward range / 0.01 is divergence
        OfflineData d = OfflineData.prepare(OfflineTestData.continuous(3, 10, 1), false, true, 4, 0, 0.99, 1);
        CqlRecorder rec = new CqlRecorder(d, null, TrainingListener.NONE);
        rec.step(1, 0.5, 0.1, 1, 5, 1, 0.2, -3);
        var e = assertThrows(CriticDivergedException.class, () -> rec.step(2, 0.6, 0.1, 1, 5, 1, 0.2, d.qBound + 1));
        assertEquals(2, e.step());
        assertTrue(e.getMessage().contains("above") && e.getMessage().contains("at step 1"), e.getMessage());
        e = assertThrows(CriticDivergedException.class, () -> rec.step(3, Double.NaN, 0.1, 1, 5, 1, 0.2, -3));
        assertTrue(e.getMessage().contains("critic loss NaN") && e.getMessage().contains("last finite critic loss was 0.5"), e.getMessage());
        // and a real run with an absurd learning rate ends in that exception, not a NaN policy
        CqlConfig wild = CqlConfig.builder().hiddenSizes(List.of(16)).batchSize(8).sampledActions(2).steps(2000).evalInterval(2000)
                .criticLearningRate(50).rewardScale(100).build();
        assertThrows(CriticDivergedException.class, () -> ContinuousCql.train(OfflineTestData.continuous(3, 10, 1), wild, TrainingListener.NONE, null));
    }
}
