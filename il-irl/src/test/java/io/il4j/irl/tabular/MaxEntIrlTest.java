package io.il4j.irl.tabular;

import io.il4j.envs.gridworld.GridWorldEnv;
import io.il4j.envs.gridworld.GridWorldExpert;
import io.il4j.envs.gridworld.GridWorldMdp;
import io.il4j.irl.eval.Correlation;
import io.il4j.irl.eval.Epic;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class MaxEntIrlTest {

    private static final GridWorldEnv ENV = new GridWorldEnv();

    @Test
    void gradientMatchesFiniteDifferences() {
        // Slippery dynamics so every expectation is non-trivial; weights away from zero.
        GridWorldEnv slippery = new GridWorldEnv(new GridWorldMdp(GridWorldMdp.DEFAULT_MAP, 0.2), GridWorldEnv.Encoding.COORDS, 12);
        TabularDemonstrations demos = GridWorldDemos.expert(slippery, 7, 3);
        MaxEntIrl irl = new MaxEntIrl(slippery.mdp(), demos, new MaxEntIrlConfig(1, 0.1, 0.3, 0, 0.95));
        double[] w = {0.3, -0.7, 1.1, -0.2};
        double[] g = irl.objective(w).gradient();
        double h = 1e-5;
        for (int j = 0; j < w.length; j++) {
            double[] plus = w.clone(), minus = w.clone();
            plus[j] += h;
            minus[j] -= h;
            double fd = (irl.objective(plus).value() - irl.objective(minus).value()) / (2 * h);
            assertEquals(fd, g[j], 1e-7 * Math.max(1, Math.abs(fd)), "dL/dw_" + j);
        }
    }

    @Test
    void withDeterministicDynamicsTheGradientIsTheFeatureExpectationDifference() {
        TabularDemonstrations demos = GridWorldDemos.expert(ENV, 9, 5);
        MaxEntIrl irl = new MaxEntIrl(ENV.mdp(), demos, new MaxEntIrlConfig(1, 0.1, 0, 0, 0.95));
        double[] w = {0.1, 0.8, -0.4, -1.5};
        double[] g = irl.objective(w).gradient(), empirical = irl.empiricalFeatureCounts(), expected = irl.expectedFeatureCounts(w);
        for (int j = 0; j < w.length; j++) assertEquals(empirical[j] - expected[j], g[j], 1e-9, "feature " + j);
        assertTrue(Math.abs(g[1]) > 0.1, "a non-trivial gradient");
    }

    @Test
    void recoversGridWorldRewardAndExpertPolicy() {
        TabularDemonstrations demos = GridWorldDemos.expert(ENV, 40, 0);
        GridWorldMdp mdp = ENV.mdp();
        MaxEntIrl irl = new MaxEntIrl(mdp, demos, MaxEntIrlConfig.DEFAULT);
        MaxEntIrl.Result result = irl.fit();
        double[] truth = mdp.rewards();
        double pearson = Correlation.pearson(result.stateReward(), truth);
        double epic = Epic.distance(mdp, SoftValueIteration.stateReward(result.stateReward(), mdp.numActions()),
                SoftValueIteration.stateReward(truth, mdp.numActions()), GridWorldExpert.DEFAULT_GAMMA);
        int[] expert = new GridWorldExpert(ENV).solution().policy();
        int[] recovered = irl.greedyPolicy(result.stateReward());
        int agree = 0;
        for (int s = 0; s < expert.length; s++) if (expert[s] == recovered[s]) agree++;
        double agreement = agree / (double) expert.length;
        System.out.printf("MaxEnt IRL: w=%s pearson=%.4f epic=%.4f agreement=%.3f ll %.3f -> %.3f%n",
                java.util.Arrays.toString(result.weights()), pearson, epic, agreement,
                result.logLikelihoodCurve()[0], result.logLikelihoodCurve()[result.logLikelihoodCurve().length - 1]);
        assertTrue(pearson >= 0.9, "Pearson " + pearson);
        assertTrue(epic <= 0.1, "EPIC " + epic);
        assertTrue(agreement >= 0.95, "agreement " + agreement);
        // Learning raised the likelihood of the demonstrations well above the uniform policy's.
        assertTrue(result.logLikelihoodCurve()[result.logLikelihoodCurve().length - 1] > result.logLikelihoodCurve()[0] + 5);
    }

    @Test
    void rejectsDemonstrationsLongerThanTheHorizon() {
        TabularDemonstrations demos = GridWorldDemos.expert(ENV, 2, 0);
        var e = assertThrows(IllegalArgumentException.class,
                () -> new MaxEntIrl(ENV.mdp(), demos, new MaxEntIrlConfig(10, 0.1, 0, 5, 0.95)));
        assertTrue(e.getMessage().contains("horizon"), e.getMessage());
    }
}
