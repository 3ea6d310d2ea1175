package io.il4j.dagger;

import io.il4j.dagger.internal.Checks;
import io.il4j.core.report.Json;
import io.il4j.dagger.internal.Configs;

/**
 * Settings of an {@link HgDagger} run; the fields shared with DAgger mean what they mean in {@link DaggerConfig}.
 * {@code labelBudget} counts takeover labels only (oracle calls made to decide a takeover are reported
 * separately as {@link RoundSummary#oracleQueries()}).
 *
 * Immutable and thread-safe; serializes to JSON.
 */
public record HgDaggerConfig(int rounds, int rolloutsPerRound, int horizon, long labelBudget, TakeoverRule takeover,
                             RetrainMode retrainMode, long seed, int evalEpisodes) {

    public HgDaggerConfig {
        Checks.loopSettings(rounds, rolloutsPerRound, horizon, labelBudget, retrainMode, evalEpisodes);
        Checks.notNull("takeover", takeover);
    }

    /** HG-DAgger with the loop settings of {@code base} (its β schedule is not used: the gate decides who drives). */
    public static HgDaggerConfig of(DaggerConfig base, TakeoverRule takeover) {
        return new HgDaggerConfig(base.rounds(), base.rolloutsPerRound(), base.horizon(), base.labelBudget(), takeover,
                base.retrainMode(), base.seed(), base.evalEpisodes());
    }

    public String toJson() {
        return Json.toString(this);
    }

    public static HgDaggerConfig fromJson(String json) {
        return Configs.parse(json, HgDaggerConfig.class);
    }
}
