package io.il4j.cli;

import io.il4j.core.train.EvalRollouts;
import io.il4j.core.data.Dataset;
import io.il4j.core.env.Env;
import io.il4j.core.train.LearningCurvePoint;
import io.il4j.core.train.TrainingInterruptedException;
import io.il4j.core.train.TrainingListener;
import io.il4j.core.report.Table;
import io.il4j.core.runtime.Il4j;
import io.il4j.core.space.Box;
import io.il4j.offline.ContinuousCql;
import io.il4j.offline.CqlConfig;
import io.il4j.core.train.TrainingProgress;
import io.il4j.offline.CriticDivergedException;
import io.il4j.offline.DiscreteCql;
import io.il4j.offline.DiscreteCqlConfig;
import io.il4j.offline.TrainedCql;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code il train cql}: conservative Q-learning (offline RL) from a dataset with rewards to a policy file. */
@Command(name = "cql", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Conservative Q-learning (offline RL): learns from logged transitions with rewards, from any policy, and aims "
                + "to do better than the data. Continuous actions: SAC with twin critics and the CQL(H) penalty; discrete actions: "
                + "double DQN with the CQL penalty.",
                "Writes the policy file (--out; the same format as BC's: Policies.load, il eval and DAgger read it), the critics "
                        + "beside it (<out>.critics.zip) and runs/<name>/, which exists from the start: config.json at once, "
                        + "metrics.csv with one row appended per evaluation interval (critic loss as train_loss, TD error, "
                        + "conservative gap, alpha, temperature, average Q next to the data's discounted return, evaluation "
                        + "return; watch it with tail -f), PNG curves refreshed as it trains, results.json and report.html at "
                        + "the end, and checkpoint.zip.",
                "Ctrl-C (or SIGTERM) stops at the next step, keeps the checkpoint and prints the command that resumes (--resume); "
                        + "the resumed run ends with exactly the networks of an uninterrupted one."})
