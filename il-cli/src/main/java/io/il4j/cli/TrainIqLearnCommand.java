package io.il4j.cli;

import io.il4j.bc.TrainedPolicy;
import io.il4j.core.data.Dataset;
import io.il4j.core.env.Env;
import io.il4j.core.env.EpisodeResult;
import io.il4j.core.env.Rollouts;
import io.il4j.core.io.internal.DatasetRespec;
import io.il4j.core.nn.Activation;
import io.il4j.core.report.LinePlot;
import io.il4j.core.report.Plots;
import io.il4j.core.train.LearningCurvePoint;
import io.il4j.core.report.RunDirectory;
import io.il4j.core.runtime.Il4j;
import io.il4j.core.space.Box;
import io.il4j.core.space.Discrete;
import io.il4j.envs.Envs;
import io.il4j.irl.iq.ContinuousIqLearn;
import io.il4j.irl.iq.DiscreteIqLearn;
import io.il4j.irl.iq.IqLearner;
import io.il4j.irl.iq.IqLearnConfig;
import io.il4j.irl.iq.OnlineConfig;
import io.il4j.irl.iq.RewardFunction;
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

/** {@code il train iqlearn}: IQ-Learn (inverse soft-Q learning) from demonstrations to a policy file and a reward file. */
@Command(name = "iqlearn", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"IQ-Learn (Garg et al. 2021): learns a soft Q-function from demonstrations; its greedy/soft policy is the imitator "
                + "and r(s,a) = Q(s,a) - gamma V(s') the recovered reward.",
                "Discrete actions: one Q-network, policy file = categorical head with the Q-values as logits. Continuous (Box) "
                        + "actions: a critic and a tanh-Gaussian soft actor, policy file = the actor.",
                "Offline by default (no environment step); --online adds the learner's own rollouts in --env.",
                "Writes the policy (--out), the reward (--reward-out) and runs/<name>/ with config.json, metrics.csv (the objective "
                        + "and its parts every 100 updates), results.json and learning_curve.png."})
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

    @Option(names = "--temperature", paramLabel = "X", description = "Entropy temperature alpha of the soft value (default: ${DEFAULT-VALUE}).")
    double temperature = D.temperature();

    @Option(names = "--value-term", paramLabel = "FORM", description = "value: E[V(s) - gamma V(s')] over sampled transitions; "
            + "initial: (1 - gamma) E[V(s0)] over expert starts (default: ${DEFAULT-VALUE}).")
    String valueTerm = "value";

    @Option(names = "--chi2-alpha", paramLabel = "X", description = "Chi-squared regularizer alpha; penalty 1/(4 alpha) E[r^2]; 0 = none (default: ${DEFAULT-VALUE}).")
    double chi2Alpha = D.chi2Alpha();

    @Option(names = "--start-steps", paramLabel = "N", description = "Online: environment steps before the first update (default: ${DEFAULT-VALUE}).")
    int startSteps = OnlineConfig.DEFAULT.startSteps();

    @Option(names = "--eval-episodes", paramLabel = "N", description = "Evaluation episodes when --env is given (default: ${DEFAULT-VALUE}).")
    int evalEpisodes = 10;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of initialization and sampling (default: ${DEFAULT-VALUE}).")
    long seed = D.seed();

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "iqlearn", description = "Run directory name (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs", description = "Where run directories go (default: ${DEFAULT-VALUE}).")
    Path runs;

    @Mixin
    DataInputOptions input;

    @Override
    public Integer call() throws Exception {
        if (Files.isDirectory(out)) throw new IllegalArgumentException("--out " + out + " is a directory; give a file name");
        if (online && envId == null) throw new IllegalArgumentException("--online needs --env (the environment to roll out in)");
        Path reward = rewardOut != null ? rewardOut : siblingReward(out);
        IqLearnConfig config = new IqLearnConfig(hidden, Activation.RELU, steps, batch, lr, actorLr, gamma, temperature,
                parseValueTerm(valueTerm), chi2Alpha, seed);
        Il4j.configure();
        Env env = null;
        if (envId != null) {
            try {
                env = Envs.make(envId, envOptions);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--env: " + e.getMessage(), e);
            }
        }
        Dataset dataset = input.load(data, System.err).dataset();
        if (env != null) dataset = withEnvironmentBounds(dataset, env);
        long t0 = System.nanoTime();
        TrainedPolicy policy;
        RewardFunction rewardFunction;
        Map<String, Double> metrics = new LinkedHashMap<>();
        List<LearningCurvePoint> curve;
        boolean discrete = dataset.spec().actionSpace().isDiscrete();
        try (IqLearner iq = discrete ? new DiscreteIqLearn(dataset, config) : new ContinuousIqLearn(dataset, config)) {
            System.out.println("training " + (discrete ? "discrete" : "continuous") + " IQ-Learn ("
                    + (online ? "online in " + envId : "offline") + ") on " + dataset);
            if (online) iq.trainOnline(env, new OnlineConfig(OnlineConfig.DEFAULT.replayCapacity(), startSteps, seed));
            else iq.trainOffline();
            metrics.putAll(evaluate(iq.policy(Map.of()), env));
            policy = iq.policy(metrics);
            rewardFunction = iq.reward(metrics);
            curve = iq.learningCurve();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        policy.save(out);
        rewardFunction.save(reward);
        RunDirectory run = RunDirectory.create(runs, name);
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("algorithm", "iqlearn");
        cfg.put("data", data.toString());
        cfg.put("online", online);
        cfg.put("env", envId);
        cfg.put("iqlearn", config);
        if (online) cfg.put("onlineConfig", new OnlineConfig(OnlineConfig.DEFAULT.replayCapacity(), startSteps, seed));
        run.writeConfig(cfg);
        Map<String, Object> results = new LinkedHashMap<>(metrics);
        results.put("seconds", seconds);
        results.put("policy", out.toString());
        results.put("reward", reward.toString());
        run.writeResults(results);
        writeCurve(run, curve);
        metrics.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-22s %.3f%n", k, v));
        System.out.printf(Locale.ROOT, "trained in %.1f s%npolicy: %s   reward: %s   run: %s%n", seconds, out, reward, run.path());
        return 0;
    }

    /** metrics.csv (one row per recorded step: loss and the objective's parts) and learning_curve.png. */
    private static void writeCurve(RunDirectory run, List<LearningCurvePoint> curve) throws java.io.IOException {
        if (curve.isEmpty()) return;
        for (LearningCurvePoint p : curve) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("step", p.step());
            row.put("loss", p.trainLoss());
            row.putAll(p.diagnostics());
            row.put("seconds", p.seconds());
            run.appendMetrics(row);
        }
        double[] x = curve.stream().mapToDouble(LearningCurvePoint::step).toArray();
        LinePlot plot = Plots.line("IQ-Learn objective", "update", "value")
                .series("loss", x, curve.stream().mapToDouble(LearningCurvePoint::trainLoss).toArray());
        for (String k : curve.get(0).diagnostics().keySet())
            plot.series(k, x, curve.stream().mapToDouble(p -> p.diagnostics().getOrDefault(k, Double.NaN)).toArray());
        plot.save(run.file("learning_curve.png"));
    }

    private Map<String, Double> evaluate(TrainedPolicy policy, Env env) {
        if (env == null) return Map.of();
        List<EpisodeResult> eps = Rollouts.evaluate(env, policy.policy(), evalEpisodes, 1_000_000L, env.spec().maxEpisodeSteps());
        return Map.of("eval_return", eps.stream().mapToDouble(EpisodeResult::totalReturn).average().orElse(Double.NaN));
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
