package io.il4j.dagger;

import io.il4j.core.data.Dataset;
import io.il4j.core.policy.ExpertOracle;
import io.il4j.core.policy.Policy;
import io.il4j.core.policy.PolicyLearner;
import io.il4j.dagger.testing.ScriptedEnv;
import io.il4j.dagger.testing.UnstableLane;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.*;

class HgDaggerTest {

    /** Learner that deviates by 5 from the expert's 0 when t mod 10 < 3, and by 0.2 otherwise. */
    private static PolicyLearner gatedLearner() {
        PolicyLearner learner = mock(PolicyLearner.class);
        when(learner.fit(any(), anyLong(), any())).thenAnswer(inv ->
                (Policy) obs -> new double[]{((int) obs[1]) % 10 < 3 ? 5.0 : 0.2});
        return learner;
    }

    @Test
    void actionGateLabelsOnlyTakeoverStatesAndExecutesTheExpertThere() {
        ScriptedEnv s = new ScriptedEnv(1_000, 1); // episodes never end before the horizon
        ExpertOracle oracle = mock(ExpertOracle.class);
        when(oracle.act(any(double[].class))).thenAnswer(inv -> new double[]{0.0});
        HgDaggerConfig c = new HgDaggerConfig(3, 2, 45, 0, TakeoverRule.actionDeviation(1.0), RetrainMode.FROM_SCRATCH, 1, 0);

        DaggerResult r = new HgDagger(c, gatedLearner()).showProgress(false).run(s, oracle);

        // Round 1 has no learner: the expert drives 2 x 45 steps and labels them all.
        RoundSummary first = r.rounds().get(0);
        assertEquals(90, first.labels());
        assertEquals(1.0, first.expertActionFraction());
        // Rounds 2-3: the expert is consulted at every step, takes over at t mod 10 in {0, 1, 2} (deviation 5 > 1)
        // and hands back when the deviation is 0.2 <= 0.5: 5 takeovers of 3 steps per 45-step episode.
        ArgumentCaptor<double[]> asked = ArgumentCaptor.forClass(double[].class);
        verify(oracle, times(90 * 3)).act(asked.capture());
        for (int k = 1; k < 3; k++) {
            RoundSummary round = r.rounds().get(k);
            assertEquals(90, round.oracleQueries());
            assertEquals(2 * 5 * 3, round.labels());
            assertEquals(10.0, round.details().get("takeovers"));
            assertEquals(30 / 90.0, round.expertActionFraction(), 1e-12);
        }
        List<double[]> visited = s.actedIn.subList(90, s.actedIn.size());
        List<double[]> executed = s.executed.subList(90, s.executed.size());
        for (int i = 0; i < visited.size(); i++) {
            boolean takeover = ((int) visited.get(i)[1]) % 10 < 3;
            assertEquals(takeover ? 0.0 : 0.2, executed.get(i)[0], "step at " + java.util.Arrays.toString(visited.get(i)));
            assertArrayEquals(visited.get(i), asked.getAllValues().get(90 + i));
        }
        Dataset d = r.aggregated();
        assertEquals(90 + 60, d.numSteps());
        assertEquals(2 + 20, d.numEpisodes()); // 2 expert episodes, then one per takeover
        for (int step = 90; step < d.numSteps(); step++) {
            double[] o = d.observationAsDouble(d.observationRow(step));
            assertTrue(((int) o[1]) % 10 < 3, "only takeover states are stored");
            assertEquals(0.0, d.action(step, 0));
        }
        // A takeover segment ends in the state where control returned to the learner.
        int e = 2;
        assertEquals(3, d.episodeLength(e));
        assertTrue(d.truncated(e));
        assertEquals(3.0, d.observation(d.episodeFirstObservationRow(e) + 3, 1));
    }

    @Test
    void roundsWithoutTakeoversAreSavedAndResumed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        // The learner copies the expert: after the expert's round 1 nobody needs to take over.
        PolicyLearner copy = (data, seed, warm) -> UnstableLane.EXPERT;
        HgDaggerConfig c = new HgDaggerConfig(3, 2, 50, 0, TakeoverRule.actionDeviation(0.1), RetrainMode.FROM_SCRATCH, 2, 0);
        DaggerResult first = new HgDagger(c, copy).showProgress(false).run(new UnstableLane(), UnstableLane.EXPERT, null, dir);
        assertEquals(List.of(100L, 0L, 0L), first.rounds().stream().map(RoundSummary::labels).toList());
        assertEquals(List.of(100L, 100L, 100L), first.rounds().stream().map(RoundSummary::oracleQueries).toList());
        DaggerResult resumed = new HgDagger(c, copy).showProgress(false).run(new UnstableLane(), UnstableLane.EXPERT, null, dir);
        assertEquals(3, resumed.rounds().size());
        assertEquals(first.aggregated().contentHash(), resumed.aggregated().contentHash());
    }

    @Test
    void stateGateAsksTheExpertOnlyWhileItDrivesAndRespectsTheBudget() {
        ExpertOracle expert = mock(ExpertOracle.class);
        List<double[]> labelledStates = new ArrayList<>();
        when(expert.act(any(double[].class))).thenAnswer(inv -> {
            double[] o = inv.getArgument(0);
            labelledStates.add(o.clone());
            return UnstableLane.EXPERT.act(o);
        });
        // A learner that never corrects its offset (steers along the curvature only) keeps needing the expert.
        PolicyLearner learner = (data, seed, warm) -> obs -> new double[]{obs[1]};
        HgDaggerConfig c = new HgDaggerConfig(20, 3, 100, 350, TakeoverRule.stateDeviation(0.05, 0),
                RetrainMode.FROM_SCRATCH, 3, 0);

        DaggerResult r = new HgDagger(c, learner).showProgress(false).run(new UnstableLane(), expert);

        assertEquals(350, r.labelsUsed());
        assertTrue(r.budgetExhausted());
        assertEquals(350, labelledStates.size(), "the state gate needs no oracle call outside takeovers");
        Dataset d = r.aggregated();
        int firstRound = (int) r.rounds().get(0).labels();
        assertEquals(300, firstRound);
        for (int step = firstRound; step < d.numSteps(); step++) {
            float offset = d.observation(d.observationRow(step), 0);
            assertTrue(Math.abs(offset) > 0.025, "labelled state with |offset| " + offset + " below the release threshold");
            assertArrayEquals(labelledStates.get(step), d.observationAsDouble(d.observationRow(step)), 1e-6);
        }
        for (int e = 0; e < d.numEpisodes(); e++) {
            if (d.episodeFirstStep(e) < firstRound) continue;
            assertTrue(Math.abs(d.observation(d.episodeFirstObservationRow(e), 0)) > 0.05, "a takeover starts past the threshold");
        }
    }
}
