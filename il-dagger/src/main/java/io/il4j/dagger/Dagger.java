package io.il4j.dagger;

import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.env.Env;
import io.il4j.core.env.StepResult;
import io.il4j.core.metrics.EvaluationSummary;
import io.il4j.core.policy.ExpertOracle;
import io.il4j.core.policy.Policy;
import io.il4j.core.policy.PolicyLearner;
import io.il4j.dagger.internal.AggregationRun;
import io.il4j.dagger.internal.LoopSettings;
import io.il4j.dagger.internal.RoundStats;
import io.il4j.dagger.internal.Seeds;

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
            SplittableRandom coin = Seeds.random(config.seed(), k, Seeds.COIN);
            DatasetBuilder roundData = run.newRoundBuilder();
            RoundStats stats = new RoundStats(env.spec().actionSpace());

            // 2-3. Roll out the mixture; label every visited state.
            for (int i = 0; i < config.rolloutsPerRound() && !run.budgetExhausted(); i++) {
                double[] obs = env.reset(Seeds.episodeSeed(config.seed(), k, i));
                if (policy != null) policy.reset();
                roundData.beginEpisode();
                stats.episode();
                for (int t = 0; ; t++) {
                    double[] expertAction = run.label(obs, i, t);
                    double[] learnerAction = policy == null ? null : policy.act(obs);
                    boolean expertActs = coin.nextDouble() < beta;
                    roundData.addStep(obs, expertAction, 0);
                    stats.step(expertActs, learnerAction, expertAction);
                    StepResult r = env.step(expertActs ? expertAction : learnerAction);
                    obs = r.observation();
                    boolean cut = t + 1 >= config.horizon() || run.budgetExhausted();
                    if (r.done() || cut) {
                        roundData.endEpisode(obs, r.terminated(), !r.terminated());
                        break;
                    }
                }
            }

            // 4. Aggregate (and save the round).
            run.completeRound(roundData.build(), stats, evaluation, Map.of("beta", beta));
        }
        // The returned policy is trained on all of D.
        return run.finish(run.trainFinal(policy));
    }
}
