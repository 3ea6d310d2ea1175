package io.il4j.dagger;

import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.data.DatasetSpec;
import io.il4j.core.policy.ExpertOracle;
import io.il4j.core.policy.Policy;
import io.il4j.core.policy.PolicyLearner;
import io.il4j.dagger.testing.LeastSquaresLearner;
import io.il4j.dagger.testing.ScriptedEnv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.*;

/** Loop mechanics of {@link Dagger} with a mocked environment, oracle and learner. */
class DaggerLoopTest {
    private static final double[] EXPERT_ACTION = {1.0}, LEARNER_ACTION = {-1.0};

    private static ExpertOracle constantOracle() {
        ExpertOracle oracle = mock(ExpertOracle.class);
        when(oracle.act(any(double[].class))).thenAnswer(inv -> EXPERT_ACTION.clone());
        return oracle;
    }

    private static PolicyLearner constantLearner() {
        PolicyLearner learner = mock(PolicyLearner.class);
        when(learner.fit(any(), anyLong(), any())).thenAnswer(inv -> (Policy) obs -> LEARNER_ACTION.clone());
        return learner;
    }

    private static DaggerConfig.Builder config() {
        return DaggerConfig.builder().evalEpisodes(0).seed(7);
    }

    /** Two hand-made expert episodes (20 and 17 steps) in the scripted env's spaces. */
    private static Dataset demonstrations() {
        DatasetBuilder b = new DatasetBuilder(new DatasetSpec(ScriptedEnv.SPEC.observationNames(),
                ScriptedEnv.SPEC.actionSpace(), ScriptedEnv.SPEC.actionNames(), List.of(), true));
        for (int len : new int[]{20, 17}) {
            b.beginEpisode();
            for (int t = 0; t < len; t++) b.addStep(new double[]{-len, t}, new double[]{0.5}, 1);
            b.endEpisode(new double[]{-len, len}, false, true);
        }
        return b.build();
    }

    @Test
    void oracleIsQueriedExactlyOnTheVisitedStatesAndTheirLabelsAreAggregated() {
        ScriptedEnv s = new ScriptedEnv();
        ExpertOracle oracle = constantOracle();
        DaggerConfig c = config().rounds(3).rolloutsPerRound(4).horizon(30).beta(BetaSchedule.constant(0.5)).build();

        DaggerResult r = new Dagger(c, constantLearner()).showProgress(false).run(s, oracle);

        ArgumentCaptor<double[]> asked = ArgumentCaptor.forClass(double[].class);
        verify(oracle, times(s.actedIn.size())).act(asked.capture());
        verify(oracle, never()).act(any(double[].class), any(double[].class));
        List<double[]> args = asked.getAllValues();
        assertEquals(12, s.resetSeeds.size());
        for (int i = 0; i < args.size(); i++) assertArrayEquals(s.actedIn.get(i), args.get(i), "oracle call " + i);

        Dataset d = r.aggregated();
        assertEquals(s.actedIn.size(), d.numSteps());
        assertEquals(12, d.numEpisodes());
        for (int step = 0; step < d.numSteps(); step++) {
            assertArrayEquals(s.actedIn.get(step), d.observationAsDouble(d.observationRow(step)), 1e-6);
            assertArrayEquals(EXPERT_ACTION, d.actionAsDouble(step), 0.0);
        }
        // Each episode ran until the env terminated it (5 + seed mod 40 steps) or the horizon cut it.
        for (int e = 0; e < 12; e++) {
            int envLength = 5 + (int) Math.floorMod(s.resetSeeds.get(e), 40L);
            assertEquals(Math.min(30, envLength), d.episodeLength(e), "episode " + e);
            assertEquals(envLength <= 30, d.terminated(e));
            assertEquals(envLength > 30, d.truncated(e));
        }
        assertEquals(s.actedIn.size(), r.labelsUsed());
    }

    @Test
    void betaSchedulesPickTheExpertAtTheirStatedRates() {
        for (BetaSchedule schedule : List.of(BetaSchedule.constant(0.3), BetaSchedule.linear(4),
                BetaSchedule.exponential(0.6), BetaSchedule.expertFirstRound())) {
            ScriptedEnv s = new ScriptedEnv(1_000_000, 1); // never terminates: every rollout runs the horizon
            DaggerConfig c = config().rounds(6).rolloutsPerRound(10).horizon(1_000).beta(schedule).build();
            DaggerResult r = new Dagger(c, constantLearner()).showProgress(false).run(s, ExpertOracle.of(o -> EXPERT_ACTION.clone()));

            int from = 0;
            for (RoundSummary round : r.rounds()) {
                List<double[]> executed = s.executed.subList(from, from + round.steps());
                from += round.steps();
                assertEquals(10_000, executed.size());
                long byExpert = executed.stream().filter(a -> a[0] == EXPERT_ACTION[0]).count();
                long byLearner = executed.stream().filter(a -> a[0] == LEARNER_ACTION[0]).count();
                assertEquals(executed.size(), byExpert + byLearner);
                double rate = byExpert / (double) executed.size();
                // Round 1 has no learner yet: the expert drives. Otherwise β_k, within 3.2 binomial std at β = 0.5.
                double expected = round.round() == 1 ? 1.0 : schedule.beta(round.round());
                assertEquals(expected, rate, 0.016, schedule + " round " + round.round());
                assertEquals(rate, round.expertActionFraction(), 1e-12);
                assertEquals(expected, round.details().get("beta"), 1e-12);
            }
            assertEquals(s.executed.size(), from);
        }
    }

