package io.il4j.cli;

import io.il4j.bc.TrainedPolicy;
import io.il4j.core.data.Dataset;
import io.il4j.core.env.Env;
import io.il4j.core.env.Rollouts;
import io.il4j.core.io.internal.DatasetRespec;
import io.il4j.core.nn.Activation;
import io.il4j.core.metrics.EvaluationSummary;
import io.il4j.core.train.EvalRollouts;
import io.il4j.core.train.TrainingInterruptedException;
import io.il4j.core.train.TrainingListener;
import io.il4j.core.train.TrainingProgress;
import io.il4j.core.runtime.Il4j;
import io.il4j.core.space.Box;
import io.il4j.core.space.Discrete;
import io.il4j.envs.Envs;
import io.il4j.irl.iq.ContinuousIqLearn;
import io.il4j.irl.iq.DiscreteIqLearn;
import io.il4j.irl.iq.IqLearner;
import io.il4j.irl.iq.IqLearnConfig;
import io.il4j.irl.iq.IqRunControl;
import io.il4j.irl.iq.OnlineConfig;
import io.il4j.irl.iq.RewardFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code il train iqlearn}: IQ-Learn (inverse soft-Q learning) from demonstrations to a policy file and a reward file. */
@Command(name = "iqlearn", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"IQ-Learn (Garg et al. 2021): learns a soft Q-function from demonstrations; its greedy/soft policy is the imitator "
                + "and r(s,a) = Q(s,a) - gamma V(s') the recovered reward.",
                "Discrete actions: one Q-network, policy file = categorical head with the Q-values as logits. Continuous (Box) "
                        + "actions: a critic and a tanh-Gaussian soft actor, policy file = the actor.",
                "Offline by default (no environment step); --online adds the learner's own rollouts in --env.",
                "Writes the policy (--out), the reward (--reward-out) and runs/<name>/, which exists from the start: config.json at once, "
                        + "metrics.csv (the objective and its parts every 100 updates, the evaluation return every --eval-every steps; "
                        + "watch it with tail -f), learning-curve PNGs refreshed as it trains, checkpoint.zip, and results.json and "
                        + "report.html at the end.",
                "Ctrl-C (or SIGTERM) stops at the next step, keeps the checkpoint and prints the command that resumes (--resume); "
                        + "online runs keep no checkpoint (the environment's mid-episode state and the replay buffer are not saved)."})
final class TrainIqLearnCommand implements Callable<Integer> {
    private static final IqLearnConfig D = IqLearnConfig.DEFAULT;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Expert demonstrations (.csv, .npz, .h5).")
    Path data;

    @Option(names = "--out", defaultValue = "policy.zip", paramLabel = "FILE", description = "Policy file to write (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--reward-out", paramLabel = "FILE", description = "Reward file to write (default: the policy file's name with -reward.zip).")
    Path rewardOut;

    @Option(names = "--online", description = "Online IQ-Learn: also learn from the policy's own rollouts in --env (default: offline).")
    boolean online;

    @Option(names = "--env", paramLabel = "ID", description = "Environment: required with --online; otherwise optional, for evaluating "
            + "the trained policy and for the action bounds of CSV data.")
    String envId;

    @Option(names = "--env-option", paramLabel = "KEY=VALUE", description = "Environment option, repeatable.")
    Map<String, String> envOptions = new LinkedHashMap<>();

    @Option(names = "--steps", paramLabel = "N", description = "Gradient steps (offline) or environment steps (online) (default: ${DEFAULT-VALUE}).")
    int steps = D.steps();

    @Option(names = "--batch", paramLabel = "N", description = "Expert transitions per step (online: as many of the learner's again) (default: ${DEFAULT-VALUE}).")
    int batch = D.batchSize();

    @Option(names = "--hidden", split = ",", paramLabel = "N", description = "Hidden layer widths of the Q-network and actor (default: ${DEFAULT-VALUE}).")
    List<Integer> hidden = D.hiddenSizes();

    @Option(names = "--lr", paramLabel = "X", description = "Adam learning rate of the Q-network (default: ${DEFAULT-VALUE}).")
    double lr = D.learningRate();

    @Option(names = "--actor-lr", paramLabel = "X", description = "Adam learning rate of the continuous actor (default: ${DEFAULT-VALUE}).")
    double actorLr = D.actorLearningRate();

    @Option(names = "--gamma", paramLabel = "X", description = "Discount (default: ${DEFAULT-VALUE}).")
    double gamma = D.gamma();

    @Option(names = "--temperature", paramLabel = "X", description = "Entropy temperature alpha of the soft value (default: ${DEFAULT-VALUE}). "
            + "Online it must be near the reward's scale (about 1 for the default chi-squared alpha): on CartPole 0.01 returned 117-380 online, "
            + "1 returned 441-500 (README, Inverse RL).")
    double temperature = D.temperature();

