package io.il4j.dagger;

import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.env.Env;
import io.il4j.core.metrics.EvaluationSummary;
import io.il4j.core.policy.ExpertOracle;
import io.il4j.core.policy.Policy;
import io.il4j.core.policy.PolicyLearner;
import io.il4j.dagger.internal.AggregationRun;
import io.il4j.dagger.internal.LoopSettings;
import io.il4j.dagger.internal.RoundStats;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * DAgger (Ross, Gordon and Bagnell 2011): dataset aggregation with an expert that can be queried in any state.
 *
 * <p>Round k = 1..K:
 * <ol>
 *   <li>train π̂_k on the aggregated dataset D with the {@link PolicyLearner} (no data yet: no learner, the
 *       expert drives the round);</li>
 *   <li>roll out the mixture π_k = β_k π* + (1 − β_k) π̂_k: at every step a seeded coin executes the expert's
 *       action with probability β_k, the learner's otherwise;</li>
 *   <li>label <em>every</em> visited state with the expert oracle (one oracle call per state; that call is
 *       also the expert's action when the coin picks the expert);</li>
 *   <li>aggregate D ← D ∪ {(s, π*(s))} and save the round.</li>
 * </ol>
 * After the last round the returned policy is trained on all of D. Expert labels are counted (initial
 * demonstrations included) and the run stops when {@link DaggerConfig#labelBudget()} is used up, possibly
 * in the middle of a round (that round's cut episode is kept). Works with any {@link Env} and
 * {@link ExpertOracle}, e.g. a user's simulator and {@code ExpertOracle.of(obs -> controller(obs))}.
 *
 * <p>With a run directory each completed round is saved (see {@link #run(Env, ExpertOracle, Dataset, Path)})
 * and a new run on the same directory resumes after the last completed round. An oracle that throws or
 * returns a wrong-length or non-finite action stops the run with an {@link ExpertOracleException} naming
 * round, episode and step.
 *
 * <p>Not thread-safe: one run at a time per instance (the environment is stepped on the calling thread).
 */
public final class Dagger extends InteractiveImitation<Dagger> {
    private final DaggerConfig config;
    private RoundRollouts rollouts; // null: one episode after another on the calling thread

    /** With the default learner, behavioural cloning ({@link BcLearners#behavioralCloning()}). */
    public Dagger(DaggerConfig config) {
        this(config, BcLearners.behavioralCloning());
    }

    public Dagger(DaggerConfig config, PolicyLearner learner) {
        super(config, learner);
        this.config = config;
    }

    public DaggerConfig config() {
        return config;
    }

    /**
     * Runs each round's rollouts through {@code rollouts} (e.g. il-spark's executors) instead of one after another
     * on the calling thread; null restores the default. Same seeds give the same aggregated data either way.
     */
    public Dagger rolloutsOn(RoundRollouts rollouts) {
        this.rollouts = rollouts;
        return this;
    }

    @Override
    LoopSettings settings() {
        return new LoopSettings("dagger", config, config.rounds(), config.horizon(),
                config.labelBudget(), config.retrainMode(), config.seed(), config.evalEpisodes(), java.util.List.of("beta"));
    }

    @Override
    DaggerResult loop(Env env, AggregationRun run) {
        Policy policy = null;
        for (int k = run.nextRound(); k <= config.rounds() && !run.budgetExhausted(); k++) {
            run.beginRound(k);
            // 1. Train π̂_k on everything aggregated so far.
            policy = run.hasData() ? run.train(policy, k) : null;
            EvaluationSummary evaluation = run.evaluate(policy);
            double beta = policy == null ? 1.0 : config.beta().beta(k);
            DaggerRound plan = new DaggerRound(k, config.seed(), beta, policy != null, config.rolloutsPerRound(),
                    config.horizon(), run.labelsLeft());
            DatasetBuilder roundData = run.newRoundBuilder();
            RoundStats stats = new RoundStats(env.spec().actionSpace());

            // 2-3. Roll out the mixture; label every visited state.
            if (rollouts == null) {
                SplittableRandom coin = plan.coin(0);
                long offset = 0;
                for (int i = 0; i < config.rolloutsPerRound() && !run.budgetExhausted(); i++) {
                    LabelledEpisode e = plan.rollOut(env, policy, run::label, coin, i, offset, run.labelsLeft());
                    e.appendTo(roundData, stats);
                    offset += e.length();
                }
            } else {
                for (LabelledEpisode e : rollouts.rollOut(plan, policy)) {
                    if (run.budgetExhausted()) break;
                    e = e.prefix(run.labelsLeft());
                    for (int t = 0; t < e.length(); t++) run.acceptLabel(e.observation(t), e.expertAction(t), e.episode(), t);
                    e.appendTo(roundData, stats);
                }
            }

            // 4. Aggregate (and save the round).
            run.completeRound(roundData.build(), stats, evaluation, Map.of("beta", beta));
        }
        // The returned policy is trained on all of D.
        return run.finish(run.trainFinal(policy));
    }
}