    @Test
    void constantBetaRateOverManyStepsIsTight() {
        ScriptedEnv s = new ScriptedEnv(1_000_000, 1);
        DaggerConfig c = config().rounds(11).rolloutsPerRound(10).horizon(1_000).beta(BetaSchedule.constant(0.3)).build();
        DaggerResult r = new Dagger(c, constantLearner()).showProgress(false).run(s, ExpertOracle.of(o -> EXPERT_ACTION.clone()));
        List<double[]> afterRound1 = s.executed.subList(r.rounds().get(0).steps(), s.executed.size());
        double rate = afterRound1.stream().filter(a -> a[0] == EXPERT_ACTION[0]).count() / (double) afterRound1.size();
        assertEquals(100_000, afterRound1.size());
        assertEquals(0.3, rate, 0.005); // binomial std 0.00145
    }

    @Test
    void aggregatedDatasetGrowsByEachRoundsLabelsAndTheLearnerSeesItAll() {
        ScriptedEnv s = new ScriptedEnv();
        PolicyLearner learner = constantLearner();
        Dataset demos = demonstrations();
        DaggerConfig c = config().rounds(4).rolloutsPerRound(3).horizon(25).beta(BetaSchedule.linear(3)).build();

        DaggerResult r = new Dagger(c, learner).showProgress(false).run(s, constantOracle(), demos, null);

        ArgumentCaptor<Dataset> fitted = ArgumentCaptor.forClass(Dataset.class);
        verify(learner, times(5)).fit(fitted.capture(), anyLong(), any()); // one per round + the final policy
        List<Dataset> seen = fitted.getAllValues();
        int steps = demos.numSteps(), episodes = demos.numEpisodes();
        for (int k = 0; k < 4; k++) {
            assertEquals(steps, seen.get(k).numSteps(), "data for round " + (k + 1));
            assertEquals(episodes, seen.get(k).numEpisodes());
            RoundSummary round = r.rounds().get(k);
            assertEquals(round.steps(), round.labels());
            assertEquals(3, round.episodes());
            steps += round.steps();
            episodes += round.episodes();
            assertEquals(steps, round.labelsTotal());
        }
        assertEquals(steps, seen.get(4).numSteps());
        assertEquals(steps, r.aggregated().numSteps());
        assertEquals(episodes, r.aggregated().numEpisodes());
        assertEquals(demos.numSteps() + s.actedIn.size(), steps);
        assertEquals(steps, r.labelsUsed());
        // Initial demonstrations come first, then round 1's visited states in order.
        Dataset last = seen.get(4);
        assertArrayEquals(new double[]{-20, 0}, last.observationAsDouble(0), 0);
        assertArrayEquals(new double[]{0.5}, last.actionAsDouble(0), 0);
        assertArrayEquals(s.actedIn.get(0), last.observationAsDouble(last.observationRow(demos.numSteps())), 1e-6);
        assertFalse(last.spec().hasRewards()); // labels are the expert's, not the executed actions: no rewards kept
    }

    @Test
    void labelBudgetIsRespectedAndTheLastRoundIsPartial() {
        ScriptedEnv s = new ScriptedEnv();
        ExpertOracle oracle = constantOracle();
        Dataset demos = demonstrations(); // 37 labels
        DaggerConfig c = config().rounds(50).rolloutsPerRound(3).horizon(30).labelBudget(500).build();

        DaggerResult r = new Dagger(c, constantLearner()).showProgress(false).run(s, oracle, demos, null);

        verify(oracle, times(500 - 37)).act(any(double[].class));
        assertEquals(500, r.labelsUsed());
        assertEquals(500, r.aggregated().numSteps());
        assertTrue(r.budgetExhausted());
        assertTrue(r.rounds().size() < 50);
        RoundSummary last = r.rounds().get(r.rounds().size() - 1);
        assertEquals(500, last.labelsTotal());
        assertTrue(last.steps() < 3 * 30 && last.steps() > 0);
        Dataset d = r.aggregated();
        assertTrue(d.truncated(d.numEpisodes() - 1), "the episode cut by the budget is kept as truncated");

        IllegalArgumentException tooSmall = assertThrows(IllegalArgumentException.class,
                () -> new Dagger(c.toBuilder().labelBudget(30).build(), constantLearner()).showProgress(false)
                        .run(new ScriptedEnv(), constantOracle(), demos, null));
        assertTrue(tooSmall.getMessage().contains("37 expert labels, more than the label budget of 30"), tooSmall.getMessage());
    }