    @Option(names = "--value-term", paramLabel = "FORM", description = "value: E[V(s) - gamma V(s')] over sampled transitions; "
            + "initial: (1 - gamma) E[V(s0)] over expert starts (default: ${DEFAULT-VALUE}).")
    String valueTerm = "value";

    @Option(names = "--chi2-alpha", paramLabel = "X", description = "Chi-squared regularizer alpha; penalty 1/(4 alpha) E[r^2]; 0 = none (default: ${DEFAULT-VALUE}).")
    double chi2Alpha = D.chi2Alpha();

    @Option(names = "--target-tau", paramLabel = "X", description = "0: differentiate the objective through V(s') too; > 0: V(s') "
            + "from a target Q-network Polyak-averaged at this rate (default: " + IqLearnConfig.ONLINE_CONTINUOUS_TARGET_TAU
            + " for --online with continuous actions, else 0).")
    Double targetTau;

    @Option(names = "--start-steps", paramLabel = "N", description = "Online: environment steps before the first update (default: ${DEFAULT-VALUE}).")
    int startSteps = OnlineConfig.DEFAULT.startSteps();

    @Option(names = "--absorbing-weight", paramLabel = "W", description = "Online: replay weight of the absorbing state per termination: "
            + "discounted = gamma/(1-gamma) steps (the value term telescopes through it), once = 1 (default: discounted).")
    String absorbingWeight = "discounted";

    @Option(names = "--eval-episodes", paramLabel = "N", description = "Evaluation episodes when --env is given (default: ${DEFAULT-VALUE}).")
    int evalEpisodes = 10;

