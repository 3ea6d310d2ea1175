package io.il4j.irl.iq;

import io.il4j.core.data.Dataset;
import io.il4j.core.io.CsvOptions;
import io.il4j.core.io.DatasetFiles;
import io.il4j.core.policy.Policies;
import io.il4j.core.policy.Policy;
import io.il4j.core.space.Box;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ContinuousIqLearnTest {

    static Dataset pendulum(int episodes, boolean bounded) throws Exception {
        CsvOptions.Builder b = CsvOptions.builder();
        if (bounded) b.actionBounds(new Box(new double[]{-2}, new double[]{2}));
        Dataset all = DatasetFiles.load(Path.of("../datasets/pendulum/expert.csv"), b.build()).dataset();
        int[] first = new int[episodes];
        for (int e = 0; e < episodes; e++) first[e] = e;
        return all.selectEpisodes(first);
    }

    /** Mean |policy action - expert action| over the data's steps. */
    private static double actionError(Policy p, Dataset d) {
        double err = 0;
        for (int s = 0; s < d.numSteps(); s++) err += Math.abs(p.act(d.observationAsDouble(d.observationRow(s)))[0] - d.action(s, 0));
        return err / d.numSteps();
    }

    @Test
    void offlineTrainingMovesTheActorTowardsTheExpertAndFilesRoundTrip(@TempDir Path dir) throws Exception {
        Dataset data = pendulum(5, true);
        IqLearnConfig config = new IqLearnConfig(List.of(32, 32), io.il4j.core.nn.Activation.RELU, 800, 128, 3e-4, 1e-3, 0.99, 0.05,
                IqLearnConfig.ValueTerm.VALUE, 0.5, 3);
        try (ContinuousIqLearn untrained = new ContinuousIqLearn(data, config);
             ContinuousIqLearn iq = new ContinuousIqLearn(data, config)) {
            iq.trainOffline();
            Path file = dir.resolve("actor.zip");
            iq.policy(Map.of()).save(file);
            Policy policy = Policies.load(file);
            double before = actionError(untrained.policy(Map.of()).policy(), data), after = actionError(policy, data);
            System.out.printf("continuous IQ-Learn: mean |a - a_expert| %.3f -> %.3f%n", before, after);
            assertTrue(after < 0.6 * before, "action error " + before + " -> " + after);

            ContinuousSoftQReward reward = iq.reward(Map.of());
            Path rf = dir.resolve("reward.zip");
            reward.save(rf);
            RewardFunction loaded = RewardFunctions.load(rf);
            for (int s = 0; s < 50; s++) {
                double[] o = data.observationAsDouble(data.observationRow(s)), n = data.observationAsDouble(data.nextObservationRow(s));
                double[] a = data.actionAsDouble(s);
                assertEquals(reward.reward(o, a, n, false), loaded.reward(o, a, n, false), 1e-5);
                assertEquals(reward.q(o, a), loaded.reward(o, a, n, true), 1e-5, "a terminal transition's reward is Q(s,a)");
            }
        }
    }

    /**
     * With a target critic, the reward takes {@code V(s')} from it (the implied reward the objective shaped), keeps it
     * through a save and load, and differs from the reward with {@code V(s')} of the Q critic.
     */
    @Test
    void rewardTakesTheNextValueFromTheTargetCritic(@TempDir Path dir) throws Exception {
        Dataset data = pendulum(2, true);
        IqLearnConfig config = new IqLearnConfig(List.of(16, 16), io.il4j.core.nn.Activation.RELU, 200, 64, 1e-3, 1e-3, 0.99, 0.05,
                IqLearnConfig.ValueTerm.VALUE, 0.5, 3, 0.01);
        try (ContinuousIqLearn iq = new ContinuousIqLearn(data, config)) {
            iq.trainOffline();
            ContinuousSoftQReward reward = iq.reward(Map.of()), ofQ = reward.withValuesOfQCritic();
            Path rf = dir.resolve("reward.zip");
            reward.save(rf);
            RewardFunction loaded = RewardFunctions.load(rf);
            double maxGap = 0;
            for (int s = 0; s < 40; s++) {
                double[] o = data.observationAsDouble(data.observationRow(s)), n = data.observationAsDouble(data.nextObservationRow(s));
                double[] a = data.actionAsDouble(s);
                assertEquals(reward.reward(o, a, n, false), loaded.reward(o, a, n, false), 1e-5);
                assertEquals(reward.q(o, a), ofQ.q(o, a), 1e-9);
                maxGap = Math.max(maxGap, Math.abs(reward.reward(o, a, n, false) - ofQ.reward(o, a, n, false)));
            }
            assertTrue(maxGap > 1e-3, "the target critic's V(s') must differ from the Q critic's after 200 steps at tau 0.01: " + maxGap);
        }
    }

    @Test
    void refusesDiscreteDataAndUnboundedActions() throws Exception {
        Dataset cartpole = DatasetFiles.load(Path.of("../datasets/cartpole/expert.csv")).dataset();
        var e = assertThrows(IllegalArgumentException.class, () -> new ContinuousIqLearn(cartpole, IqLearnConfig.DEFAULT));
        assertTrue(e.getMessage().contains("Box action space"), e.getMessage());
        Dataset unbounded = pendulum(1, false);
        e = assertThrows(IllegalArgumentException.class, () -> new ContinuousIqLearn(unbounded, IqLearnConfig.DEFAULT));
        assertTrue(e.getMessage().contains("finite action bounds"), e.getMessage());
    }
}
