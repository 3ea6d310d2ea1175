package io.il4j.cli;

import io.il4j.core.data.Dataset;
import io.il4j.core.report.Plots;
import io.il4j.core.report.RunDirectory;
import io.il4j.core.report.Table;
import io.il4j.core.runtime.Il4j;
import io.il4j.core.env.Env;
import io.il4j.envs.DatasetGenerator;
import io.il4j.envs.gridworld.GridWorldEnv;
import io.il4j.envs.gridworld.GridWorldExpert;
import io.il4j.envs.gridworld.GridWorldMdp;
import io.il4j.irl.eval.Epic;
import io.il4j.irl.eval.ShapedCorrelation;
import io.il4j.irl.iq.DiscreteSoftQReward;
import io.il4j.irl.tabular.SoftValueIteration;
import io.il4j.irl.eval.RewardEvaluation;
import io.il4j.irl.iq.RewardFunction;
import io.il4j.irl.iq.RewardFunctions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code il reward eval}: recovered vs true reward on fresh rollouts of the environment's behaviour tiers. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compares a recovered reward with the environment's true reward on fresh rollouts of its behaviour tiers "
                + "(expert: states the expert visits; medium and random: states it mostly does not).",
                "Prints Pearson and Spearman correlation per tier and the mean recovered and true return per episode (the recovered one "
                        + "also to the horizon: a terminated episode continues in the absorbing state with the reward's absorbing-state "
                        + "reward, learned online, 0 otherwise), and writes "
                        + "runs/<name>/ with results.json and scatter.png (recovered vs true reward per transition).",
                "On gridworld a discrete reward is also tabulated with the exact model: EPIC distance to the true reward, the "
                        + "shaped Pearson (correlation after the best potential shaping on the grid's own transitions, which is all "
                        + "IQ-Learn's reward is identified up to) and the true return of policies re-trained on it (greedy value "
                        + "iteration, soft value iteration)."})
final class RewardEvalCommand implements Callable<Integer> {

    @Option(names = "--reward", required = true, paramLabel = "FILE", description = "Reward file (from il train iqlearn).")
    Path reward;

    @Mixin
    EnvSelectionMixin env;

    @Option(names = "--tiers", split = ",", paramLabel = "TIER", description = "Behaviour tiers to roll out (default: expert,medium,random).")
    List<String> tiers = List.of("expert", "medium", "random");

