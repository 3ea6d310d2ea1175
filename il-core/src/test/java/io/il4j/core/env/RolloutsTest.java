package io.il4j.core.env;

import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.env.Rollouts.Result;
import io.il4j.core.policy.Policy;
import io.il4j.core.testenv.LineEnv;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class RolloutsTest {

    /** Moves right by 1 each step: from x0 it terminates when x reaches 5, after 5 - x0 steps. */
    private static final Policy RIGHT = obs -> new double[]{1};

    @Test
    void collectRecordsWhatHappenedWithTheEpisodeConvention() {
        LineEnv env = new LineEnv(false, 100);
        Result r = Rollouts.collect(env, RIGHT, 3, 10, 100);
        Dataset d = r.dataset();
        assertEquals(3, d.numEpisodes());
        for (int i = 0; i < 3; i++) {
            long seed = 10 + i;
            double x0 = LineEnv.startOf(seed);
            int expectedLength = (int) (5 - x0);
            EpisodeResult e = r.episodes().get(i);
            assertEquals(seed, e.seed());
            assertEquals(expectedLength, e.length());
            assertTrue(e.terminated());
            assertFalse(e.truncated());
            double expectedReturn = 0;
            for (int t = 1; t <= expectedLength; t++) expectedReturn -= Math.abs(x0 + t);
            assertEquals(expectedReturn, e.totalReturn(), 1e-12);
            assertEquals(5.0, e.metrics().get("final_x"));
            // recorded: T steps, T+1 observations x0..x0+T, terminated flag, rewards as returned
            assertEquals(expectedLength, d.episodeLength(i));
            assertTrue(d.hasFinalObservation(i));
            assertTrue(d.terminated(i));
            assertEquals(expectedReturn, d.episodeReturn(i), 1e-6);
            int row0 = d.episodeFirstObservationRow(i);
            for (int t = 0; t <= expectedLength; t++) assertEquals(x0 + t, d.observation(row0 + t, 0), 0);
            assertEquals(1f, d.action(d.episodeFirstStep(i), 0));
        }
        assertEquals(List.of("goal_0"), d.spec().goalNames(), "a GoalEnv records its desired goal");
        assertEquals(4f, d.goal(0, 0));
    }

    @Test
    void episodesAreCutAtTheStepLimitAndReportedTruncated() {
        LineEnv env = new LineEnv(false, 4);
        Policy stay = obs -> new double[]{0};
        Result r = Rollouts.collect(env, stay, 1, 0, 100); // env limit 4 wins over maxSteps 100
        assertEquals(4, r.episodes().get(0).length());
        assertTrue(r.episodes().get(0).truncated());
        assertFalse(r.episodes().get(0).terminated());
        assertTrue(r.dataset().truncated(0));
        assertEquals(5, r.dataset().episodeObservationCount(0));
        List<EpisodeResult> ev = Rollouts.evaluate(new LineEnv(false, 50), stay, 2, 0, 3);
        assertEquals(3, ev.get(0).length());
        assertTrue(ev.get(1).truncated());
    }

    @Test
    void sameSeedsGiveTheSameData() {
        Policy p = obs -> new double[]{obs[0] > 0 ? -0.5 : 0.7};
        Dataset a = Rollouts.collect(new LineEnv(false, 20), p, 4, 3, 20).dataset();
        Dataset b = Rollouts.collect(new LineEnv(false, 20), p, 4, 3, 20).dataset();
        assertEquals(a.contentHash(), b.contentHash());
    }

    @Test
    void aFailingPolicyLeavesNoPartialEpisodeInTheRecorder() {
        LineEnv env = new LineEnv(true, 10);
        DatasetBuilder recorder = new DatasetBuilder(Rollouts.datasetSpec(env));
        Rollouts.runEpisode(env, obs -> new double[]{2}, 0, 10, recorder);
        int[] calls = {0};
        Policy failing = obs -> new double[]{++calls[0] < 3 ? 1 : 7}; // 7 is not a valid discrete action
        assertThrows(IllegalArgumentException.class, () -> Rollouts.runEpisode(env, failing, 1, 10, recorder));
        assertFalse(recorder.episodeOpen());
        Dataset d = recorder.build();
        assertEquals(1, d.numEpisodes());
        assertEquals(d.numSteps() + 1, d.numObservations());
    }

    @Test
    void rejectsNonPositiveCounts() {
        assertThrows(IllegalArgumentException.class, () -> Rollouts.collect(new LineEnv(false, 5), RIGHT, 0, 0, 5));
        assertThrows(IllegalArgumentException.class, () -> Rollouts.runEpisode(new LineEnv(false, 5), RIGHT, 0, 0, null));
    }
}
