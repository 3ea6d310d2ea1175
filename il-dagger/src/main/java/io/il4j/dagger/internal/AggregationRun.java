package io.il4j.dagger.internal;

import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.data.DatasetSpec;
import io.il4j.core.env.Env;
import io.il4j.core.env.Rollouts;
import io.il4j.core.metrics.Estimate;
import io.il4j.core.metrics.EvaluationSummary;
import io.il4j.core.policy.ExpertOracle;
import io.il4j.core.policy.Policy;
import io.il4j.core.policy.PolicyLearner;
import io.il4j.core.space.ActionSpace;
import io.il4j.core.report.Progress;
import io.il4j.core.space.Discrete;
import io.il4j.dagger.DaggerResult;
import io.il4j.dagger.ExpertOracleException;
import io.il4j.dagger.RetrainMode;
import io.il4j.dagger.RoundListener;
import io.il4j.dagger.RoundSummary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bookkeeping every interactive imitation loop shares, so that each algorithm's own class holds
 * only its loop: the aggregated dataset, the expert-label budget, checked oracle calls (failures name
 * round, episode and step), (re)training with the configured retrain mode, per-round evaluation, and
 * the run directory (save per round, resume) and progress display. Close it when the run ends (it
 * closes the progress display). Not thread-safe.
 */
public final class AggregationRun implements AutoCloseable {
    private final LoopSettings settings;
    private final Env env;
    private final ExpertOracle oracle;
    private final PolicyLearner learner;
    private final RoundListener listener;
    private final DatasetSpec spec;
    private final ActionSpace actionSpace;
    private final RunStore store; // null: in-memory run
    private final Progress progress; // null: no display
    private final DatasetBuilder aggregated;
    private final List<RoundSummary> rounds = new ArrayList<>();
    // per round
    private int round;
    private long roundLabels, roundQueries, roundStartNanos;

    private AggregationRun(LoopSettings settings, Env env, ExpertOracle oracle, PolicyLearner learner,
                           RoundListener listener, boolean showProgress, Dataset initial, Path runDirectory) {
        this.settings = settings;
        this.env = Checks.notNull("env", env);
        this.oracle = Checks.notNull("expert oracle", oracle);
        this.learner = Checks.notNull("policy learner", learner);
        this.listener = listener == null ? RoundListener.SILENT : listener;
        this.actionSpace = env.spec().actionSpace();
        this.spec = aggregationSpec(env);
        this.aggregated = new DatasetBuilder(spec);
        Dataset converted = initial == null ? null : convertDemonstrations(initial, spec);
        if (converted != null && settings.labelBudget() > 0 && converted.numSteps() > settings.labelBudget())
            throw new IllegalArgumentException("the initial demonstrations hold " + converted.numSteps()
                    + " expert labels, more than the label budget of " + settings.labelBudget());
        if (runDirectory == null) {
            store = null;
            if (converted != null) aggregate(converted);
        } else {
            store = RunStore.open(runDirectory, settings.algorithm(), settings.config(), spec, converted,
                    evaluationMetricKeys(env, settings), settings.detailKeys());
            Dataset stored = store.initial();
            if (stored != null) aggregate(stored);
            for (RunStore.Completed c : store.completedRounds()) {
                aggregate(c.data());
                rounds.add(c.summary());
            }
        }
        if (!rounds.isEmpty()) {
            this.listener.resumed(nextRound(), store.directory());
            // the progress display is the run's voice on the terminal: say what it is continuing before it starts
            if (showProgress) System.err.println(resumeNotice(settings.algorithm(), nextRound(), settings.rounds(), store.directory()));
        }
        progress = showProgress ? Progress.start(settings.algorithm(), settings.rounds()) : null;
        if (progress != null) progress.stepTo(Math.min(rounds.size(), settings.rounds()));
    }

