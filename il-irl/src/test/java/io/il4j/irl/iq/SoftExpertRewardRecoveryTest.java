package io.il4j.irl.iq;

import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.data.DatasetSpec;
import io.il4j.core.nn.Activation;
import io.il4j.envs.gridworld.GridWorldEnv;
import io.il4j.envs.gridworld.GridWorldMdp;
import io.il4j.irl.eval.Epic;
import io.il4j.irl.eval.ShapedCorrelation;
import io.il4j.irl.tabular.SoftValueIteration;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/**
 * IQ-Learn's reward is identified only up to potential shaping, and only on transitions the dynamics produce: with an
 * expert that is soft-optimal for the true reward (the expert its model assumes) and data from every state, the
 * recovered reward must equal the true one up to such a shaping and a scale.
 */
class SoftExpertRewardRecoveryTest {

    static final double GAMMA = 0.95;
    static final GridWorldMdp MDP = new GridWorldMdp(GridWorldMdp.DEFAULT_MAP, 0);
    static final GridWorldEnv ENV = new GridWorldEnv(MDP, GridWorldEnv.Encoding.ONEHOT, MDP.horizon());
    static final double[][] TRUTH = SoftValueIteration.stateReward(MDP.rewards(), MDP.numActions());

    @Test
    void recoversTheTrueRewardUpToShapingFromASoftOptimalExpert() {
        int n = MDP.numStates(), m = MDP.numActions();
        double temperature = 1;
        double[][] pi = SoftValueIteration.softDiscounted(MDP.transitionMatrix(), TRUTH, GAMMA, temperature);
        Dataset data = demonstrations(pi, 500, new SplittableRandom(7));
        IqLearnConfig config = new IqLearnConfig(List.of(64, 64), Activation.RELU, 5000, 256, 1e-3, 3e-4, GAMMA,
                temperature, IqLearnConfig.ValueTerm.VALUE, 0.5, 0, 0);
        try (DiscreteIqLearn iq = new DiscreteIqLearn(data, config)) {
            iq.trainOffline();
            DiscreteSoftQReward reward = iq.reward(Map.of());
            double[][][] table = reward.transitionTable(n, ENV::observation);
            double[][] recovered = DiscreteSoftQReward.expected(MDP, table);
            double shaped = ShapedCorrelation.pearson(MDP, recovered, TRUTH, GAMMA);
            double noise = ShapedCorrelation.pearson(MDP, gaussian(new Random(3)), TRUTH, GAMMA);
            System.out.printf("IQ-Learn, soft-optimal GridWorld expert (500 episodes): shaped Pearson %.3f (a random reward: %.3f), "
                    + "raw Pearson %.3f, EPIC %.3f%n", shaped, noise, io.il4j.irl.eval.Correlation.pearson(flat(recovered), flat(TRUTH)),
                    Epic.distance(MDP, table, TRUTH, GAMMA));
            // Measured 0.928 (raw Pearson 0.49, EPIC 0.31); random reward tables get -0.03 to 0.25 from the fitted shaping alone.
            assertTrue(noise < 0.5, "the shaping fit alone explains a random reward: " + noise);
            assertTrue(shaped > 0.85, "recovered reward is not the true one up to shaping: shaped Pearson " + shaped);
        }
    }

    @Test
    void shapedCorrelationIgnoresShapingAndScaleButNotNoise() {
        Random rng = new Random(5);
        int n = MDP.numStates(), m = MDP.numActions();
        double[] phi = new double[n];
        for (int s = 0; s < n; s++) phi[s] = 3 * rng.nextGaussian();
        double[][][] p = MDP.transitionMatrix();
        double[][] shaped = new double[n][m], noisy = new double[n][m];
        for (int s = 0; s < n; s++)
            for (int a = 0; a < m; a++) {
                double next = 0;
                for (int t = 0; t < n; t++) next += p[s][a][t] * phi[t];
                shaped[s][a] = 2 * TRUTH[s][a] + 0.7 + GAMMA * next - phi[s];
                noisy[s][a] = shaped[s][a] + 2 * rng.nextGaussian();
            }
        assertEquals(1, ShapedCorrelation.pearson(MDP, shaped, TRUTH, GAMMA), 1e-6);
        assertTrue(io.il4j.irl.eval.Correlation.pearson(flat(shaped), flat(TRUTH)) < 0.9, "the shaping must matter for raw Pearson");
        double withNoise = ShapedCorrelation.pearson(MDP, noisy, TRUTH, GAMMA);
        assertTrue(withNoise < 0.95 && withNoise > 0.3, "noise must lower it: " + withNoise);
    }

    @Test
    void softDiscountedPolicyIsADistributionThatTurnsGreedyAsTheTemperatureFalls() {
        double[][][] p = MDP.transitionMatrix();
        int[] greedy = SoftValueIteration.greedyDiscounted(p, TRUTH, GAMMA);
        double[][] cold = SoftValueIteration.softDiscounted(p, TRUTH, GAMMA, 1e-3);
        double[][] hot = SoftValueIteration.softDiscounted(p, TRUTH, GAMMA, 1e3);
        for (int s = 0; s < MDP.numStates(); s++) {
            assertEquals(1, Arrays.stream(cold[s]).sum(), 1e-9);
            for (double x : hot[s]) assertEquals(1.0 / MDP.numActions(), x, 0.01, "a hot policy is near uniform");
            int best = 0;
            for (int a = 1; a < MDP.numActions(); a++) if (cold[s][a] > cold[s][best]) best = a;
            // where one action is optimal it is the greedy one (a tie between optimal actions splits the cold policy)
            if (cold[s][best] > 0.99) assertEquals(greedy[s], best, "state " + s);
        }
    }

    /** Episodes of {@code pi} from uniformly random start states: the reward is identified only where data is. */
    private static Dataset demonstrations(double[][] pi, int episodes, SplittableRandom rng) {
        DatasetBuilder b = new DatasetBuilder(new DatasetSpec(ENV.spec().observationNames(), ENV.spec().actionSpace(),
                ENV.spec().actionNames(), List.of(), true));
        for (int e = 0; e < episodes; e++) {
            ENV.reset(e);
            ENV.setState(rng.nextInt(MDP.numStates()));
            double[] obs = ENV.observation(ENV.state());
            b.beginEpisode();
            for (int t = 0; t < MDP.horizon(); t++) {
                int a = sample(pi[ENV.state()], rng.nextDouble());
                var step = ENV.step(new double[]{a});
                b.addStep(obs, new double[]{a}, step.reward());
                obs = step.observation();
            }
            b.endEpisode(obs, false, true);
        }
        return b.build();
    }

    private static int sample(double[] p, double u) {
        double acc = 0;
        for (int a = 0; a < p.length; a++) {
            acc += p[a];
            if (u < acc) return a;
        }
        return p.length - 1;
    }

    private static double[][] gaussian(Random rng) {
        double[][] r = new double[MDP.numStates()][MDP.numActions()];
        for (double[] row : r) for (int a = 0; a < row.length; a++) row[a] = rng.nextGaussian();
        return r;
    }

    private static double[] flat(double[][] x) {
        return Arrays.stream(x).flatMapToDouble(Arrays::stream).toArray();
    }
}
