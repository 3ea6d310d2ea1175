package io.il4j.cli;

import io.il4j.core.data.Dataset;
import io.il4j.core.env.Env;
import io.il4j.core.report.AtomicFiles;
import io.il4j.core.report.RunDirectory;
import io.il4j.core.report.RunReport;
import io.il4j.core.report.Table;
import io.il4j.envs.gridworld.GridWorldEnv;
import io.il4j.envs.gridworld.GridWorldExpert;
import io.il4j.envs.gridworld.GridWorldMdp;
import io.il4j.irl.eval.Correlation;
import io.il4j.irl.eval.Epic;
import io.il4j.irl.tabular.MaxEntIrl;
import io.il4j.irl.tabular.MaxEntIrlConfig;
import io.il4j.irl.tabular.SoftValueIteration;
import io.il4j.irl.tabular.TabularDemonstrations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code il train maxent-irl}: MaxEnt IRL on an environment with an exact tabular model (GridWorld). */
@Command(name = "maxent-irl", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"MaxEnt inverse RL (Ziebart et al. 2008) with the environment's exact model and a linear state-feature reward.",
                "Prints the recovered weights and how they compare with the true reward: Pearson/Spearman (all, expert-visited and "
                        + "unvisited states), EPIC distance, agreement of the recovered reward's optimal policy with the expert's, and the "
                        + "true return of the MaxEnt policy re-trained on the recovered reward.",
                "Writes --out (per-state CSV: true and recovered reward) and runs/<name>/ with config.json and results.json."})
final class TrainMaxEntIrlCommand implements Callable<Integer> {
    private static final MaxEntIrlConfig D = MaxEntIrlConfig.DEFAULT;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Expert demonstrations recorded in --env (.csv, .npz).")
    Path data;

    @Mixin
    EnvSelectionMixin env;

    @Option(names = "--iterations", paramLabel = "N", description = "Gradient-ascent steps (default: ${DEFAULT-VALUE}).")
    int iterations = D.iterations();

    @Option(names = "--lr", paramLabel = "X", description = "Adam step size on the reward weights (default: ${DEFAULT-VALUE}).")
    double lr = D.learningRate();

    @Option(names = "--l2", paramLabel = "X", description = "L2 penalty on the weights (default: ${DEFAULT-VALUE}).")
    double l2 = D.l2();

    @Option(names = "--horizon", paramLabel = "N", description = "Soft finite-horizon length; 0 = the environment's episode length (default: ${DEFAULT-VALUE}).")
    int horizon = D.horizon();