    @Option(names = "--episodes", paramLabel = "N", description = "Episodes per tier (default: 10).")
    int episodes = 10;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the first rollout (default: 2000000, away from the shipped datasets' seeds).")
    long seed = 2_000_000L;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "reward-eval", description = "Run directory name (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs", description = "Where run directories go (default: ${DEFAULT-VALUE}).")
    Path runs;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(reward)) throw new IllegalArgumentException("--reward: no such file: " + reward);
        if (episodes < 1) throw new IllegalArgumentException("--episodes must be at least 1, got " + episodes);
        Il4j.configure();
        RewardFunction r = RewardFunctions.load(reward);
        Env made = env.selection.make();
        int horizon = made.spec().maxEpisodeSteps();
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("absorbingReward", r.absorbingReward());
        Table t = new Table("tier", "transitions", "pearson", "spearman", "recovered return", "recovered return to horizon", "true return")
                .title("recovered vs true reward in " + env.selection.envId);
        var plot = Plots.trajectories("Recovered vs true reward, " + env.selection.envId, "true reward", "recovered reward");
        for (String tier : tiers) {
            Dataset d;
            try {
                d = DatasetGenerator.generate(env.selection.envId, tier, episodes, seed, env.selection.envOptions).rollouts().dataset();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            RewardEvaluation ev;
            try {
                ev = RewardEvaluation.of(r, d, horizon);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(reward + " vs " + env.selection.envId + ": " + e.getMessage(), e);
            }
            results.put(tier, ev);
            t.addRow(tier, ev.transitions(), f(ev.pearson()), f(ev.spearman()), f(ev.meanRecoveredReturn()), f(ev.meanRecoveredReturnToHorizon()),
                    f(ev.meanTrueReturn()));
            double[] rec = RewardEvaluation.recoveredRewards(r, d);
            double[] truth = new double[rec.length];
            for (int i = 0; i < rec.length; i++) truth[i] = d.transitions().reward(i);
            plot.points(tier, truth, rec);
        }
        if (made instanceof GridWorldEnv grid && r instanceof DiscreteSoftQReward q) {
            Map<String, Double> tab = gridWorldCheck(grid, q);
            results.put("tabular", tab);
            tab.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-34s %.4f%n", k, v));
        }
        RunDirectory run = RunDirectory.create(runs, name);
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("reward", reward.toString());
        cfg.put("env", env.selection.envId);
        cfg.put("envOptions", env.selection.envOptions);
        cfg.put("tiers", tiers);
        cfg.put("episodes", episodes);
        cfg.put("seed", seed);
        run.writeConfig(cfg);
        run.writeResults(results);
        plot.save(run.file("scatter.png"));
        System.out.println(t.render());
        System.out.printf(Locale.ROOT, "recovered return: the recovered reward summed over each episode's steps; to horizon: an episode that "
                + "terminates after T < %d steps also earns the reward's absorbing-state reward %.4f for each of the remaining steps "
                + "(the MDP the reward was learned in; 0 unless learned online with absorbing states)%n", horizon, r.absorbingReward());
        System.out.println("run: " + run.path());
        return 0;
    }

    /**
     * GridWorld's exact model turns the soft-Q reward into a table {@code r(s,a) = Q(s,a) - gamma sum_s' P(s'|s,a) V(s')}:
     * its EPIC distance to the true reward (over {@code r(s,a,s')} for every {@code s'}), its {@link ShapedCorrelation},
     * and the true expected return of policies re-trained on it (greedy by value iteration, and soft by finite-horizon soft value iteration at the reward's temperature).
     */
    static Map<String, Double> gridWorldCheck(GridWorldEnv grid, DiscreteSoftQReward q) {
        GridWorldMdp mdp = grid.mdp();
        int n = mdp.numStates(), m = mdp.numActions();
        double[][][] p = mdp.transitionMatrix();
        double[][][] table = q.transitionTable(n, grid::observation);
        double[][] r = DiscreteSoftQReward.expected(mdp, table), scaled = new double[n][m];
        for (int s = 0; s < n; s++)
            for (int a = 0; a < m; a++) scaled[s][a] = r[s][a] / q.temperature();
        double[][] truth = SoftValueIteration.stateReward(mdp.rewards(), m);
        int[] expert = new GridWorldExpert(grid).solution().policy();
        int[] greedy = SoftValueIteration.greedyDiscounted(p, r, GridWorldExpert.DEFAULT_GAMMA);
        int agree = 0;
        for (int s = 0; s < n; s++) if (greedy[s] == expert[s]) agree++;
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("epic", Epic.distance(mdp, table, truth, GridWorldExpert.DEFAULT_GAMMA));
        out.put("shaped_pearson", ShapedCorrelation.pearson(mdp, r, truth, GridWorldExpert.DEFAULT_GAMMA));
        out.put("greedy_policy_agreement_with_expert", agree / (double) n);
        out.put("expert_return", SoftValueIteration.expectedReturn(mdp, p, SoftValueIteration.deterministic(expert, m), mdp.horizon()));
        out.put("greedy_return_on_recovered", SoftValueIteration.expectedReturn(mdp, p, SoftValueIteration.deterministic(greedy, m), mdp.horizon()));
        out.put("soft_return_on_recovered", SoftValueIteration.expectedReturn(mdp, p,
                SoftValueIteration.softFiniteHorizon(p, scaled, mdp.horizon()), mdp.horizon()));
        return out;
    }

    private static String f(double x) {
        return String.format(Locale.ROOT, "%.3f", x);
    }
}