    /**
     * The metric keys the environment reports, for fixed metrics.csv columns (read after a reset, which
     * the {@link Env#episodeMetrics()} contract allows); none when there is no evaluation.
     */
    private static List<String> evaluationMetricKeys(Env env, LoopSettings settings) {
        if (settings.evalEpisodes() == 0) return List.of();
        env.reset(evaluationSeed(settings));
        return env.episodeMetrics().keySet().stream().sorted().toList();
    }

    private static long evaluationSeed(LoopSettings settings) {
        return Seeds.derive(settings.seed(), Seeds.EVALUATION) >>> 1;
    }

    /** One line saying that a saved run is continued, and from which round. */
    public static String resumeNotice(String what, int nextRound, int plannedRounds, Path directory) {
        return nextRound > plannedRounds
                ? what + ": all " + plannedRounds + " rounds were already complete in " + directory + " (reloaded, nothing to run)"
                : what + ": resuming from round " + nextRound + " of " + plannedRounds + " (rounds 1-" + (nextRound - 1)
                + " reloaded from " + directory + ")";
    }

    /** Starts a run, or resumes the one saved in {@code runDirectory} (null: keep everything in memory). */
    public static AggregationRun start(LoopSettings settings, Env env, ExpertOracle oracle, PolicyLearner learner,
                                       RoundListener listener, boolean showProgress, Dataset initialDemonstrations,
                                       Path runDirectory) {
        return new AggregationRun(settings, env, oracle, learner, listener, showProgress, initialDemonstrations, runDirectory);
    }

    /** The spec of aggregated data: the environment's observations and action space, no rewards, no goals. */
    public static DatasetSpec aggregationSpec(Env env) {
        var s = env.spec();
        return new DatasetSpec(s.observationNames(), s.actionSpace(), s.actionNames(), List.of(), false);
    }

    /** The first round still to run (1 for a new run). */
    public int nextRound() {
        return rounds.size() + 1;
    }

    public boolean hasData() {
        return aggregated.numSteps() > 0;
    }

    public boolean budgetExhausted() {
        return settings.labelBudget() > 0 && labelsUsed() >= settings.labelBudget();
    }

    /** Labels aggregated so far plus those of the round in progress (counted from the data, so a resumed run counts what it reloaded). */
    public long labelsUsed() {
        return aggregated.numSteps() + roundLabels;
    }

    /** Labels the budget still allows ({@link Long#MAX_VALUE} without a budget). */
    public long labelsLeft() {
        return settings.labelBudget() > 0 ? Math.max(0, settings.labelBudget() - labelsUsed()) : Long.MAX_VALUE;
    }

    /** Everything aggregated by completed rounds (a copy). */
    public Dataset aggregated() {
        return aggregated.build();
    }

    public DatasetBuilder newRoundBuilder() {
        return new DatasetBuilder(spec);
    }

    /** Starts round {@code k}: resets the per-round counters. */
    public void beginRound(int k) {
        round = k;
        roundLabels = 0;
        roundQueries = 0;
        roundStartNanos = System.nanoTime();
    }

    /** Trains π̂ on everything aggregated so far (round {@code k}'s seed; warm-started from {@code previous} if so configured). */
    public Policy train(Policy previous, int k) {
        return fit(previous, Seeds.derive(settings.seed(), k, Seeds.LEARNER));
    }

    /** Trains the policy returned by the run, on the whole aggregated dataset. */
    public Policy trainFinal(Policy previous) {
        return fit(previous, Seeds.derive(settings.seed(), Seeds.FINAL, Seeds.LEARNER));
    }

    private Policy fit(Policy previous, long seed) {
        Policy warm = settings.retrainMode() == RetrainMode.WARM_START ? previous : null;
        Policy p = learner.fit(aggregated.build(), seed, warm);
        if (p == null) throw new IllegalStateException("the policy learner returned null in round " + round);
        return p;
    }