    /** An oracle answering {@code 0.1 t − 0.3} that fails (via {@code failure}) on call number {@code failAt} (1-based). */
    private static ExpertOracle oracleFailingAt(int failAt, java.util.function.Function<double[], double[]> failure,
                                                List<double[]> asked) {
        AtomicInteger calls = new AtomicInteger();
        ExpertOracle oracle = mock(ExpertOracle.class);
        when(oracle.act(any(double[].class))).thenAnswer(inv -> {
            double[] obs = inv.getArgument(0);
            asked.add(obs.clone());
            if (calls.incrementAndGet() == failAt) return failure.apply(obs);
            return new double[]{0.1 * obs[1] - 0.3};
        });
        return oracle;
    }

    private static DaggerConfig resumableConfig() {
        return config().rounds(5).rolloutsPerRound(3).horizon(25).beta(BetaSchedule.constant(0.5)).build();
    }

    @Test
    void oracleFailureStopsWithRoundAndStepAndResumeContinuesFromTheSavedRound(@TempDir Path dir) throws Exception {
        List<double[]> ignored = new ArrayList<>();
        DaggerResult reference = new Dagger(resumableConfig(), new LeastSquaresLearner()).showProgress(false)
                .run(new ScriptedEnv(), oracleFailingAt(-1, null, ignored), demonstrations(), null);
        long afterRound2 = reference.rounds().get(1).labelsTotal();
        int failAt = (int) (afterRound2 - demonstrations().numSteps()) + 30; // inside round 3

        List<double[]> asked = new ArrayList<>();
        ExpertOracle failing = oracleFailingAt(failAt, o -> {
            throw new IllegalStateException("boom");
        }, asked);
        ExpertOracleException ex = assertThrows(ExpertOracleException.class, () ->
                new Dagger(resumableConfig(), new LeastSquaresLearner()).showProgress(false)
                        .run(new ScriptedEnv(), failing, demonstrations(), dir));

        double[] failedOn = asked.get(failAt - 1);
        int roundCallsBefore = failAt - 1 - (int) (afterRound2 - demonstrations().numSteps());
        int episode = (int) asked.subList(failAt - 1 - roundCallsBefore, failAt).stream().filter(o -> o[1] == 0).count() - 1;
        assertEquals(3, ex.round());
        assertEquals((int) failedOn[1], ex.step());
        assertEquals(episode, ex.episode());
        assertTrue(ex.getMessage().contains("round 3, episode " + episode + ", step " + (int) failedOn[1]), ex.getMessage());
        assertTrue(ex.getMessage().contains("threw java.lang.IllegalStateException: boom"), ex.getMessage());
        assertTrue(ex.getMessage().contains(dir.toString()) && ex.getMessage().contains("resume from round 3"), ex.getMessage());
        assertInstanceOf(IllegalStateException.class, ex.getCause());
        assertEquals(afterRound2, ex.aggregatedSoFar().numSteps());
        assertTrue(Files.exists(dir.resolve("round-001.json")) && Files.exists(dir.resolve("round-002.json")));
        assertFalse(Files.exists(dir.resolve("round-003.json")));
        assertTrue(Files.exists(dir.resolve("config.json")));
        List<String> metrics = Files.readAllLines(dir.resolve("metrics.csv"));
        assertEquals(3, metrics.size());
        assertEquals("round,episodes,steps,labels,labels_total,oracle_queries,expert_action_fraction,"
                + "action_disagreement,eval_return,beta,seconds", metrics.get(0));
        assertTrue(metrics.get(2).startsWith("2,3," + reference.rounds().get(1).steps() + ","), metrics.get(2));
        assertFalse(Files.exists(dir.resolve("results.json")));

        // Resume: rounds 1-2 are reloaded, not rolled out again; the result equals the uninterrupted run's.
        List<double[]> resumedAsked = new ArrayList<>();
        ExpertOracle healthy = oracleFailingAt(-1, null, resumedAsked);
        PolicyLearner learner = spy(new LeastSquaresLearner());
        List<Integer> resumedAt = new ArrayList<>();
        DaggerResult resumed = new Dagger(resumableConfig(), learner).showProgress(false)
                .onRound(new RoundListener() {
                    @Override
                    public void roundCompleted(RoundSummary summary, int plannedRounds) {
                    }

                    @Override
                    public void resumed(int nextRound, Path runDirectory) {
                        resumedAt.add(nextRound);
                        assertEquals(dir, runDirectory);
                    }
                })
                .run(new ScriptedEnv(), healthy, demonstrations(), dir);
        assertEquals(List.of(3), resumedAt, "the listener hears once that the run resumes from round 3");

        assertEquals(reference.labelsUsed() - afterRound2, resumedAsked.size());
        verify(learner, times(3 + 1)).fit(any(), anyLong(), any()); // rounds 3, 4, 5 and the final policy
        assertEquals(reference.aggregated().contentHash(), resumed.aggregated().contentHash());
        assertEquals(reference.labelsUsed(), resumed.labelsUsed());
        assertEquals(5, resumed.rounds().size());
        for (int k = 0; k < 5; k++) {
            RoundSummary a = reference.rounds().get(k), b = resumed.rounds().get(k);
            assertEquals(a.labels(), b.labels());
            assertEquals(a.steps(), b.steps());
            assertEquals(a.expertActionFraction(), b.expertActionFraction());
            assertEquals(a.actionDisagreement(), b.actionDisagreement(), 1e-12, "round " + (k + 1));
        }
        assertEquals(6, Files.readAllLines(dir.resolve("metrics.csv")).size()); // rows of rounds 1-2 rewritten, then 3-5
        assertTrue(Files.readString(dir.resolve("results.json")).contains("\"labels_used\" : " + reference.labelsUsed()));
        double[] probe = {123, 7};
        assertArrayEquals(reference.policy().act(probe), resumed.policy().act(probe), 1e-9);
    }

