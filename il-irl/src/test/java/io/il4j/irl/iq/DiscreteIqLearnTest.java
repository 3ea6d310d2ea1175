package io.il4j.irl.iq;

import io.il4j.core.data.Dataset;
import io.il4j.core.env.Rollouts;
import io.il4j.core.io.DatasetFiles;
import io.il4j.core.policy.Policies;
import io.il4j.core.policy.Policy;
import io.il4j.envs.cartpole.CartPoleEnv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class DiscreteIqLearnTest {

    static Dataset cartpole(int episodes) throws Exception {
        Dataset all = DatasetFiles.load(Path.of("../datasets/cartpole/expert.csv")).dataset();
        int[] first = new int[episodes];
        for (int e = 0; e < episodes; e++) first[e] = e;
        return all.selectEpisodes(first);
    }

    /** Both value terms, with V(s') from the network itself and from a (fixed) target network. */
    @Test
    void networkGradientOfTheLossMatchesFiniteDifferences() throws Exception {
        Dataset data = cartpole(1);
        for (double tau : new double[]{0, 0.01})
        for (IqLearnConfig.ValueTerm term : IqLearnConfig.ValueTerm.values()) {
            IqLearnConfig config = new IqLearnConfig(List.of(5), io.il4j.core.nn.Activation.TANH, 1, 3, 1e-3, 1e-3, 0.9, 0.5,
                    term, 0.5, 4, tau);
            try (DiscreteIqLearn iq = new DiscreteIqLearn(data, config)) {
                int rows = iq.loadBatchForTest(new int[]{0, 10, 20, 30}, new boolean[]{true, true, false, true},
                        new boolean[]{true, true, true, false});
                var net = iq.network();
                float[] in = iq.inputForTest().clone();
                float[] out = net.forward(in, rows).clone();
                iq.lossAndOutputGradient(out, 4, rows - 8);
                net.backward(iq.outputGradientForTest());
                float[] grad = net.gradients().clone();
                float[] params = net.parameters();
                double h = 1e-2;
                int checked = 0;
                for (int p = 0; p < params.length; p += 3) {
                    float keep = params[p];
                    params[p] = (float) (keep + h);
                    net.parametersChanged();
                    double up = iq.lossAndOutputGradient(net.forward(in, rows).clone(), 4, rows - 8);
                    params[p] = (float) (keep - h);
                    net.parametersChanged();
                    double down = iq.lossAndOutputGradient(net.forward(in, rows).clone(), 4, rows - 8);
                    params[p] = keep;
                    net.parametersChanged();
                    double fd = (up - down) / (2 * h);
                    assertEquals(fd, grad[p], 2e-3 + 2e-2 * Math.abs(fd), term + " tau " + tau + " parameter " + p);
                    checked++;
                }
                assertTrue(checked > 10);
            }
        }
    }

    @Test
    void absorbingStateGradientsMatchFiniteDifferences() throws Exception {
        Dataset data = cartpole(1);
        IqLearnConfig config = new IqLearnConfig(List.of(5), io.il4j.core.nn.Activation.TANH, 1, 3, 1e-3, 1e-3, 0.9, 0.5,
                IqLearnConfig.ValueTerm.VALUE, 0.5, 4);
        try (DiscreteIqLearn iq = new DiscreteIqLearn(data, config)) {
            int rows = iq.loadBatchForTest(new int[]{0, 10, 20, 30, 40}, new boolean[]{true, true, true, true, true},
                    new boolean[]{true, true, false, false, false});
            // row 2: a learner step that terminates; row 3: the absorbing self-transition; row 4: an ordinary learner step
            iq.absorbingForTest(new boolean[]{false, false, false, true, false}, new boolean[]{false, false, true, false, false}, -0.3);
            var net = iq.network();
            float[] in = iq.inputForTest().clone();
            float[] out = net.forward(in, rows).clone();
            iq.lossAndOutputGradient(out, 5, 0);
            double gRho = iq.absorbingGradientForTest();
            net.backward(iq.outputGradientForTest());
            float[] grad = net.gradients().clone();
            float[] params = net.parameters();
            double h = 1e-2;
            for (int p = 0; p < params.length; p += 2) {
                float keep = params[p];
                params[p] = (float) (keep + h);
                net.parametersChanged();
                double up = iq.lossAndOutputGradient(net.forward(in, rows).clone(), 5, 0);
                params[p] = (float) (keep - h);
                net.parametersChanged();
                double down = iq.lossAndOutputGradient(net.forward(in, rows).clone(), 5, 0);
                params[p] = keep;
                net.parametersChanged();
                double fd = (up - down) / (2 * h);
                assertEquals(fd, grad[p], 2e-3 + 2e-2 * Math.abs(fd), "parameter " + p);
            }
            AbsorbingState abs = iq.absorbingForTest();
            abs.setReward(-0.3 + 1e-3);
            double up = iq.lossAndOutputGradient(out, 5, 0);
            abs.setReward(-0.3 - 1e-3);
            double down = iq.lossAndOutputGradient(out, 5, 0);
            double fd = (up - down) / 2e-3;
            assertTrue(Math.abs(gRho) > 1e-3, "the absorbing reward must receive a gradient, got " + gRho);
            assertEquals(fd, gRho, 1e-3 + 1e-2 * Math.abs(fd));
        }
    }

    @Test
    void offlineOnTenCartPoleEpisodesBalancesThePole(@TempDir Path dir) throws Exception {
        Dataset data = cartpole(10);
        IqLearnConfig config = IqLearnConfig.DEFAULT.withSteps(Integer.getInteger("iq.steps", 3000));
        long t0 = System.nanoTime();
        try (DiscreteIqLearn iq = new DiscreteIqLearn(data, config)) {
            iq.trainOffline();
            Path file = dir.resolve("iq.zip");
            iq.policy(Map.of()).save(file);
            Policy policy = Policies.load(file);
            double mean = Rollouts.evaluate(new CartPoleEnv(), policy, 10, 1000, 500).stream().mapToDouble(e -> e.totalReturn()).average().orElseThrow();
            System.out.printf("IQ-Learn CartPole offline: return %.1f in %.1f s%n", mean, (System.nanoTime() - t0) / 1e9);
            assertTrue(mean >= 450, "return " + mean);
        }
    }

    @Test
    void refusesOneTransitionAndContinuousData(@TempDir Path dir) throws Exception {
        Path one = dir.resolve("one.csv");
        java.nio.file.Files.writeString(one, "episode,obs_0,act\n0,0.5,1\n0,0.7,\n");
        Dataset oneTransition = DatasetFiles.load(one).dataset();
        var e = assertThrows(IllegalArgumentException.class, () -> new DiscreteIqLearn(oneTransition, IqLearnConfig.DEFAULT));
        assertTrue(e.getMessage().contains("at least 2 expert transitions"), e.getMessage());
        Dataset pendulum = DatasetFiles.load(Path.of("../datasets/pendulum/expert.csv")).dataset();
        e = assertThrows(IllegalArgumentException.class, () -> new DiscreteIqLearn(pendulum, IqLearnConfig.DEFAULT));
        assertTrue(e.getMessage().contains("discrete action space"), e.getMessage());
    }

    /**
     * A reward file keeps the absorbing state's reward: a terminal transition scores {@code Q(s,a) - gamma rho / (1 - gamma)},
     * a non-terminal one is unchanged, and a file without one (rho 0) scores a termination as {@code Q(s,a)}.
     */
    @Test
    void rewardFileKeepsTheAbsorbingRewardForTerminalTransitions(@TempDir Path dir) throws Exception {
        Dataset data = cartpole(1);
        try (DiscreteIqLearn iq = new DiscreteIqLearn(data, IqLearnConfig.DEFAULT.withSteps(1))) {
            DiscreteSoftQReward masked = iq.reward(Map.of());
            DiscreteSoftQReward absorbing = new DiscreteSoftQReward(iq.network().weights(), iq.normalizer(), 0.99, masked.temperature(), -0.3,
                    masked.provenance());
            Path file = dir.resolve("reward.zip");
            absorbing.save(file);
            RewardFunction loaded = RewardFunctions.load(file);
            assertEquals(-0.3, loaded.absorbingReward(), 1e-12);
            assertEquals(0.0, masked.absorbingReward());
            double[] o = data.observationAsDouble(data.observationRow(3)), n = data.observationAsDouble(data.nextObservationRow(3));
            double[] a = data.actionAsDouble(3);
            double q = masked.qValues(o)[(int) a[0]];
            assertEquals(q, masked.reward(o, a, n, true), 1e-9);
            assertEquals(q + 0.99 * 0.3 / 0.01, loaded.reward(o, a, n, true), 1e-4);
            assertEquals(masked.reward(o, a, n, false), loaded.reward(o, a, n, false), 1e-6);
        }
    }

    /**
     * With a target network, the reward takes {@code V(s')} from it (the implied reward the objective shaped), keeps it
     * through a save and load, and differs from the reward with {@code V(s')} of the Q-network itself.
     */
    @Test
    void rewardTakesTheNextValueFromTheTargetNetwork(@TempDir Path dir) throws Exception {
        Dataset data = cartpole(2);
        try (DiscreteIqLearn iq = new DiscreteIqLearn(data, IqLearnConfig.DEFAULT.withSteps(200).withTargetTau(0.01))) {
            iq.trainOffline();
            DiscreteSoftQReward reward = iq.reward(Map.of());
            DiscreteSoftQReward ofQ = new DiscreteSoftQReward(iq.network().weights(), iq.normalizer(), reward.gamma(), reward.temperature(),
                    0, reward.provenance());
            Path file = dir.resolve("reward.zip");
            reward.save(file);
            RewardFunction loaded = RewardFunctions.load(file);
            double maxGap = 0;
            for (int s = 0; s < 40; s++) {
                double[] o = data.observationAsDouble(data.observationRow(s)), n = data.observationAsDouble(data.nextObservationRow(s));
                double[] a = data.actionAsDouble(s);
                assertEquals(reward.reward(o, a, n, false), loaded.reward(o, a, n, false), 1e-6);
                assertArrayEquals(ofQ.qValues(o), reward.qValues(o), 1e-9);
                maxGap = Math.max(maxGap, Math.abs(reward.reward(o, a, n, false) - ofQ.reward(o, a, n, false)));
            }
            assertTrue(maxGap > 1e-3, "the target network's V(s') must differ from the Q-network's after 200 steps at tau 0.01: " + maxGap);
        }
    }
}