    /**
     * Evaluates {@code policy} over the configured evaluation episodes (fixed seeds, the same every round,
     * the rollout horizon); null when there is no policy or no evaluation.
     */
    public EvaluationSummary evaluate(Policy policy) {
        if (policy == null || settings.evalEpisodes() == 0) return null;
        return EvaluationSummary.of(Rollouts.evaluate(env, policy, settings.evalEpisodes(), evaluationSeed(settings),
                settings.horizon()));
    }

    /**
     * Asks the expert for the label of {@code observation} and counts it against the budget. The caller
     * must check {@link #budgetExhausted()} first.
     */
    public double[] label(double[] observation, int episode, int step) {
        if (budgetExhausted()) throw new IllegalStateException("label budget of " + settings.labelBudget() + " already used");
        double[] a = consult(observation, episode, step);
        roundLabels++;
        return a;
    }

    /**
     * Counts an expert label obtained elsewhere (by a {@link io.il4j.dagger.RoundRollouts} on other machines) as one
     * oracle query and one label, after checking it as {@link #consult} checks the oracle's answers.
     */
    public void acceptLabel(double[] observation, double[] action, int episode, int step) {
        if (budgetExhausted()) throw new IllegalStateException("label budget of " + settings.labelBudget() + " already used");
        String problem = invalidity(action);
        if (problem != null) throw failure(episode, step, observation, "returned " + problem, null);
        roundQueries++;
        roundLabels++;
    }

    /** Counts an action already obtained by {@link #consult} as a label (HG-DAgger: a takeover state). */
    public double[] countAsLabel(double[] consultedAction) {
        if (budgetExhausted()) throw new IllegalStateException("label budget of " + settings.labelBudget() + " already used");
        roundLabels++;
        return consultedAction;
    }

    /** Asks the expert without recording a label (HG-DAgger's gate). The action is checked like a label. */
    public double[] consult(double[] observation, int episode, int step) {
        double[] action;
        try {
            action = oracle.act(observation.clone());
        } catch (RuntimeException e) {
            throw failure(episode, step, observation, "threw " + e, e);
        }
        String problem = invalidity(action);
        if (problem != null) throw failure(episode, step, observation, "returned " + problem, null);
        roundQueries++;
        return action.clone();
    }

    private String invalidity(double[] a) {
        if (a == null) return "null instead of an action";
        int dim = actionSpace.storageDim();
        if (a.length != dim) return "an action of length " + a.length + " where the action space " + actionSpace + " needs " + dim;
        for (int i = 0; i < a.length; i++) if (!Double.isFinite(a[i])) return "action[" + i + "] = " + a[i] + " (actions must be finite)";
        if (actionSpace instanceof Discrete d && (a[0] != Math.rint(a[0]) || a[0] < 0 || a[0] >= d.n()))
            return "discrete action " + a[0] + ", not an integer in [0, " + (d.n() - 1) + "]";
        return null;
    }

    private ExpertOracleException failure(int episode, int step, double[] observation, String what, Throwable cause) {
        int done = rounds.size();
        String saved = done == 0 ? "No round was completed" : "Rounds 1-" + done + " are complete";
        String where = store == null
                ? " (no run directory was given: the data are only in ExpertOracleException.aggregatedSoFar())"
                : " and saved in " + store.directory() + "; run again with the same directory and configuration to resume from round " + round;
        String msg = "expert oracle failed in round " + round + ", episode " + episode + ", step " + step + ": it " + what
                + " for observation " + Arrays.toString(observation) + ". " + saved + " (" + aggregated.numSteps()
                + " expert labels aggregated, initial demonstrations included)" + where + ".";
        return new ExpertOracleException(msg, round, episode, step, aggregated(), store == null ? null : store.directory(), cause);
    }

