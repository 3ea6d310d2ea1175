package io.il4j.cli;

import io.il4j.bc.BcConfig;
import io.il4j.bc.BcTrainer;
import io.il4j.core.train.EvalRollouts;
import io.il4j.bc.HeadType;
import io.il4j.core.report.RunReport;
import io.il4j.core.train.TrainingInterruptedException;
import io.il4j.core.train.TrainingListener;
import io.il4j.core.train.TrainingProgress;
import io.il4j.bc.Relabel;
import io.il4j.bc.TrainedPolicy;
import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetSpec;
import io.il4j.core.io.ShardedDataset;
import io.il4j.core.runtime.Il4j;
import io.il4j.offline.FilteredBc;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code il train bc}: behavioral cloning (and goal-conditioned BC) from a demonstration file to a policy file. */
@Command(name = "bc", mixinStandardHelpOptions = true, sortOptions = false, defaultValueProvider = BcConfigFlags.class,
        description = {"Behavioral cloning: supervised learning of pi(a | s) (or pi(a | s, g)) on demonstrations.",
                "Writes the policy file (--out) and a run directory runs/<name>/ that exists from the start: config.json at once, "
                        + "metrics.csv (one row appended per validation check; watch it with tail -f), learning-curve PNGs refreshed "
                        + "as it trains, results.json at the end, and checkpoint.zip.",
                "Ctrl-C (or SIGTERM) stops at the next step, keeps the checkpoint and prints the command that resumes (--resume).",
                "Load the policy in Java with Policies.load(path).act(observation)."})
