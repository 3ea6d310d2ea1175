package io.il4j.dagger;

import io.il4j.core.data.Dataset;
import io.il4j.core.env.Env;
import io.il4j.core.policy.ExpertOracle;
import io.il4j.core.policy.PolicyLearner;
import io.il4j.dagger.internal.AggregationRun;
import io.il4j.dagger.internal.LoopSettings;

import java.nio.file.Path;

/**
 * What {@link Dagger}, {@link HgDagger} and {@link Dart} share around their loops: the learner, the round
 * listener, the progress display and how a run is started or resumed. Each subclass holds its own
 * loop, top to bottom. Not thread-safe: one run at a time per instance.
 *
 * @param <S> the algorithm's own type (for chained setters)
 */
public abstract class InteractiveImitation<S extends InteractiveImitation<S>> {
    private final PolicyLearner learner;
    private RoundListener listener = RoundListener.SILENT;
    private boolean showProgress = true;

    InteractiveImitation(Object config, PolicyLearner learner) {
        if (config == null) throw new IllegalArgumentException("config must not be null");
        if (learner == null) throw new IllegalArgumentException("policy learner must not be null");
        this.learner = learner;
    }

    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }

    /** Reports each completed round to {@code listener} (default: nobody). */
    public S onRound(RoundListener listener) {
        this.listener = listener == null ? RoundListener.SILENT : listener;
        return self();
    }

    /** Shows a progress display over the rounds on standard error (default on; see {@link io.il4j.core.report.Progress}). */
    public S showProgress(boolean show) {
        this.showProgress = show;
        return self();
    }

    /** Runs from scratch, in memory, without initial demonstrations (round 1 is then an expert round). */
    public DaggerResult run(Env env, ExpertOracle expert) {
        return run(env, expert, null, null);
    }

    /**
     * Runs, or resumes the run saved in {@code runDirectory}.
     *
     * @param initialDemonstrations expert data to start from (counted as labels), or null
     * @param runDirectory          where rounds are saved and resumed from, or null to keep everything in memory
     */
    public DaggerResult run(Env env, ExpertOracle expert, Dataset initialDemonstrations, Path runDirectory) {
        if (env == null) throw new IllegalArgumentException("env must not be null");
        checkEnvironment(env);
        try (AggregationRun run = AggregationRun.start(settings(), env, expert, learner, listener, showProgress,
                initialDemonstrations, runDirectory)) {
            return loop(env, run);
        }
    }

    /** Rejects environments the algorithm cannot work in (before anything is written). */
    void checkEnvironment(Env env) {
    }

    /** The loop settings taken from the algorithm's configuration. */
    abstract LoopSettings settings();

    /** The algorithm's rounds, from {@code run.nextRound()} to the end, and the final policy. */
    abstract DaggerResult loop(Env env, AggregationRun run);
}
