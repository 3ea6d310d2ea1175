package io.il4j.envs.gridworld;

import io.il4j.core.env.EpisodeResult;
import io.il4j.core.env.Rollouts;
import io.il4j.core.env.StepResult;
import io.il4j.core.space.InvalidActionException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class GridWorldTest {

    private static final GridWorldMdp SLIPPERY = new GridWorldMdp(GridWorldMdp.DEFAULT_MAP, 0.2);

    @Test
    void transitionRowsAreDistributionsAndMatchTheSlipRule() {
        double[][][] p = SLIPPERY.transitionMatrix();
        for (int s = 0; s < SLIPPERY.numStates(); s++)
            for (int a = 0; a < SLIPPERY.numActions(); a++) {
                double sum = 0;
                for (double v : p[s][a]) sum += v;
                assertEquals(1.0, sum, 1e-12);
                assertEquals(p[s][a][SLIPPERY.intendedNext(s, a)], SLIPPERY.transitionProbability(s, a, SLIPPERY.intendedNext(s, a)), 1e-15);
            }
        // centre cell (2,2) = state 12, moving right: intended 0.8 + 0.2/5, each other neighbour 0.04
        assertEquals(0.84, p[12][GridWorldMdp.RIGHT][13], 1e-12);
        assertEquals(0.04, p[12][GridWorldMdp.RIGHT][7], 1e-12);
        assertEquals(0.04, p[12][GridWorldMdp.RIGHT][12], 1e-12);
        // top-left corner moving up stays put (border), and slips that hit the border also stay
        assertEquals(0.8 + 3 * 0.04, p[0][GridWorldMdp.UP][0], 1e-12);
    }

    @Test
    void simulatedSlipFrequenciesMatchTheModel() {
        GridWorldEnv env = new GridWorldEnv(SLIPPERY, GridWorldEnv.Encoding.COORDS, 100_000);
        env.reset(1);
        int[] counts = new int[SLIPPERY.numStates()];
        int n = 40_000;
        for (int i = 0; i < n; i++) {
            env.setState(12);
            env.step(new double[]{GridWorldMdp.RIGHT});
            counts[env.state()]++;
        }
        double[] expected = SLIPPERY.transitionMatrix()[12][GridWorldMdp.RIGHT];
        for (int s = 0; s < counts.length; s++) {
            double sd = Math.sqrt(expected[s] * (1 - expected[s]) / n);
            assertEquals(expected[s], counts[s] / (double) n, 5 * sd + 1e-12, "state " + s);
        }
    }

    @Test
    void rewardIsTheFeatureDotProductOfThePreStepState() {
        GridWorldMdp mdp = new GridWorldMdp(GridWorldMdp.DEFAULT_MAP, 0);
        double[] w = mdp.rewardWeights();
        for (int s = 0; s < mdp.numStates(); s++) {
            double[] phi = mdp.features(s);
            double dot = 0;
            for (int k = 0; k < phi.length; k++) dot += w[k] * phi[k];
            assertEquals(dot, mdp.reward(s), 0.0);
        }
        GridWorldEnv env = new GridWorldEnv();
        env.reset(0);
        env.setState(3); // lava at (0, 3)
        StepResult r = env.step(new double[]{GridWorldMdp.RIGHT});
        assertEquals(-5.0, r.reward());
        assertEquals(4, env.state());
        assertArrayEquals(new double[]{0, 4}, r.observation());
        assertEquals(1.0, env.step(new double[]{GridWorldMdp.STAY}).reward(), "goal pays while standing on it");
    }

    @Test
    void valueIterationPolicyIsGreedyAndTheExpertReachesTheGoalFromEveryStart() {
        for (GridWorldMdp mdp : new GridWorldMdp[]{new GridWorldMdp(GridWorldMdp.DEFAULT_MAP, 0), SLIPPERY}) {
            GridWorldMdp.Solution sol = mdp.valueIteration(0.95);
            double[][] q = sol.qValues();
            double[] v = sol.values();
            for (int s = 0; s < mdp.numStates(); s++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < mdp.numActions(); a++) best = Math.max(best, q[s][a]);
                assertEquals(best, v[s], 1e-9, "Bellman optimality at " + s);
                assertEquals(best, q[s][sol.action(s)], 1e-9);
            }
        }
        GridWorldEnv env = new GridWorldEnv();
        List<EpisodeResult> results = Rollouts.evaluate(env, new GridWorldExpert(env), 50, 0, Integer.MAX_VALUE);
        for (EpisodeResult r : results) {
            assertEquals(1.0, r.metrics().get("reached_goal"), "seed " + r.seed());
            assertEquals(0.0, r.metrics().get("lava_steps"), "the optimal policy avoids lava");
        }
    }

    @Test
    void startsOnPlainCellsUniformly() {
        GridWorldEnv env = new GridWorldEnv();
        double[] start = env.mdp().startDistribution();
        int[] counts = new int[start.length];
        for (long seed = 0; seed < 4000; seed++) {
            env.reset(seed);
            counts[env.state()]++;
        }
        for (int s = 0; s < start.length; s++) {
            if (start[s] == 0) assertEquals(0, counts[s], "state " + s + " is not plain");
            else assertEquals(start[s], counts[s] / 4000.0, 0.03, "state " + s);
        }
    }

    @Test
    void oneHotObservationsAndDecodingErrors() {
        GridWorldMdp mdp = new GridWorldMdp(GridWorldMdp.DEFAULT_MAP, 0);
        GridWorldEnv env = new GridWorldEnv(mdp, GridWorldEnv.Encoding.ONEHOT, 30);
        assertEquals(25, env.spec().observationDim());
        double[] obs = env.reset(2);
        assertEquals(env.state(), env.stateOf(obs));
        GridWorldExpert expert = new GridWorldExpert(env);
        assertEquals(expert.solution().action(env.state()), (int) expert.act(obs)[0]);
        assertThrows(IllegalArgumentException.class, () -> env.stateOf(new double[25]));
        assertThrows(IllegalArgumentException.class, () -> new GridWorldExpert(new GridWorldEnv()).act(new double[]{0.5, 1}));
        assertThrows(IllegalArgumentException.class, () -> new GridWorldExpert(new GridWorldEnv()).act(new double[]{5, 0}));
    }

    @Test
    void badMapsActionsAndSlipAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GridWorldMdp(List.of("..X"), 0));
        assertTrue(e.getMessage().contains("column 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GridWorldMdp(List.of("...", ".."), 0));
        assertThrows(IllegalArgumentException.class, () -> new GridWorldMdp(GridWorldMdp.DEFAULT_MAP, 1.0));
        GridWorldEnv env = new GridWorldEnv();
        env.reset(0);
        assertThrows(InvalidActionException.class, () -> env.step(new double[]{5}));
        assertThrows(InvalidActionException.class, () -> env.step(new double[]{-1}));
        assertThrows(InvalidActionException.class, () -> env.step(new double[]{1.5}));
    }

    @Test
    void isATabularMdpWhoseHorizonIsTheEnvironmentsTimeLimit() {
        io.il4j.core.mdp.TabularMdp mdp = new GridWorldEnv(SLIPPERY, GridWorldEnv.Encoding.COORDS, 17).mdp();
        assertEquals(17, mdp.horizon());
        assertEquals(GridWorldMdp.DEFAULT_HORIZON, SLIPPERY.horizon());
        assertEquals(GridWorldEnv.DEFAULT_MAX_STEPS, new GridWorldEnv().mdp().horizon());
        // The interface's generic transition tensor agrees with GridWorld's own.
        double[][][] own = SLIPPERY.transitionMatrix();
        for (int s = 0; s < mdp.numStates(); s++)
            for (int a = 0; a < mdp.numActions(); a++)
                for (int t = 0; t < mdp.numStates(); t++) assertEquals(own[s][a][t], mdp.transitionProbability(s, a, t), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> new GridWorldMdp(GridWorldMdp.DEFAULT_MAP, 0, 0));
    }
}