final class TrainBcCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Demonstrations (.csv, .npz, .h5, or a sharded "
            + "dataset directory from 'il convert --shard-steps N', which is streamed shard by shard instead of loaded whole).")
    Path data;

    @Option(names = "--buffer-shards", paramLabel = "N", defaultValue = "4",
            description = "Sharded --data: shards sampled from at a time (the shuffle buffer; one more group loads in the "
                    + "background); validation holds out whole shards; no checkpoints are kept (default: ${DEFAULT-VALUE}).")
    int bufferShards;

    @Option(names = "--policy", defaultValue = AUTO, paramLabel = "HEAD",
            description = "Policy head: mse (deterministic), gaussian, mdn (mixture density, for multimodal experts), "
                    + "categorical (discrete actions), tanh_gaussian (squashed into the action box, which must be finite) "
                    + "(default: auto = gaussian for continuous actions, categorical for discrete).")
    String head;

    static final String AUTO = "auto";
    /** Fewer gradient steps than this draw a warning: small files at the default epochs train a few dozen. */
    static final int FEW_STEPS = 500;

    @Option(names = "--out", defaultValue = "policy.zip", paramLabel = "FILE", description = "Policy file to write (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--hidden", split = ",", paramLabel = "N", description = "Hidden layer widths (default: ${DEFAULT-VALUE}).")
    List<Integer> hidden;

    @Option(names = "--lr", paramLabel = "X", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--batch", paramLabel = "N", description = "Minibatch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the data (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--steps", paramLabel = "N", description = "Gradient steps; 0 = use --epochs (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--validation", paramLabel = "F", description = "Fraction of episodes held out for early stopping (default: ${DEFAULT-VALUE}).")
    double validation;

    @Option(names = "--patience", paramLabel = "N",
            description = "Validation checks without improvement before stopping; the best checkpoint is kept; 0 = never (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--components", paramLabel = "K", description = "MDN: mixture components (default: ${DEFAULT-VALUE}).")
    int components;

    @Option(names = "--nll-beta", paramLabel = "B", description = "Gaussian: beta of the beta-NLL loss in [0, 1]; 0 = plain NLL, which lets "
            + "rare, hard samples be explained away by a wide std (default: ${DEFAULT-VALUE}).")
    double nllBeta;

    @Option(names = "--history", paramLabel = "K", description = "Stack the last K observations as input (default: ${DEFAULT-VALUE}).")
    int history;

    @Option(names = "--goal-conditioned", description = "Train pi(a | s, g) (GCBC).")
    boolean goalConditioned;

    @Option(names = "--relabel", paramLabel = "HOW",
            description = "GCBC goals: none (the data's goal columns), final, future, uniform_later (hindsight) (default: ${DEFAULT-VALUE}).")
    String relabel;

    @Option(names = "--achieved-goal-dims", split = ",", paramLabel = "I",
            description = "GCBC with relabeling: observation dims that form the achieved goal (default: the dims the goal "
                    + "columns name, goal_<observation name> as in driving-goal data, else the first goal-dim dims).")
    List<Integer> achievedGoalDims;

    @Option(names = "--top-fraction", paramLabel = "F", defaultValue = "1",
            description = "Filtered BC: train only on the top fraction F in (0, 1] of episodes by return (needs rewards) (default: ${DEFAULT-VALUE} = all episodes).")
    double topFraction;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of initialization, split and batches (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--name", paramLabel = "NAME", description = "Run directory name under --runs (default: bc-<head>).")
    String name;

    @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs", description = "Where run directories go (default: ${DEFAULT-VALUE}).")
    Path runs;

    @ArgGroup(exclusive = false, heading = "%nEvaluation rollouts during training (optional):%n")
    EvalDuringTraining eval;

    static final class EvalDuringTraining {
        @Option(names = "--eval-env", required = true, paramLabel = "ID", description = "Environment to roll the policy out in at validation checks.")
        String envId;

        @Option(names = "--eval-env-option", paramLabel = "KEY=VALUE", description = "Option of the evaluation environment, repeatable.")
        java.util.Map<String, String> envOptions = new java.util.LinkedHashMap<>();

        @Option(names = "--eval-episodes", defaultValue = "5", description = "Episodes per evaluation (default: ${DEFAULT-VALUE}).")
        int episodes;
    }

    @Mixin
    DataInputOptions input;

    @Mixin
    CheckpointOptions checkpoints;

    @Override
    public Integer call() throws Exception {
        OutputFileOption.requireNotDirectory(out);
        Il4j.configure();
        if (bufferShards < 1) throw new IllegalArgumentException("--buffer-shards must be >= 1, got " + bufferShards);
        ShardedDataset shards = ShardedDataset.isSharded(data) ? ShardedDataset.open(data) : null;
        if (shards != null && checkpoints.resume)
            throw new IllegalArgumentException("--resume: training from a sharded dataset keeps no checkpoints yet; start it again without --resume");
        if (shards != null && topFraction != 1)
            throw new IllegalArgumentException("--top-fraction: filtered BC ranks whole episodes in memory; it does not stream a sharded dataset");
        Dataset dataset = shards == null ? input.load(data, System.err).dataset() : null;
        if (dataset != null && topFraction != 1) {
            try {
                Dataset top = FilteredBc.topEpisodes(dataset, topFraction);
                System.out.printf(java.util.Locale.ROOT, "filtered BC: %d of %d episodes, returns >= %.4g%n", top.numEpisodes(),
                        dataset.numEpisodes(), FilteredBc.returnThreshold(dataset, topFraction));
                dataset = top;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--top-fraction: " + e.getMessage().replace("topFraction", "it"), e);
            }
        }
        DatasetSpec spec = shards != null ? shards.spec() : dataset.spec();
        long dataSteps = shards != null ? shards.numSteps() : dataset.numSteps();
        BcConfig config;
        TrainedPolicy trained;
        EvalRollouts rollouts = null;
        if (eval != null) {
            var env = io.il4j.envs.Envs.make(eval.envId, eval.envOptions);
            rollouts = new EvalRollouts(env, eval.episodes, 1_000_000L, env.spec().maxEpisodeSteps(), 1);
        }
        try {
            config = config(spec);
            BcTrainer.checkCompatible(spec, config); // before the run directory exists: a refused run leaves nothing
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(BcConfigFlags.inFlags(e.getMessage()), e);
        }
        // the run directory exists from the start: config.json now, a metrics.csv row and fresh plots at every check
        TrainingRun run = TrainingRun.start(checkpoints, runs, name != null ? name : "bc-" + config.head().cliName(), config,
                shards != null ? DatasetDescription.of(data, shards) : DatasetDescription.of(data, dataset), TrainedPolicy.curveTitle(config));
        try {
            System.out.println("training " + config.head().cliName() + " BC on " + (shards != null ? shards : dataset)
                    + " (run: " + run.dir().path() + ")");
            BcTrainer trainer = new BcTrainer(config, TrainingListener.all(new TrainingProgress("train bc"), run.recorder()), rollouts);
            // streamed training keeps no checkpoints (yet): --checkpoint-every does not apply to it
            trained = shards != null ? trainer.train(shards, bufferShards) : trainer.withCheckpointing(run.checkpointing()).train(dataset);
        } catch (TrainingInterruptedException e) {
            return run.stopped(e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(BcConfigFlags.inFlags(e.getMessage()), e);
        } finally {
            run.close();
        }
        if (!trained.provenance().stoppedEarly() && trained.provenance().stepsTrained() < FEW_STEPS)
            System.err.printf(java.util.Locale.ROOT, "warning: only %d gradient steps (%d epochs of %d steps at batch %d); the policy "
                            + "is probably under-trained: pass --steps %d or more%n", trained.provenance().stepsTrained(),
                    config.epochs(), dataSteps, config.batchSize(), FEW_STEPS);
        trained.save(out);
        Path report = run.finish(trained.provenance());
        System.out.println(Summaries.trainingTable(trained).render());
        System.out.println("policy: " + out + "   run: " + run.dir().path() + "   report: " + report);
        return 0;
    }

    private BcConfig config(DatasetSpec spec) {
        HeadType h = !AUTO.equals(head) ? HeadType.parse(head)
                : spec.actionSpace().isDiscrete() ? HeadType.CATEGORICAL : HeadType.GAUSSIAN;
        return BcConfig.builder().head(h).seed(seed).goalConditioned(goalConditioned)
                .hiddenSizes(hidden).learningRate(learningRate).batchSize(batchSize).epochs(epochs).maxSteps(steps)
                .validationFraction(validation).patience(patience).mixtureComponents(components).nllBeta(nllBeta).history(history)
                .relabel(Relabel.parse(relabel)).achievedGoalDims(achievedGoalDims == null ? List.of() : achievedGoalDims)
                .build();
    }
}