    /** Aggregates round data, saves the round (when there is a run directory) and reports it. */
    public RoundSummary completeRound(Dataset roundData, RoundStats stats, EvaluationSummary eval, Map<String, Double> details) {
        if (roundData.numSteps() != roundLabels)
            throw new IllegalStateException("round " + round + " holds " + roundData.numSteps() + " steps but " + roundLabels + " labels were counted");
        aggregate(roundData);
        long labels = roundLabels;
        roundLabels = 0;
        RoundSummary s = new RoundSummary(round, stats.episodes(), stats.steps(), labels, labelsUsed(), roundQueries,
                stats.expertActionFraction(), stats.meanDisagreement(), meanReturn(eval), meanMetrics(eval), details,
                (System.nanoTime() - roundStartNanos) / 1e9);
        rounds.add(s);
        if (store != null) store.saveRound(s, roundData);
        if (progress != null) {
            progress.stepTo(round);
            progress.setExtraMessage(String.format(Locale.ROOT, "%d labels, disagreement %.3g, return %.4g",
                    s.labelsTotal(), s.actionDisagreement(), s.evalReturn()));
        }
        listener.roundCompleted(s, settings.rounds());
        return s;
    }

    /** The result, after training and evaluating the final policy. */
    public DaggerResult finish(Policy finalPolicy) {
        EvaluationSummary e = evaluate(finalPolicy);
        DaggerResult result = new DaggerResult(finalPolicy, aggregated(), rounds, labelsUsed(), budgetExhausted(),
                meanReturn(e), meanMetrics(e));
        if (store != null) {
            Map<String, Object> results = new LinkedHashMap<>();
            results.put("algorithm", settings.algorithm());
            results.put("labels_used", result.labelsUsed());
            results.put("budget_exhausted", result.budgetExhausted());
            results.put("rounds_completed", rounds.size());
            results.put("final_evaluation", e);
            store.writeResults(results);
        }
        return result;
    }

    @Override
    public void close() {
        if (progress != null) progress.close();
    }

    private static double meanReturn(EvaluationSummary e) {
        return e == null ? Double.NaN : e.totalReturn().mean();
    }

    private static Map<String, Double> meanMetrics(EvaluationSummary e) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (e != null) for (Map.Entry<String, Estimate> x : e.metrics().entrySet()) m.put(x.getKey(), x.getValue().mean());
        return m;
    }

    private void aggregate(Dataset data) {
        aggregated.appendAll(data);
    }

    /** Copies demonstrations into the aggregation spec, checking that they fit the environment. */
    static Dataset convertDemonstrations(Dataset demos, DatasetSpec target) {
        DatasetSpec s = demos.spec();
        if (s.observationDim() != target.observationDim())
            throw new IllegalArgumentException("initial demonstrations have " + s.observationDim()
                    + "-dim observations; the environment has " + target.observationDim() + " " + target.observationNames());
        if (s.actionSpace().isDiscrete() != target.actionSpace().isDiscrete() || s.actionDim() != target.actionDim()
                || (s.actionSpace() instanceof Discrete a && target.actionSpace() instanceof Discrete b && a.n() != b.n()))
            throw new IllegalArgumentException("initial demonstrations have action space " + s.actionSpace()
                    + "; the environment has " + target.actionSpace());
        if (s.hasGoals())
            throw new IllegalArgumentException("initial demonstrations carry goals " + s.goalNames()
                    + "; DAgger trains on observations only (drop the goal columns)");
        DatasetBuilder b = new DatasetBuilder(target);
        float[] obs = demos.observationData(), act = demos.actionData();
        int od = s.observationDim(), ad = s.actionDim();
        for (int e = 0; e < demos.numEpisodes(); e++) {
            int r0 = demos.episodeFirstObservationRow(e), s0 = demos.episodeFirstStep(e), len = demos.episodeLength(e);
            b.beginEpisode();
            for (int t = 0; t < len; t++) b.addStep(obs, (r0 + t) * od, null, 0, act, (s0 + t) * ad, 0f);
            if (demos.hasFinalObservation(e)) b.endEpisode(obs, (r0 + len) * od, null, 0, demos.terminated(e), demos.truncated(e));
            else b.endEpisode((float[]) null, 0, null, 0, demos.terminated(e), demos.truncated(e));
        }
        return b.build();
    }
}