    @Option(names = "--gamma", paramLabel = "X", description = "Discount of the greedy policy compared with the expert's (default: ${DEFAULT-VALUE}, the gridworld expert's).")
    double gamma = D.gamma();

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "maxent-reward.csv",
            description = "Per-state reward CSV to write (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "maxent-irl", description = "Run directory name (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs", description = "Where run directories go (default: ${DEFAULT-VALUE}).")
    Path runs;

    @Mixin
    DataInputOptions input;

    @Override
    public Integer call() throws Exception {
        Env e;
        try {
            e = env.selection.make();
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("--env: " + ex.getMessage(), ex);
        }
        if (!(e instanceof GridWorldEnv grid))
            throw new IllegalArgumentException("--env " + env.selection.envId + " has no exact tabular model; MaxEnt IRL runs on gridworld");
        MaxEntIrlConfig config;
        try {
            config = new MaxEntIrlConfig(iterations, lr, l2, horizon, gamma);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(ex.getMessage(), ex);
        }
        Dataset dataset = input.load(data, System.err).dataset();
        GridWorldMdp mdp = grid.mdp();
        TabularDemonstrations demos;
        try {
            demos = TabularDemonstrations.fromDataset(dataset, grid::stateOf, mdp.numStates(), mdp.numActions());
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(data + ": " + ex.getMessage(), ex);
        }
        long t0 = System.nanoTime();
        MaxEntIrl irl;
        try {
            irl = new MaxEntIrl(mdp, demos, config);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(ex.getMessage(), ex);
        }
        MaxEntIrl.Result result = irl.fit();
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> results = evaluate(grid, demos, irl, result.stateReward(), config);
        results.put("weights", result.weights());
        results.put("feature_names", GridWorldMdp.FEATURE_NAMES);
        results.put("log_likelihood", result.logLikelihoodCurve()[result.logLikelihoodCurve().length - 1]);
        results.put("seconds", seconds);

        StringBuilder csv = new StringBuilder("state,row,col,cell,true_reward,recovered_reward,expert_visits\n");
        int[] visits = demos.stateCounts();
        for (int s = 0; s < mdp.numStates(); s++)
            csv.append(String.format(Locale.ROOT, "%d,%d,%d,%s,%s,%s,%d%n", s, mdp.row(s), mdp.col(s),
                    GridWorldMdp.FEATURE_NAMES.get(mdp.cellType(s)), mdp.reward(s), result.stateReward()[s], visits[s]));
        AtomicFiles.writeString(out, csv.toString());
        RunDirectory run = RunDirectory.create(runs, name);
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("algorithm", "maxent-irl");
        cfg.put("data", data.toString());
        cfg.put("env", env.selection.envId);
        cfg.put("maxent", config);
        run.writeConfig(cfg);
        run.writeResults(results);
        Table t = new Table("quantity", "value").title("MaxEnt IRL on " + env.selection.envId + " (" + demos.numEpisodes() + " episodes)");
        for (int j = 0; j < result.weights().length; j++)
            t.addRow("w_" + GridWorldMdp.FEATURE_NAMES.get(j), String.format(Locale.ROOT, "%.3f", result.weights()[j]));
        results.forEach((k, v) -> {
            if (v instanceof Double d) t.addRow(k, String.format(Locale.ROOT, "%.4f", d));
        });
        System.out.println(t.render());
        System.out.println("reward: " + out + "   run: " + run.path() + "   report: " + RunReport.write(run.path()));
        return 0;
    }

    /** Correlations, EPIC, policy agreement and the re-trained policy's return of a recovered state reward on GridWorld. */
    static Map<String, Object> evaluate(GridWorldEnv grid, TabularDemonstrations demos, MaxEntIrl irl, double[] recovered,
                                        MaxEntIrlConfig config) {
        GridWorldMdp mdp = grid.mdp();
        double[] truth = mdp.rewards();
        int[] visits = demos.stateCounts();
        int nv = 0;
        for (int c : visits) if (c > 0) nv++;
        double[] tv = new double[nv], rv = new double[nv], tu = new double[truth.length - nv], ru = new double[truth.length - nv];
        for (int s = 0, i = 0, j = 0; s < truth.length; s++) {
            if (visits[s] > 0) { tv[i] = truth[s]; rv[i++] = recovered[s]; }
            else { tu[j] = truth[s]; ru[j++] = recovered[s]; }
        }
        int[] expert = new GridWorldExpert(mdp, grid.encoding(), config.gamma()).solution().policy();
        int[] greedy = irl.greedyPolicy(recovered);
        int agree = 0;
        for (int s = 0; s < expert.length; s++) if (expert[s] == greedy[s]) agree++;
        double[][][] p = mdp.transitionMatrix();
        double softReturn = SoftValueIteration.expectedReturn(mdp, p, irl.softPolicy(recovered), irl.horizon());
        double greedyReturn = SoftValueIteration.expectedReturn(mdp, p, SoftValueIteration.deterministic(greedy, mdp.numActions()), irl.horizon());
        double expertReturn = SoftValueIteration.expectedReturn(mdp, p, SoftValueIteration.deterministic(expert, mdp.numActions()), irl.horizon());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("pearson", Correlation.pearson(recovered, truth));
        r.put("spearman", Correlation.spearman(recovered, truth));
        r.put("pearson_visited", Correlation.pearson(rv, tv));
        r.put("pearson_unvisited", Correlation.pearson(ru, tu));
        r.put("visited_states", (double) nv);
        r.put("epic", Epic.distance(mdp, SoftValueIteration.stateReward(recovered, mdp.numActions()),
                SoftValueIteration.stateReward(truth, mdp.numActions()), config.gamma()));
        r.put("policy_agreement", agree / (double) expert.length);
        r.put("expert_return", expertReturn);
        r.put("greedy_return_on_recovered", greedyReturn);
        r.put("soft_return_on_recovered", softReturn);
        return r;
    }
}