    @Test
    void nanOrWrongLengthActionsStopTheRunNamingRoundAndStepAndKeepTheData(@TempDir Path dir) {
        record Case(String name, java.util.function.Function<double[], double[]> answer, String expected) {
        }
        for (Case c : List.of(
                new Case("nan", o -> new double[]{Double.NaN}, "returned action[0] = NaN (actions must be finite)"),
                new Case("length", o -> new double[]{1, 2}, "returned an action of length 2 where the action space"),
                new Case("null", o -> null, "returned null instead of an action"))) {
            Path runDir = dir.resolve(c.name());
            List<double[]> asked = new ArrayList<>();
            ScriptedEnv s = new ScriptedEnv();
            DaggerConfig cfg = resumableConfig();
            // Fail on the 5th label of round 2.
            int round1 = new Dagger(cfg, new LeastSquaresLearner()).showProgress(false)
                    .run(new ScriptedEnv(), oracleFailingAt(-1, null, new ArrayList<>())).rounds().get(0).steps();
            ExpertOracleException ex = assertThrows(ExpertOracleException.class, () ->
                    new Dagger(cfg, new LeastSquaresLearner()).showProgress(false)
                            .run(s, oracleFailingAt(round1 + 5, c.answer(), asked), null, runDir));
            assertEquals(2, ex.round(), c.name());
            assertEquals(0, ex.episode());
            assertEquals(4, ex.step());
            assertTrue(ex.getMessage().startsWith("expert oracle failed in round 2, episode 0, step 4: it " + c.expected()),
                    ex.getMessage());
            assertEquals(round1, ex.aggregatedSoFar().numSteps());
            assertTrue(Files.exists(runDir.resolve("round-001.json")));
            assertFalse(Files.exists(runDir.resolve("round-002.json")));
            assertEquals(round1 + 4, s.actedIn.size(), "no step is taken with the bad action");
        }
    }

    @Test
    void resumingWithAnotherConfigurationOrOtherDemonstrationsIsRejected(@TempDir Path dir) {
        new Dagger(resumableConfig(), new LeastSquaresLearner()).showProgress(false)
                .run(new ScriptedEnv(), constantOracle(), demonstrations(), dir);
        DaggerConfig other = resumableConfig().toBuilder().rounds(6).seed(8).build();
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () ->
                new Dagger(other, new LeastSquaresLearner()).run(new ScriptedEnv(), constantOracle(), demonstrations(), dir));
        assertTrue(ex.getMessage().contains("different configuration (differs in [rounds, seed])"), ex.getMessage());

        Dataset fewer = demonstrations().selectEpisodes(new int[]{0});
        ex = assertThrows(IllegalArgumentException.class, () ->
                new Dagger(resumableConfig(), new LeastSquaresLearner()).run(new ScriptedEnv(), constantOracle(), fewer, dir));
        assertTrue(ex.getMessage().contains("other initial demonstrations (37 steps"), ex.getMessage());

        // A completed run resumes to the same result without asking the expert again.
        ExpertOracle oracle = constantOracle();
        DaggerResult again = new Dagger(resumableConfig(), new LeastSquaresLearner()).showProgress(false)
                .run(new ScriptedEnv(), oracle, null, dir);
        verify(oracle, never()).act(any(double[].class));
        assertEquals(5, again.rounds().size());
    }
}
