package io.il4j.dagger;

import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.env.Env;
import io.il4j.core.env.StepResult;
import io.il4j.core.metrics.EvaluationSummary;
import io.il4j.core.policy.ExpertOracle;
import io.il4j.core.policy.Policy;
import io.il4j.core.policy.PolicyLearner;
import io.il4j.core.space.Box;
import io.il4j.dagger.internal.AggregationRun;
import io.il4j.dagger.internal.LoopSettings;
import io.il4j.dagger.internal.RoundStats;
import io.il4j.dagger.internal.Seeds;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * DART (Laskey et al. 2017): the expert always drives, but its executed actions carry Gaussian noise,
 * so its demonstrations visit the states a slightly wrong learner would reach; every visited state is
 * labelled with the expert's <em>clean</em> action. The learner never drives, which makes DART the
 * behavioural-cloning-side baseline for DAgger. Continuous ({@link Box}) actions only; the noisy action
 * is clipped into the box.
 *
 * <p>Round k: (ESTIMATED noise, after round 1) train π̂_k and set the per-dim noise variance to
 * {@code noiseScale} × its mean squared error against the labels of the aggregated data; roll out the
 * noisy expert; label; aggregate; save. Run directory, label budget, resume and oracle failures behave
 * as in {@link Dagger}.
 *
 * <p>Not thread-safe: one run at a time per instance.
 */
public final class Dart extends InteractiveImitation<Dart> {
    private final DartConfig config;

    /** With the default learner, behavioural cloning ({@link BcLearners#behavioralCloning()}). */
    public Dart(DartConfig config) {
        this(config, BcLearners.behavioralCloning());
    }

    public Dart(DartConfig config, PolicyLearner learner) {
        super(config, learner);
        this.config = config;
    }

    @Override
    void checkEnvironment(Env env) {
        if (!(env.spec().actionSpace() instanceof Box))
            throw new IllegalArgumentException("DART injects Gaussian noise into actions and needs a Box action space; "
                    + env.spec().id() + " has " + env.spec().actionSpace());
    }

    @Override
    LoopSettings settings() {
        return new LoopSettings("dart", config, config.rounds(), config.horizon(),
                config.labelBudget(), config.retrainMode(), config.seed(), config.evalEpisodes(), java.util.List.of("noise_std"));
    }

    @Override
    DaggerResult loop(Env env, AggregationRun run) {
        Box box = (Box) env.spec().actionSpace();
        Policy policy = null;
        for (int k = run.nextRound(); k <= config.rounds() && !run.budgetExhausted(); k++) {
            run.beginRound(k);
            // The learner is trained each round for the noise estimate and the per-round evaluation.
            policy = run.hasData() ? run.train(policy, k) : null;
            EvaluationSummary evaluation = run.evaluate(policy);
            double[] sigma = noiseStd(policy, run.aggregated(), box.dim());
            SplittableRandom noise = Seeds.random(config.seed(), k, Seeds.NOISE);
            DatasetBuilder roundData = run.newRoundBuilder();
            RoundStats stats = new RoundStats(box);

            for (int i = 0; i < config.rolloutsPerRound() && !run.budgetExhausted(); i++) {
                double[] obs = env.reset(Seeds.episodeSeed(config.seed(), k, i));
                if (policy != null) policy.reset();
                roundData.beginEpisode();
                stats.episode();
                for (int t = 0; ; t++) {
                    double[] expertAction = run.label(obs, i, t);
                    double[] learnerAction = policy == null ? null : policy.act(obs);
                    double[] executed = new double[box.dim()];
                    for (int j = 0; j < executed.length; j++) executed[j] = expertAction[j] + sigma[j] * noise.nextGaussian();
                    box.clip(executed);
                    roundData.addStep(obs, expertAction, 0); // the clean label, not the executed action
                    stats.step(true, learnerAction, expertAction);
                    StepResult r = env.step(executed);
                    obs = r.observation();
                    if (r.done() || t + 1 >= config.horizon() || run.budgetExhausted()) {
                        roundData.endEpisode(obs, r.terminated(), !r.terminated());
                        break;
                    }
                }
            }
            run.completeRound(roundData.build(), stats, evaluation,
                    Map.of("noise_std", Arrays.stream(sigma).average().orElse(0)));
        }
        return run.finish(run.trainFinal(policy));
    }

    /** Per-dim noise standard deviation for this round. */
    private double[] noiseStd(Policy policy, Dataset data, int dim) {
        double[] sigma = new double[dim];
        if (config.noise() == DartConfig.NoiseMode.FIXED || policy == null) {
            Arrays.fill(sigma, config.noiseStd());
            return sigma;
        }
        double[] sq = new double[dim];
        for (int s = 0; s < data.numSteps(); s++) {
            double[] a = policy.act(data.observationAsDouble(data.observationRow(s)));
            for (int j = 0; j < dim; j++) {
                double d = a[j] - data.action(s, j);
                sq[j] += d * d;
            }
        }
        for (int j = 0; j < dim; j++) sigma[j] = Math.sqrt(config.noiseScale() * sq[j] / data.numSteps());
        return sigma;
    }
}
