package io.il4j.dagger;

import io.il4j.dagger.internal.Checks;
import io.il4j.core.report.Json;
import io.il4j.dagger.internal.Configs;

/**
 * Settings of a {@link Dart} run; the loop fields mean what they mean in {@link DaggerConfig}.
 *
 * @param noise      {@link NoiseMode#FIXED}: Gaussian noise of standard deviation {@code noiseStd} in every action
 *                   dim, every round. {@link NoiseMode#ESTIMATED}: round 1 uses {@code noiseStd}; from then on
 *                   the per-dim variance is {@code noiseScale} × the learner's mean squared error against the
 *                   expert's labels on the aggregated data (Laskey et al. 2017 set the noise to the learner's error
 *                   covariance; the training error underestimates the error on new states, which a scale
 *                   above 1 compensates)
 * @param noiseStd   fixed standard deviation, or the first round's when estimated (action units, ≥ 0)
 * @param noiseScale variance multiplier of the estimate (> 0; unused, but still validated, for FIXED)
 *
 * Immutable and thread-safe; serializes to JSON.
 */
public record DartConfig(int rounds, int rolloutsPerRound, int horizon, long labelBudget, NoiseMode noise,
                         double noiseStd, double noiseScale, RetrainMode retrainMode, long seed, int evalEpisodes) {

    public enum NoiseMode { FIXED, ESTIMATED }

    public DartConfig {
        Checks.loopSettings(rounds, rolloutsPerRound, horizon, labelBudget, retrainMode, evalEpisodes);
        Checks.notNull("noise", noise);
        Checks.nonNegativeFinite("noiseStd", noiseStd);
        Checks.positiveFinite("noiseScale", noiseScale);
    }

    /** DART with the loop settings of {@code base} (its β schedule is not used: the noisy expert always drives). */
    public static DartConfig of(DaggerConfig base, NoiseMode noise, double noiseStd, double noiseScale) {
        return new DartConfig(base.rounds(), base.rolloutsPerRound(), base.horizon(), base.labelBudget(), noise,
                noiseStd, noiseScale, base.retrainMode(), base.seed(), base.evalEpisodes());
    }

    public String toJson() {
        return Json.toString(this);
    }

    public static DartConfig fromJson(String json) {
        return Configs.parse(json, DartConfig.class);
    }
}
