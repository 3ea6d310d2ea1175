package io.il4j.dagger;

import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.env.Env;
import io.il4j.core.env.StepResult;
import io.il4j.core.metrics.EvaluationSummary;
import io.il4j.core.policy.ExpertOracle;
import io.il4j.core.policy.Policy;
import io.il4j.core.policy.PolicyLearner;
import io.il4j.dagger.internal.ActionDistance;
import io.il4j.dagger.internal.AggregationRun;
import io.il4j.dagger.internal.LoopSettings;
import io.il4j.dagger.internal.RoundStats;
import io.il4j.dagger.internal.Seeds;

import java.nio.file.Path;
import java.util.Map;

/**
 * HG-DAgger (Kelly et al. 2019): the learner drives; the expert takes over only when the
 * {@link TakeoverRule} fires and hands back when the deviation has fallen below the release threshold.
 * Only the states visited under expert control are labelled and aggregated, each contiguous takeover
 * stored as one episode of the dataset (truncated when control returns to the learner).
 *
 * <p>Round k: train π̂_k on the aggregated data (no data yet: the expert drives the whole round and
 * every state is labelled, as in DAgger); roll out with gated control; aggregate; save. The label
 * budget counts takeover labels; when it is used up and a takeover is needed, the round and run stop.
 * Run directory, resume and oracle failures behave as in {@link Dagger}.
 *
 * <p>Not thread-safe: one run at a time per instance.
 */
public final class HgDagger extends InteractiveImitation<HgDagger> {
    private final HgDaggerConfig config;

    /** With the default learner, behavioural cloning ({@link BcLearners#behavioralCloning()}). */
    public HgDagger(HgDaggerConfig config) {
        this(config, BcLearners.behavioralCloning());
    }

    public HgDagger(HgDaggerConfig config, PolicyLearner learner) {
        super(config, learner);
        this.config = config;
    }

    @Override
    LoopSettings settings() {
        return new LoopSettings("hg-dagger", config, config.rounds(), config.horizon(),
                config.labelBudget(), config.retrainMode(), config.seed(), config.evalEpisodes(), java.util.List.of("takeovers"));
    }

    @Override
    DaggerResult loop(Env env, AggregationRun run) {
        TakeoverRule rule = config.takeover();
        boolean consultEveryStep = rule.kind() == TakeoverRule.Kind.ACTION_DEVIATION;
        Policy policy = null;
        for (int k = run.nextRound(); k <= config.rounds() && !run.budgetExhausted(); k++) {
            run.beginRound(k);
            policy = run.hasData() ? run.train(policy, k) : null;
            EvaluationSummary evaluation = run.evaluate(policy);
            DatasetBuilder roundData = run.newRoundBuilder();
            RoundStats stats = new RoundStats(env.spec().actionSpace());
            int takeovers = 0;
            boolean budgetStop = false;

            for (int i = 0; i < config.rolloutsPerRound() && !budgetStop; i++) {
                double[] obs = env.reset(Seeds.episodeSeed(config.seed(), k, i));
                if (policy != null) policy.reset();
                stats.episode();
                boolean expertDrives = false;
                for (int t = 0; ; t++) {
                    // Who drives this step: the gate, with hysteresis (no learner yet: always the expert).
                    double[] learnerAction = policy == null ? null : policy.act(obs);
                    double[] expertAction = consultEveryStep && policy != null ? run.consult(obs, i, t) : null;
                    boolean wanted;
                    if (policy == null) wanted = true;
                    else {
                        double deviation = consultEveryStep
                                ? ActionDistance.between(env.spec().actionSpace(), learnerAction, expertAction)
                                : rule.stateDeviation(obs);
                        wanted = expertDrives ? deviation > rule.releaseThreshold() : deviation > rule.threshold();
                    }
                    if (wanted && run.budgetExhausted()) {
                        budgetStop = true; // a takeover is needed but no label is left
                        if (expertDrives) roundData.endEpisode(obs, false, true);
                        break;
                    }
                    if (wanted && !expertDrives) {
                        roundData.beginEpisode();
                        takeovers++;
                    } else if (!wanted && expertDrives) {
                        roundData.endEpisode(obs, false, true);
                    }
                    expertDrives = wanted;
                    // Only takeover states are labelled.
                    if (expertDrives) {
                        expertAction = expertAction == null ? run.label(obs, i, t) : run.countAsLabel(expertAction);
                        roundData.addStep(obs, expertAction, 0);
                    }
                    stats.step(expertDrives, learnerAction, expertAction);
                    StepResult r = env.step(expertDrives ? expertAction : learnerAction);
                    obs = r.observation();
                    if (r.done() || t + 1 >= config.horizon()) {
                        if (expertDrives) roundData.endEpisode(obs, r.terminated(), !r.terminated());
                        break;
                    }
                }
            }
            run.completeRound(roundData.build(), stats, evaluation, Map.of("takeovers", (double) takeovers));
        }
        return run.finish(run.trainFinal(policy));
    }
}