final class TrainCqlCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Transitions with rewards (.csv, .npz, .h5).")
    Path data;

    @ArgGroup(exclusive = true)
    Kind kind;

    static final class Kind {
        @Option(names = "--discrete", description = "Discrete CQL (double DQN); the data must have discrete actions.")
        boolean discrete;
        @Option(names = "--continuous", description = "Continuous CQL (SAC); the data must have Box actions with finite bounds.")
        boolean continuous;
    }

    @Option(names = "--out", defaultValue = "policy.zip", paramLabel = "FILE", description = "Policy file to write (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--hidden", split = ",", defaultValue = "256,256", paramLabel = "N",
            description = "Hidden widths of every network (critics, actor) (default: ${DEFAULT-VALUE}).")
    List<Integer> hidden;

    @Option(names = "--steps", paramLabel = "N", description = "Gradient steps (default: " + CqlConfig.DEFAULT_STEPS + " continuous, "
            + DiscreteCqlConfig.DEFAULT_STEPS + " discrete).")
    Integer steps;

    @Option(names = "--eval-interval", paramLabel = "N", description = "Gradient steps between diagnostics rows and evaluations (default: "
            + CqlConfig.DEFAULT_EVAL_INTERVAL + " continuous, " + DiscreteCqlConfig.DEFAULT_EVAL_INTERVAL + " discrete).")
    Integer evalInterval;

    @Option(names = "--batch", defaultValue = "" + CqlConfig.DEFAULT_BATCH, paramLabel = "N", description = "Minibatch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--alpha", paramLabel = "X", description = "Weight of the conservative penalty (default: " + CqlConfig.DEFAULT_CQL_ALPHA
            + " continuous, as the CQL paper's Gym runs and d3rlpy; " + DiscreteCqlConfig.DEFAULT_ALPHA + " discrete).")
    Double alpha;

    @Option(names = "--lagrange", description = "Continuous: learn the penalty weight so that the conservative gap approaches --target-gap "
            + "(CQL-Lagrange) instead of a fixed --alpha.")
    boolean lagrange;

    @Option(names = "--target-gap", defaultValue = "" + CqlConfig.DEFAULT_TARGET_GAP, paramLabel = "X",
            description = "Continuous, with --lagrange: the conservative gap the multiplier aims at (default: ${DEFAULT-VALUE}).")
    double targetGap;

    @Option(names = "--sampled-actions", defaultValue = "" + CqlConfig.DEFAULT_SAMPLED_ACTIONS, paramLabel = "N",
            description = "Continuous: actions of each kind (uniform, policy at s, policy at s') in the logsumexp (default: ${DEFAULT-VALUE}).")
    int sampledActions;

    @Option(names = "--critic-lr", paramLabel = "X", description = "Adam learning rate of the critic(s) (default: " + CqlConfig.DEFAULT_CRITIC_LR
            + " continuous, " + DiscreteCqlConfig.DEFAULT_LR + " discrete).")
    Double criticLr;

    @Option(names = "--actor-lr", defaultValue = "" + CqlConfig.DEFAULT_ACTOR_LR, paramLabel = "X",
            description = "Continuous: Adam learning rate of the actor (default: ${DEFAULT-VALUE}).")
    double actorLr;

    @Option(names = "--bc-warmup", defaultValue = "0", paramLabel = "N",
            description = "Continuous: first steps in which the actor imitates the data instead of maximizing Q (default: ${DEFAULT-VALUE}).")
    int bcWarmup;

    @Option(names = "--target-update", defaultValue = "" + DiscreteCqlConfig.DEFAULT_TARGET_UPDATE_INTERVAL, paramLabel = "N",
            description = "Discrete: copy the target network every N steps; 0 = Polyak averaging with --tau (default: ${DEFAULT-VALUE}).")
    int targetUpdate;

    @Option(names = "--gamma", defaultValue = "" + CqlConfig.DEFAULT_GAMMA, paramLabel = "X", description = "Discount (default: ${DEFAULT-VALUE}).")
    double gamma;

    @Option(names = "--tau", defaultValue = "" + CqlConfig.DEFAULT_TAU, paramLabel = "X",
            description = "Polyak rate of the target networks (default: ${DEFAULT-VALUE}).")
    double tau;

    @Option(names = "--reward-scale", defaultValue = "1", paramLabel = "X",
            description = "Multiply rewards by this before learning; saved with the run (default: ${DEFAULT-VALUE}).")
    double rewardScale;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed of initialization, batches and sampled actions (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--name", paramLabel = "NAME", description = "Run directory name under --runs (default: cql or discrete-cql).")
    String name;

    @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs", description = "Where run directories go (default: ${DEFAULT-VALUE}).")
    Path runs;

    @ArgGroup(exclusive = false, heading = "%nEvaluation rollouts at every interval (optional):%n")
    TrainBcCommand.EvalDuringTraining eval;

    @Mixin
    DataInputOptions input;

    @Mixin
    CheckpointOptions checkpoints;

    @Override
    public Integer call() throws Exception {
        OutputFileOption.requireNotDirectory(out);
        Il4j.configure();
        Env env = eval == null ? null : io.il4j.envs.Envs.make(eval.envId, eval.envOptions);
        // a CSV file carries no action bounds: take the evaluation environment's unless given
        if (env != null && env.spec().actionSpace() instanceof Box box && input.actionLow == null && input.discreteActionColumn == null) {
            input.actionLow = box.low();
            input.actionHigh = box.high();
        }
        Dataset dataset = input.load(data, System.err).dataset();
        boolean discrete = kind != null ? kind.discrete : dataset.spec().actionSpace().isDiscrete();
        EvalRollouts rollouts = env == null ? null : new EvalRollouts(env, eval.episodes, 1_000_000L, env.spec().maxEpisodeSteps(), 1);
        Object config;
        try { // config and data checked before the run directory exists: a refused run leaves nothing
            config = discrete ? discreteConfig() : continuousConfig();
            if (discrete) DiscreteCql.checkData(dataset);
            else ContinuousCql.checkData(dataset);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(inFlags(e.getMessage(), discrete), e);
        }
        String algorithm = discrete ? "discrete-cql" : "cql";
        TrainingRun run = TrainingRun.start(checkpoints, runs, name != null ? name : algorithm, Map.of("algorithm", algorithm, "config", config),
                DatasetDescription.of(data, dataset), algorithm + ": critic loss");
        TrainedCql trained;
        try {
            System.out.println("training " + (discrete ? "discrete" : "continuous") + " CQL on " + dataset + " (run: " + run.dir().path() + ")");
            List<LearningCurvePoint> earlier = run.resumeFrom() == null ? List.of() : run.resumeFrom().curve();
            TrainingListener listener = TrainingListener.all(new TrainingProgress("train cql"), run.recorder(),
                    TrainedCql.livePlots(run.dir(), algorithm, earlier, TrainingRun.PLOT_INTERVAL_MS));
            trained = discrete ? DiscreteCql.train(dataset, (DiscreteCqlConfig) config, listener, rollouts, run.checkpointing())
                    : ContinuousCql.train(dataset, (CqlConfig) config, listener, rollouts, run.checkpointing());
        } catch (TrainingInterruptedException e) {
            return run.stopped(e);
        } catch (CriticDivergedException e) {
            System.err.println("il train cql: " + e.getMessage() + "; no policy was written (the diagnostics up to it are in "
                    + run.dir().file(io.il4j.core.report.RunDirectory.METRICS) + ")");
            return 1;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(inFlags(e.getMessage(), discrete), e);
        } finally {
            run.close();
        }
        trained.save(out);
        trained.writePlots(run.dir());
        Path report = run.finish(trained.provenance());
        System.out.println(summary(trained).render());
        System.out.println("policy: " + out + "   critics: " + TrainedCql.criticsFile(out) + "   run: " + run.dir().path() + "   report: " + report);
        return 0;
    }

    private DiscreteCqlConfig discreteConfig() {
        DiscreteCqlConfig.Builder b = DiscreteCqlConfig.builder().hiddenSizes(hidden).batchSize(batch).gamma(gamma).tau(tau)
                .targetUpdateInterval(targetUpdate).rewardScale(rewardScale).seed(seed);
        if (steps != null) b.steps(steps);
        if (evalInterval != null) b.evalInterval(evalInterval);
        if (alpha != null) b.alpha(alpha);
        if (criticLr != null) b.learningRate(criticLr);
        return b.build();
    }

    private CqlConfig continuousConfig() {
        CqlConfig.Builder b = CqlConfig.builder().hiddenSizes(hidden).batchSize(batch).gamma(gamma).tau(tau).lagrange(lagrange)
                .targetActionGap(targetGap).sampledActions(sampledActions).actorLearningRate(actorLr).bcWarmupSteps(bcWarmup)
                .rewardScale(rewardScale).seed(seed);
        if (steps != null) b.steps(steps);
        if (evalInterval != null) b.evalInterval(evalInterval);
        if (alpha != null) b.cqlAlpha(alpha);
        if (criticLr != null) b.criticLearningRate(criticLr);
        return b.build();
    }

    /** The library speaks of config fields and of the other algorithm; say it in flags. */
    private static String inFlags(String message, boolean discrete) {
        String m = message.replace("use discrete CQL", "pass --discrete (or leave the choice to the data)")
                .replace("use continuous CQL", "pass --continuous (or leave the choice to the data)")
                .replace("rewardScale", "--reward-scale").replace("sampledActions", "--sampled-actions").replace("batchSize", "--batch")
                .replace("targetUpdateInterval", "--target-update").replace("cqlAlpha", "--alpha")
                .replace("criticLearningRate", "--critic-lr").replace("actorLearningRate", "--actor-lr").replace("evalInterval", "--eval-interval")
                .replace("bcWarmupSteps", "--bc-warmup").replace("targetActionGap", "--target-gap");
        if (discrete) m = m.replace("learningRate", "--critic-lr").replace("alpha must", "--alpha must");
        if (m.contains("finite bounds")) m += "; give --action-low/--action-high, or --eval-env (whose bounds are then used)";
        return m;
    }

    private static Table summary(TrainedCql t) {
        Table table = new Table("training", "value").title("CQL training summary (" + t.algorithm() + ")");
        table.addRow("gradient steps", t.provenance().stepsTrained());
        for (Map.Entry<String, Double> e : t.provenance().metrics().entrySet()) table.addRow(e.getKey(), e.getValue());
        if (Double.isFinite(t.finalReturn()))
            table.addRow("score to quote", String.format(java.util.Locale.ROOT, "final_eval_return %.2f (the best interval, %.2f, is "
                    + "chosen with the evaluation itself and is optimistic)", t.finalReturn(), t.bestReturn()));
        table.addRow("dataset", t.provenance().datasetSummary());
        return table;
    }
}
