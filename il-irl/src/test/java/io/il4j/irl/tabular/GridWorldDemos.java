package io.il4j.irl.tabular;

import io.il4j.envs.gridworld.GridWorldEnv;
import io.il4j.envs.gridworld.GridWorldExpert;

/** Expert demonstrations on GridWorld as state/action indices, for tests. */
final class GridWorldDemos {
    private GridWorldDemos() {
    }

    static TabularDemonstrations expert(GridWorldEnv env, int episodes, long firstSeed) {
        GridWorldExpert expert = new GridWorldExpert(env);
        int horizon = env.mdp().horizon();
        int[][] s = new int[episodes][horizon], a = new int[episodes][horizon];
        for (int e = 0; e < episodes; e++) {
            double[] obs = env.reset(firstSeed + e);
            for (int t = 0; t < horizon; t++) {
                s[e][t] = env.stateOf(obs);
                a[e][t] = (int) expert.act(obs)[0];
                obs = env.step(new double[]{a[e][t]}).observation();
            }
        }
        return new TabularDemonstrations(s, a, env.mdp().numStates(), env.mdp().numActions());
    }
}
