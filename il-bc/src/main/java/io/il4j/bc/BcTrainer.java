package io.il4j.bc;

import io.il4j.core.train.TrainingListener;
import io.il4j.core.train.LearningCurvePoint;
import io.il4j.core.train.TrainingDivergedException;
import io.il4j.core.train.EvalRollouts;
import io.il4j.core.train.Provenance;
import io.il4j.core.train.Checkpoint;
import io.il4j.core.train.Checkpointing;
import io.il4j.core.train.TrainingInterruptedException;
import io.il4j.core.report.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.il4j.bc.internal.Dl4jEngine;
import io.il4j.bc.internal.Engine;
import io.il4j.core.nn.Head;
import io.il4j.bc.internal.Heads;
import io.il4j.bc.internal.LeanEngine;
import io.il4j.core.data.AchievedGoals;
import io.il4j.core.data.BatchSource;
import io.il4j.core.data.Dataset;
import io.il4j.core.data.IncompatibleDatasetException;
import io.il4j.core.data.DatasetSpec;
import io.il4j.core.data.EpisodeSplit;
import io.il4j.core.data.GoalRelabeler;
import io.il4j.core.data.MinibatchSampler;
import io.il4j.core.data.Normalizer;
import io.il4j.core.data.ShardSource;
import io.il4j.core.data.ShardStream;
import io.il4j.core.data.StreamingMoments;
import io.il4j.core.data.StreamingSampler;
import io.il4j.core.env.EpisodeResult;
import io.il4j.core.env.GoalConditionedPolicy;
import io.il4j.core.env.GoalEnv;
import io.il4j.core.env.Rollouts;
import io.il4j.core.nn.MlpWeights;
import io.il4j.core.policy.Policy;
import io.il4j.core.policy.PolicyLearner;
import io.il4j.core.runtime.Il4j;
import io.il4j.core.space.Box;
import io.il4j.core.space.Discrete;
import org.nd4j.linalg.api.ndarray.INDArray;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Behavioral cloning (and goal-conditioned BC): fits a policy network to (state, expert action) pairs.
 *
 * <p>Top to bottom, {@link #train(Dataset)}: check the dataset against the config; split episodes
 * into training and validation (seeded); fit normalizers on the training episodes; then Adam steps on
 * seeded minibatches, with a validation check every epoch (or {@code validationInterval} steps),
 * optional evaluation rollouts, early stopping after {@code patience} checks without improvement,
 * and the best validation checkpoint restored at the end. A NaN/Inf loss stops training with a
 * {@link TrainingDivergedException}. Same seed and data give identical weights.
 *
 * <pre>
 * TrainedPolicy t = BcTrainer.train(data, BcConfig.defaults(HeadType.GAUSSIAN), TrainingListener.NONE);
 * t.save(Path.of("policy.zip"));
 * </pre>
 * As a {@link PolicyLearner} (DAgger), {@link #fit} trains with the given seed and warm-starts from a
 * compatible previous {@link BcPolicy} (its weights and normalizers).
 *
 * <p>Thread-safety: an instance holds only its configuration and may be shared; each call trains
 * independently (ND4J work runs on the calling thread).
 */
public final class BcTrainer implements PolicyLearner {

    private static final int MAX_VALIDATION_BATCH = 4096;
    /** Threads reading shards ahead during the normalizer pass over a sharded dataset (checksums and parsing). */
    private static final int SHARD_READERS = 2;
    private static final double STD_FLOOR = Normalizer.DEFAULT_STD_FLOOR;

    private final BcConfig config;
    private final TrainingListener listener;
    private final EvalRollouts eval;
    private Checkpointing checkpointing;

    public BcTrainer(BcConfig config) {
        this(config, TrainingListener.NONE, null);
    }

    /** {@code eval} may be null (no rollouts during training). */
    public BcTrainer(BcConfig config, TrainingListener listener, EvalRollouts eval) {
        if (config == null) throw new IllegalArgumentException("config must not be null");
        this.config = config;
        this.listener = listener == null ? TrainingListener.NONE : listener;
        this.eval = eval;
    }

    public static TrainedPolicy train(Dataset data, BcConfig config, TrainingListener listener) {
        return new BcTrainer(config, listener, null).train(data);
    }

    public static TrainedPolicy train(Dataset data, BcConfig config, TrainingListener listener, EvalRollouts eval) {
        return new BcTrainer(config, listener, eval).train(data);
    }

    public BcConfig config() {
        return config;
    }

    /**
     * The same trainer, keeping checkpoints as {@code checkpointing} says and, when it names one, continuing from a
     * checkpoint of the same configuration and data: the result is then bit-identical to an uninterrupted run's. A
     * stop request ends training with a {@link TrainingInterruptedException} after writing the checkpoint. Layer-norm
     * trunks (and engine=dl4j) train on DL4J and cannot checkpoint: {@link #train} refuses them.
     */
    public BcTrainer withCheckpointing(Checkpointing checkpointing) {
        BcTrainer t = new BcTrainer(config, listener, eval);
        t.checkpointing = checkpointing;
        return t;
    }

    public TrainedPolicy train(Dataset data) {
        return run(data, config, null);
    }

    @Override
    public Policy fit(Dataset data, long seed, Policy warmStart) {
        BcConfig c = config.withSeed(seed);
        BcPolicy warm = null;
        if (warmStart instanceof BcPolicy b && b.config().head() == c.head()
                && b.weights().inputDim() == inputDim(data.spec(), c) && b.config().trunk().equals(c.trunk()))
            warm = b;
        return run(data, c, warm).policy();
    }

    // ---- the algorithm ---------------------------------------------------------------------------

    private TrainedPolicy run(Dataset data, BcConfig c, BcPolicy warm) {
        long started = System.nanoTime();
        Inputs in = prepare(data.spec(), c);
        DatasetSpec pspec = in.policySpec();
        int goalDim = in.goalDim();
        int[] goalDims = in.achievedGoalDims();

        Dataset trainData = data, valData = null;
        if (c.validationFraction() > 0) {
            if (data.numEpisodes() < 2)
                throw new IllegalArgumentException("validation needs at least 2 episodes (validation is by episode); the dataset has "
                        + data.numEpisodes() + ": set validationFraction=0 or add episodes");
            EpisodeSplit split = EpisodeSplit.of(data, c.validationFraction(), c.seed() ^ 0x5EED5EEDL);
            trainData = split.train();
            valData = split.validation();
        }
        GoalRelabeler trainGoals = relabeler(trainData, c, goalDims), valGoals = valData == null ? null : relabeler(valData, c, goalDims);
        int[] trainSteps = trainableSteps(trainData, trainGoals);
        int[] valSteps = valData == null ? new int[0] : trainableSteps(valData, valGoals);
        if (trainSteps.length == 0)
            throw new IllegalArgumentException("no training step can be relabeled: every training episode is a single step without its final observation");
        BcNormalizers norms = warm != null ? warm.normalizers() : fitNormalizers(trainData, trainSteps, c, goalDims, goalDim);

        MinibatchSampler train = sampler(trainData, trainSteps, c.batchSize(), c.seed() + 1, true, c, norms, trainGoals, goalDim);
        MinibatchSampler val = valSteps.length == 0 ? null
                : sampler(valData, valSteps, Math.min(MAX_VALIDATION_BATCH, valSteps.length), c.seed() + 2, false, c, norms, valGoals, goalDim);
        return loop(c, warm, pspec, norms, train, train, val, trainSteps.length, valSteps.length, data.contentHash(), data.toString(), started);
    }

    /**
     * Trains on a sharded dataset without loading it whole: normalizers are fitted in one pass over the training
     * shards, then minibatches stream through a {@link StreamingSampler} holding {@code bufferShards} shards at a time
     * (plus the next group loading). Validation holds out whole shards (a {@code validationFraction} of them, at least
     * one, seeded) and keeps them in memory. With every training shard in the buffer and {@code validationFraction=0},
     * the policy is bit-identical to {@link #train(Dataset)} on the concatenated shards.
     */
    public TrainedPolicy train(ShardSource data, int bufferShards) {
        BcConfig c = config;
        if (checkpointing != null && (checkpointing.resumeFrom() != null || checkpointing.everySteps() > 0))
            throw new IllegalArgumentException("checkpoints and resume are not available when training from shards yet; train without "
                    + "checkpoints");
        long started = System.nanoTime();
        Inputs in = prepare(data.spec(), c);
        DatasetSpec pspec = in.policySpec();
        int goalDim = in.goalDim();
        int[] goalDims = in.achievedGoalDims();

        int[] trainShards = StreamingSampler.allShards(data), valShards = new int[0];
        if (c.validationFraction() > 0) {
            int n = data.numShards();
            if (n < 2)
                throw new IllegalArgumentException("validation on a sharded dataset holds out whole shards, and this one has 1: set "
                        + "validationFraction=0 or write more, smaller shards");
            int held = Math.min(n - 1, Math.max(1, (int) Math.round(c.validationFraction() * n)));
            int[] order = trainShards.clone();
            java.util.SplittableRandom rng = new java.util.SplittableRandom(c.seed() ^ 0x5EED5EEDL);
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1), t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            valShards = java.util.Arrays.copyOf(order, held);
            trainShards = java.util.Arrays.copyOfRange(order, held, n);
            java.util.Arrays.sort(valShards);
            java.util.Arrays.sort(trainShards);
        }
        BcNormalizers norms = fitNormalizers(data, trainShards, c, goalDims, goalDim);
        MinibatchSampler val = null;
        int valSize = 0;
        if (valShards.length > 0) {
            Dataset valData = StreamingSampler.load(data, valShards);
            GoalRelabeler valGoals = relabeler(valData, c, goalDims);
            int[] valSteps = trainableSteps(valData, valGoals);
            valSize = valSteps.length;
            if (valSize > 0)
                val = sampler(valData, valSteps, Math.min(MAX_VALIDATION_BATCH, valSize), c.seed() + 2, false, c, norms, valGoals, goalDim);
        }
        try (StreamingSampler train = new StreamingSampler(data, trainShards, bufferShards, c.batchSize(), c.seed() + 1, (group, seed) -> {
            GoalRelabeler goals = relabeler(group, c, goalDims);
            return sampler(group, trainableSteps(group, goals), c.batchSize(), seed, true, c, norms, goals, goalDim);
        })) {
            long trainSize = 0;
            for (int s : trainShards) trainSize += data.shardSteps(s);
            return loop(c, null, pspec, norms, train, null, val, (int) Math.min(Integer.MAX_VALUE, trainSize), valSize, data.contentHash(),
                    data.toString() + " (streamed, " + bufferShards + " shards buffered)", started);
        }
    }

    /**
     * The training loop shared by in-memory and streamed data: Adam steps, validation checks, early stopping, and
     * checkpoints ({@code checkpointed} is the in-memory sampler whose state they save; null when streaming).
     */
    private TrainedPolicy loop(BcConfig c, BcPolicy warm, DatasetSpec pspec, BcNormalizers norms, BatchSource train,
                               MinibatchSampler checkpointed, MinibatchSampler val, int trainSize, int valSize, String dataHash,
                               String dataDescription, long started) {
        Head head = Heads.create(c, pspec.actionSpace());
        int inputDim = train.observationWidth();
        Engine engine = c.engine() == TrainingEngine.LEAN && LeanEngine.supports(c.trunk())
                ? new LeanEngine(inputDim, c.trunk(), head, c.learningRate(), c.weightDecay(), c.seed(), c.batchSize())
                : new Dl4jEngine(inputDim, c.trunk(), head, c.learningRate(), c.weightDecay(), c.seed());
        if (warm != null) engine.setWeights(warm.weights());

        int perEpoch = train.batchesPerEpoch();
        int totalSteps = c.maxSteps() > 0 ? c.maxSteps() : c.epochs() * perEpoch;
        int interval = c.validationInterval() > 0 ? c.validationInterval() : perEpoch;

        List<LearningCurvePoint> curve = new ArrayList<>();
        MlpWeights best = null;
        Loop s = Loop.start();
        int step = 0;
        boolean stoppedEarly = false;
        Checkpointing ck = checkpointed == null ? null : checkpointing; // streamed runs keep no checkpoints
        if (ck != null && !engine.checkpointable())
            throw new IllegalArgumentException("checkpoints and resume are not available for this configuration: layer-norm trunks "
                    + "(layerNorm=true) and engine=dl4j train on DL4J, whose optimizer state il4j does not save; train without checkpoints");
        if (ck != null && ck.resumeFrom() != null) {
            Checkpoint r = ck.resumeFrom();
            r.requireSameRun(TRAINER, configJson(c), dataHash);
            engine.setWeights(r.network(NET));
            engine.restoreOptimizer(r.optimizer(NET));
            checkpointed.restore(r.sampler(TRAIN_SAMPLER));
            best = r.networks().get(BEST_NET);
            curve.addAll(r.curve());
            s = Json.mapper().convertValue(r.loop(), Loop.class);
            step = r.step();
            started -= (long) (s.seconds() * 1e9);
        }
        LearningCurvePoint last = curve.isEmpty() ? null : curve.get(curve.size() - 1);
        listener.onStart(totalSteps, trainSize, valSize);

        double bestVal = s.bestVal(), lastGood = s.lastGood(), intervalSum = s.intervalSum();
        int bestStep = s.bestStep(), lastGoodStep = s.lastGoodStep(), intervalCount = s.intervalCount(), checks = s.checks(),
                sinceBest = s.sinceBest();
        while (step < totalSteps) {
            MinibatchSampler.Batch b = train.next();
            double loss = engine.fit(b.observations(), b.actions());
            step++;
            if (!Double.isFinite(loss)) throw new TrainingDivergedException(step, loss, lastGood, lastGoodStep);
            lastGood = loss;
            lastGoodStep = step;
            intervalSum += loss;
            intervalCount++;
            listener.onStep(step, loss);
            if (step % interval == 0 || step == totalSteps) {
                checks++;
                double valLoss = val == null ? Double.NaN : validationLoss(engine, val, head);
                if (!Double.isNaN(valLoss) && !Double.isFinite(valLoss))
                    throw new TrainingDivergedException(step, valLoss, lastGood, lastGoodStep);
                double evalReturn = Double.NaN;
                Map<String, Double> evalMetrics = Map.of();
                if (eval != null && (checks % eval.everyChecks() == 0 || step == totalSteps)) {
                    List<EpisodeResult> results = evaluate(new BcPolicy(engine.weights(), c, pspec, norms), eval, c);
                    evalReturn = results.stream().mapToDouble(EpisodeResult::totalReturn).average().orElse(Double.NaN);
                    evalMetrics = meanMetrics(results);
                }
                last = new LearningCurvePoint(step, step / (double) perEpoch, intervalSum / intervalCount, valLoss, evalReturn,
                        evalMetrics, (System.nanoTime() - started) / 1e9);
                curve.add(last);
                intervalSum = 0;
                intervalCount = 0;
                boolean improved = val != null && valLoss < bestVal;
                if (improved) {
                    bestVal = valLoss;
                    best = engine.weights();
                    bestStep = step;
                    sinceBest = 0;
                } else {
                    sinceBest++;
                }
                listener.onCheckpoint(last, improved);
                if (val != null && c.patience() > 0 && sinceBest >= c.patience() && step < totalSteps) {
                    stoppedEarly = true;
                    break;
                }
            }
            if (ck != null && (ck.due(step) || ck.stop().requested())) {
                Loop state = new Loop(checks, sinceBest, bestVal, bestStep, lastGood, lastGoodStep, intervalSum, intervalCount,
                        (System.nanoTime() - started) / 1e9);
                writeCheckpoint(ck, c, dataHash, step, engine, best, checkpointed, curve, state);
                if (ck.stop().requested()) {
                    listener.onFinish();
                    throw new TrainingInterruptedException(step, ck.file());
                }
            }
        }
        MlpWeights finalWeights = best != null ? best : engine.weights();
        if (best == null) bestStep = step;
        BcPolicy policy = new BcPolicy(finalWeights, c, pspec, norms);

        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("train_loss", last == null ? Double.NaN : last.trainLoss());
        if (val != null) metrics.put("validation_loss", bestVal);
        if (last != null && !Double.isNaN(last.evalReturn())) {
            metrics.put("eval_return", last.evalReturn());
            last.evalMetrics().forEach((k, v) -> metrics.put("eval_" + k, v));
        }
        Provenance prov = Provenance.of("bc", dataHash, dataDescription, c.seed(), step, bestStep, stoppedEarly, metrics);
        TrainedPolicy result = new TrainedPolicy(policy, prov, curve);
        listener.onFinish();
        return result;
    }

    // ---- checkpoints -------------------------------------------------------------------------------

    private static final String TRAINER = "bc", NET = "policy", BEST_NET = "best", TRAIN_SAMPLER = "train";

    /** The training loop's own variables at a step, for checkpoints (doubles survive JSON exactly, NaN and infinity as strings). */
    private record Loop(int checks, int sinceBest, double bestVal, int bestStep, double lastGood, int lastGoodStep,
                        double intervalSum, int intervalCount, double seconds) {
        static Loop start() {
            return new Loop(0, 0, Double.POSITIVE_INFINITY, 0, Double.NaN, 0, 0, 0, 0);
        }
    }

    private static JsonNode configJson(BcConfig c) {
        return Json.fromString(c.toJson(), JsonNode.class);
    }

    private static void writeCheckpoint(Checkpointing ck, BcConfig c, String dataHash, int step, Engine engine, MlpWeights best,
                                        MinibatchSampler train, List<LearningCurvePoint> curve, Loop loop) {
        Map<String, MlpWeights> nets = new LinkedHashMap<>();
        nets.put(NET, engine.weights());
        if (best != null) nets.put(BEST_NET, best);
        Checkpoint cp = new Checkpoint(TRAINER, step, configJson(c), dataHash, nets, Map.of(NET, engine.optimizerState()),
                Map.of(TRAIN_SAMPLER, train.state()), curve, Json.toTree(loop));
        try {
            cp.write(ck.file());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + ck.file() + " at step " + step, e);
        }
    }

    /** What the data's spec and the config decide before training: the policy's spec and the goal dims. */
    private record Inputs(DatasetSpec policySpec, int goalDim, int[] achievedGoalDims) {
    }

    /** Configures the runtime and checks the data against the config (and the evaluation env), before any work. */
    private Inputs prepare(DatasetSpec spec, BcConfig c) {
        Il4j.configure();
        checkCompatible(spec, c);
        if (eval != null && c.goalConditioned() && !(eval.env() instanceof GoalEnv))
            throw new IllegalArgumentException("evaluating a goal-conditioned policy needs a GoalEnv (it supplies the goal); got "
                    + eval.env().getClass().getSimpleName());
        DatasetSpec pspec = policySpec(spec, c);
        return new Inputs(pspec, c.goalConditioned() ? pspec.goalDim() : 0,
                c.goalConditioned() && c.relabel() != Relabel.NONE ? achievedGoalDims(spec, c) : null);
    }

    private static double validationLoss(Engine engine, MinibatchSampler val, Head head) {
        val.reset();
        int n = val.size(), done = 0;
        double sum = 0;
        while (done < n) {
            MinibatchSampler.Batch b = val.next();
            int rows = Math.min(val.batchSize(), n - done);
            INDArray z = engine.output(b.observations());
            sum += head.lossSum(z.data().asDouble(), b.actions().data().asDouble(), rows, null, null);
            done += rows;
        }
        return sum / n;
    }

    private static List<EpisodeResult> evaluate(BcPolicy snapshot, EvalRollouts eval, BcConfig c) {
        Policy p = c.goalConditioned() ? new GoalConditionedPolicy(snapshot, (GoalEnv) eval.env()) : snapshot;
        return Rollouts.evaluate(eval.env(), p, eval.episodes(), eval.seed(), eval.maxSteps());
    }

    private static Map<String, Double> meanMetrics(List<EpisodeResult> results) {
        Map<String, Double> sums = new TreeMap<>();
        for (EpisodeResult r : results) r.metrics().forEach((k, v) -> sums.merge(k, v, Double::sum));
        sums.replaceAll((k, v) -> v / results.size());
        return sums;
    }

    /** Hindsight relabeling of a dataset, or null when goals come from the dataset (or there are none). */
    private static GoalRelabeler relabeler(Dataset data, BcConfig c, int[] goalDims) {
        return goalDims == null ? null : new GoalRelabeler(data, goalDims, strategy(c.relabel()), 1);
    }

    /** The data layer's strategy for a relabeling option. */
    private static GoalRelabeler.Strategy strategy(Relabel r) {
        return switch (r) {
            case NONE -> throw new IllegalArgumentException("relabel=none takes goals from the dataset; there is nothing to relabel");
            case FINAL -> GoalRelabeler.Strategy.FINAL;
            case FUTURE -> GoalRelabeler.Strategy.FUTURE;
            case UNIFORM_LATER -> GoalRelabeler.Strategy.UNIFORM_LATER;
        };
    }

    /** All steps, or with relabeling only those that have a later state to take a goal from. */
    private static int[] trainableSteps(Dataset data, GoalRelabeler goals) {
        if (goals == null) return MinibatchSampler.allSteps(data);
        int[] s = new int[goals.numEligibleSteps()];
        for (int i = 0; i < s.length; i++) s[i] = goals.eligibleStep(i);
        return s;
    }

    private static MinibatchSampler sampler(Dataset data, int[] steps, int batch, long seed, boolean shuffle, BcConfig c,
                                            BcNormalizers norms, GoalRelabeler goals, int goalDim) {
        MinibatchSampler.Builder b = MinibatchSampler.builder(data, steps, batch).seed(seed).shuffle(shuffle)
                .history(c.history()).observationNormalizer(norms.observation());
        if (goalDim > 0) {
            if (goals == null) b.datasetGoals(true);
            else b.goals(goals::writeGoal, goalDim, true);
            b.goalNormalizer(norms.goal());
        }
        if (data.spec().actionSpace().isDiscrete()) b.oneHotActions();
        else b.actionNormalizer(norms.action());
        return b.build();
    }

    private static BcNormalizers fitNormalizers(Dataset data, int[] trainSteps, BcConfig c, int[] goalDims, int goalDim) {
        Normalizer obs = c.normalizeObservations() ? data.observationNormalizer(trainSteps, STD_FLOOR)
                : Normalizer.identity(data.observationDim());
        Normalizer goal = null;
        if (goalDim > 0) {
            if (!c.normalizeObservations()) goal = Normalizer.identity(goalDim);
            else if (goalDims != null) goal = slice(obs, goalDims); // hindsight goals are achieved states
            else {
                int[] rows = new int[trainSteps.length];
                for (int i = 0; i < rows.length; i++) rows[i] = data.observationRow(trainSteps[i]);
                goal = Normalizer.fit(data.goalData(), goalDim, rows, STD_FLOOR);
            }
        }
        Normalizer act = null;
        if (!data.spec().actionSpace().isDiscrete())
            act = c.head() == HeadType.TANH_GAUSSIAN ? BcNormalizers.unitBox((Box) data.spec().actionSpace())
                    : c.normalizeActions() ? data.actionNormalizer(trainSteps, STD_FLOOR) : Normalizer.identity(data.actionDim());
        return new BcNormalizers(obs, goal, act);
    }

    /** As {@link #fitNormalizers(Dataset, int[], BcConfig, int[], int)} over the given shards, in one pass (a shard at a time). */
    private static BcNormalizers fitNormalizers(ShardSource data, int[] shards, BcConfig c, int[] goalDims, int goalDim) {
        boolean continuous = !data.spec().actionSpace().isDiscrete();
        boolean datasetGoals = goalDim > 0 && goalDims == null && c.normalizeObservations();
        StreamingMoments obs = new StreamingMoments(data.spec().observationDim());
        StreamingMoments act = continuous ? new StreamingMoments(data.spec().actionDim()) : null;
        StreamingMoments goal = datasetGoals ? new StreamingMoments(goalDim) : null;
        ShardStream.forEach(data, shards, SHARD_READERS, shard -> {
            int[] steps = trainableSteps(shard, relabeler(shard, c, goalDims));
            int[] rows = new int[steps.length];
            for (int k = 0; k < rows.length; k++) rows[k] = shard.observationRow(steps[k]);
            if (c.normalizeObservations()) obs.add(shard.observationData(), rows);
            if (act != null && c.normalizeActions()) act.add(shard.actionData(), steps);
            if (goal != null) goal.add(shard.goalData(), rows);
        });
        if (obs.count() == 0 && c.normalizeObservations())
            throw new IllegalArgumentException("no training step can be relabeled: every training episode is a single step without its final observation");
        Normalizer o = c.normalizeObservations() ? obs.normalizer(STD_FLOOR) : Normalizer.identity(data.spec().observationDim());
        Normalizer g = null;
        if (goalDim > 0) {
            if (!c.normalizeObservations()) g = Normalizer.identity(goalDim);
            else if (goalDims != null) g = slice(o, goalDims);
            else g = goal.normalizer(STD_FLOOR);
        }
        Normalizer a = !continuous ? null : c.normalizeActions() ? act.normalizer(STD_FLOOR) : Normalizer.identity(data.spec().actionDim());
        return new BcNormalizers(o, g, a);
    }

    private static Normalizer slice(Normalizer n, int[] dims) {
        float[] m = new float[dims.length], s = new float[dims.length];
        for (int i = 0; i < dims.length; i++) {
            m[i] = n.mean(dims[i]);
            s[i] = n.std(dims[i]);
        }
        return new Normalizer(m, s);
    }

    // ---- spec checks -----------------------------------------------------------------------------

    /**
     * Rejects a dataset the configured policy cannot learn from, before any training, with a message
     * saying what to change.
     */
    public static void checkCompatible(DatasetSpec spec, BcConfig c) {
        boolean discrete = spec.actionSpace() instanceof Discrete;
        if (discrete && c.head() != HeadType.CATEGORICAL)
            throw new IncompatibleDatasetException("the dataset has discrete actions (" + spec.actionSpace() + ") but the "
                    + c.head().cliName() + " head needs continuous (Box) actions; use head=categorical");
        if (!discrete && c.head() == HeadType.CATEGORICAL)
            throw new IncompatibleDatasetException("the dataset has continuous actions (" + spec.actionDim()
                    + "-dim Box) but the categorical head needs discrete actions; use head=mse, gaussian, mdn or tanh_gaussian");
        if (c.head() == HeadType.TANH_GAUSSIAN) {
            try {
                BcNormalizers.unitBox((Box) spec.actionSpace());
            } catch (IllegalArgumentException e) {
                throw new IncompatibleDatasetException("the tanh_gaussian head squashes actions into the action box, but " + e.getMessage()
                        + "; use head=gaussian or declare finite bounds");
            }
        }
        if (!c.goalConditioned()) return;
        if (c.relabel() == Relabel.NONE) {
            if (!spec.hasGoals())
                throw new IncompatibleDatasetException("goal-conditioned BC with relabel=none needs goal columns (goal_*) in the dataset, "
                        + "which has none; relabel goals from achieved states instead (relabel=future) or add goal columns");
            return;
        }
        achievedGoalDims(spec, c);
    }

    /** The spec of the trained policy: the dataset's, with goal names when goals come from achieved states. */
    public static DatasetSpec policySpec(DatasetSpec spec, BcConfig c) {
        if (!c.goalConditioned() || spec.hasGoals()) return spec;
        return AchievedGoals.withGoalNames(spec, achievedGoalDims(spec, c));
    }

    private static int inputDim(DatasetSpec spec, BcConfig c) {
        return spec.observationDim() * c.history() + (c.goalConditioned() ? policySpec(spec, c).goalDim() : 0);
    }

    private static int[] achievedGoalDims(DatasetSpec spec, BcConfig c) {
        return AchievedGoals.resolve(spec, c.achievedGoalDims());
    }
}