    @Option(names = "--eval-every", paramLabel = "N", description = "With --env: evaluate the policy (--eval-episodes) every N steps "
            + "into metrics.csv; 0 = only at the end (default: ${DEFAULT-VALUE}).")
    int evalEvery = 1000;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of initialization and sampling (default: ${DEFAULT-VALUE}).")
    long seed = D.seed();

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "iqlearn", description = "Run directory name (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs", description = "Where run directories go (default: ${DEFAULT-VALUE}).")
    Path runs;

    @Mixin
    DataInputOptions input;

    @Mixin
    CheckpointOptions checkpoints;

    @Override
    public Integer call() throws Exception {
        OutputFileOption.requireNotDirectory(out);
        if (online && envId == null) throw new IllegalArgumentException("--online needs --env (the environment to roll out in)");
        if (online && checkpoints.resume)
            throw new IllegalArgumentException("--resume: online IQ-Learn keeps no checkpoints (the environment's mid-episode state and "
                    + "the replay buffer are not saved); start the run again without --resume");
        if (evalEvery < 0) throw new IllegalArgumentException("--eval-every must be >= 0, got " + evalEvery);
        Path reward = rewardOut != null ? rewardOut : siblingReward(out);
        IqLearnConfig config = new IqLearnConfig(hidden, Activation.RELU, steps, batch, lr, actorLr, gamma, temperature,
                parseValueTerm(valueTerm), chi2Alpha, seed, targetTau == null ? 0 : targetTau);
        OnlineConfig onlineConfig = new OnlineConfig(OnlineConfig.DEFAULT.replayCapacity(), startSteps, seed)
                .withAbsorbingWeight(parseAbsorbingWeight(absorbingWeight));
        Il4j.configure();
        Env env = envId == null ? null : makeEnv();
        Dataset dataset = input.load(data, System.err).dataset();
        if (env != null) dataset = withEnvironmentBounds(dataset, env);
        boolean discrete = dataset.spec().actionSpace().isDiscrete();
        if (targetTau == null && online && !discrete) config = config.withTargetTau(IqLearnConfig.ONLINE_CONTINUOUS_TARGET_TAU);
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("algorithm", "iqlearn");
        cfg.put("data", data.toString());
        cfg.put("online", online);
        cfg.put("env", envId);
        cfg.put("iqlearn", config);
        if (online) cfg.put("onlineConfig", onlineConfig);
        long t0 = System.nanoTime();
        try (IqLearner iq = discrete ? new DiscreteIqLearn(dataset, config) : new ContinuousIqLearn(dataset, config)) {
            // a refused configuration (data, spaces) fails above, before the run directory exists
            TrainingRun run = TrainingRun.start(checkpoints, runs, name, cfg, DatasetDescription.of(data, dataset), "IQ-Learn objective");
            try {
                System.out.println("training " + (discrete ? "discrete" : "continuous") + " IQ-Learn ("
                        + (online ? "online in " + envId : "offline") + ") on " + dataset + " (run: " + run.dir().path() + ")");
                // online, the evaluation rollouts need their own environment: the training one is mid-episode
                EvalRollouts rollouts = env == null || evalEvery == 0 ? null
                        : new EvalRollouts(online ? makeEnv() : env, evalEpisodes, EVAL_SEED, env.spec().maxEpisodeSteps(), 1);
                iq.setRunControl(new IqRunControl(TrainingListener.all(new TrainingProgress("train iqlearn"), run.recorder()),
                        run.checkpointing(), rollouts, Math.max(1, evalEvery)));
                if (online) iq.trainOnline(env, onlineConfig);
                else iq.trainOffline();
            } catch (TrainingInterruptedException e) {
                if (e.checkpoint() != null) return run.stopped(e);
                System.out.println();
                System.out.println("stopped at environment step " + e.step() + "; online runs keep no checkpoint: start again to train");
                return CheckpointOptions.STOPPED;
            } finally {
                run.close();
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            EvaluationSummary evaluation = null;
            if (env != null) {
                evaluation = EvaluationSummary.of(Rollouts.evaluate(env, iq.policy(Map.of()).policy(), evalEpisodes, EVAL_SEED,
                        env.spec().maxEpisodeSteps()));
                metrics.put("eval_return", evaluation.totalReturn().mean());
            }
            TrainedPolicy policy = iq.policy(metrics);
            RewardFunction rewardFunction = iq.reward(metrics);
            double seconds = (System.nanoTime() - t0) / 1e9;
            policy.save(out);
            rewardFunction.save(reward);
            Map<String, Object> results = new LinkedHashMap<>(metrics);
            if (evaluation != null) results.put("evaluation", evaluation);
            results.put("seconds", seconds);
            results.put("policy", out.toString());
            results.put("reward", reward.toString());
            results.put("provenance", policy.provenance());
            Path report = run.finish(results);
            metrics.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-22s %.3f%n", k, v));
            System.out.printf(Locale.ROOT, "trained in %.1f s%npolicy: %s   reward: %s   run: %s   report: %s%n", seconds, out, reward,
                    run.dir().path(), report);
        }
        return 0;
    }

    /** Seed of the first evaluation episode (as {@code il eval}'s default: seeds the demonstrations did not use). */
    static final long EVAL_SEED = 1_000_000L;

    private Env makeEnv() {
        try {
            return Envs.make(envId, envOptions);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--env: " + e.getMessage(), e);
        }
    }

    static Path siblingReward(Path policy) {
        String f = policy.getFileName().toString();
        String stem = f.endsWith(".zip") ? f.substring(0, f.length() - 4) : f;
        return policy.resolveSibling(stem + "-reward.zip");
    }

    static IqLearnConfig.ValueTerm parseValueTerm(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "value" -> IqLearnConfig.ValueTerm.VALUE;
            case "initial" -> IqLearnConfig.ValueTerm.INITIAL;
            default -> throw new IllegalArgumentException("--value-term must be value or initial, got '" + s + "'");
        };
    }

    static OnlineConfig.AbsorbingWeight parseAbsorbingWeight(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "discounted" -> OnlineConfig.AbsorbingWeight.DISCOUNTED;
            case "once" -> OnlineConfig.AbsorbingWeight.ONCE;
            default -> throw new IllegalArgumentException("--absorbing-weight must be discounted or once, got '" + s + "'");
        };
    }

    /** Checks the data against the environment's spaces and gives unbounded continuous data the environment's box. */
    static Dataset withEnvironmentBounds(Dataset d, Env env) {
        var envSpace = env.spec().actionSpace();
        var dataSpace = d.spec().actionSpace();
        boolean fits = envSpace.isDiscrete() == dataSpace.isDiscrete() && envSpace.storageDim() == dataSpace.storageDim()
                // a CSV file's discrete action count is its largest action + 1: fewer than the environment's is fine
                && (!(dataSpace instanceof Discrete dd) || dd.n() <= ((Discrete) envSpace).n());
        if (!fits)
            throw new IllegalArgumentException("environment " + env.spec().id() + " has action space " + envSpace
                    + "; the data have " + dataSpace);
        if (env.spec().observationDim() != d.observationDim())
            throw new IllegalArgumentException("environment " + env.spec().id() + " has " + env.spec().observationDim()
                    + " observation dims; the data have " + d.observationDim());
        if (dataSpace instanceof Discrete dd && !dd.equals(envSpace)) return DatasetRespec.withActionSpace(d, envSpace);
        if (dataSpace instanceof Box b && envSpace instanceof Box eb) {
            for (int i = 0; i < b.dim(); i++)
                if (!Double.isFinite(b.low(i)) || !Double.isFinite(b.high(i))) return DatasetRespec.withActionSpace(d, eb);
        }
        return d;
    }
}
