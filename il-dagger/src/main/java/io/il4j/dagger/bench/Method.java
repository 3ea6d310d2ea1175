package io.il4j.dagger.bench;

import io.il4j.dagger.Dagger;
import io.il4j.dagger.DaggerConfig;
import io.il4j.dagger.DaggerResult;
import io.il4j.dagger.Dart;
import io.il4j.dagger.DartConfig;
import io.il4j.dagger.HgDagger;
import io.il4j.dagger.HgDaggerConfig;
import io.il4j.dagger.BetaSchedule;
import io.il4j.dagger.RoundListener;
import io.il4j.dagger.RoundSummary;
import io.il4j.dagger.internal.AggregationRun;

import java.nio.file.Path;

/** The methods compared at equal expert-label budgets. */
public enum Method {
    /** Behavioural cloning: the expert drives every round (β = 1), every state is labelled. */
    BC("BC"),
    DAGGER("DAgger"),
    DART("DART"),
    HG_DAGGER("HG-DAgger");

    private final String label;

    Method(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Runs this method on {@code task} with {@code seed}; rounds are saved in (and resumed from) {@code runDirectory}. */
    public DaggerResult run(BenchmarkTask task, long seed, Path runDirectory) {
        DaggerConfig base = DaggerConfig.builder().rounds(task.rounds()).rolloutsPerRound(task.rolloutsPerRound())
                .horizon(task.horizon()).labelBudget(task.labelBudget()).beta(task.beta()).seed(seed)
                .evalEpisodes(task.roundEvalEpisodes()).build();
        RoundListener resumeNotice = resumeNotice(seed, task.rounds());
        return switch (this) {
            case BC -> new Dagger(base.toBuilder().beta(BetaSchedule.constant(1.0)).build(), task.learner())
                    .showProgress(false).onRound(resumeNotice).run(task.environment().get(), task.expert(), null, runDirectory);
            case DAGGER -> new Dagger(base, task.learner()).showProgress(false).onRound(resumeNotice)
                    .run(task.environment().get(), task.expert(), null, runDirectory);
            case DART -> new Dart(DartConfig.of(base, task.dartNoise(), task.dartNoiseStd(), task.dartNoiseScale()), task.learner())
                    .showProgress(false).onRound(resumeNotice).run(task.environment().get(), task.expert(), null, runDirectory);
            case HG_DAGGER -> new HgDagger(HgDaggerConfig.of(base, task.takeover()), task.learner()).showProgress(false)
                    .onRound(resumeNotice).run(task.environment().get(), task.expert(), null, runDirectory);
        };
    }

    /** Says on standard error (beside the benchmark's progress display) when a seed's run continues saved rounds. */
    private RoundListener resumeNotice(long seed, int plannedRounds) {
        return new RoundListener() {
            @Override
            public void roundCompleted(RoundSummary summary, int planned) {
            }

            @Override
            public void resumed(int nextRound, Path runDirectory) {
                System.err.println(AggregationRun.resumeNotice(label + " seed " + seed, nextRound, plannedRounds, runDirectory));
            }
        };
    }
}
