package io.il4j.core.data;

import io.il4j.core.data.GoalRelabeler.Strategy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class GoalRelabelerTest {

    private final Dataset d = TwoEpisodes.build();
    // achieved goal = observation dim 0 = 10 e + t, so a goal value names the row it came from
    private static final int[] DIM0 = {0};

    /** Row of episode e, local time t in the two-episode fixture. */
    private static int row(int value) {
        return value >= 10 ? 4 + (value - 10) : value;
    }

    @Test
    void eligibleStepsAreThoseWithALaterState() {
        GoalRelabeler r = GoalRelabeler.finalState(d, DIM0);
        assertEquals(4, r.numEligibleSteps());
        assertArrayEquals(new int[]{0, 1, 2, 3}, new int[]{r.eligibleStep(0), r.eligibleStep(1), r.eligibleStep(2), r.eligibleStep(3)});
        assertFalse(r.isEligible(4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.goalRow(4, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("step 4") && e.getMessage().contains("lacks its final observation"), e.getMessage());
    }

    @Test
    void finalUsesTheFinalObservationOrTheLastStoredRow() {
        GoalRelabeler r = GoalRelabeler.finalState(d, DIM0);
        SplittableRandom rng = new SplittableRandom(3);
        for (int s = 0; s < 3; s++) assertEquals(3, r.goalRow(s, rng));
        assertEquals(5, r.goalRow(3, rng));
        float[] out = new float[3];
        r.writeGoal(1, rng, out, 2);
        assertArrayEquals(new float[]{0, 0, 3}, out);
        assertArrayEquals(new double[]{11}, r.goal(3, rng));
    }

    @Test
    void futureAndUniformDrawEveryLaterStateOfTheSameEpisodeAndNothingElse() {
        for (Strategy strategy : List.of(Strategy.FUTURE, Strategy.UNIFORM_LATER)) {
            GoalRelabeler r = new GoalRelabeler(d, DIM0, strategy, 1);
            SplittableRandom rng = new SplittableRandom(7);
            int[][] expected = {{1, 2, 3}, {2, 3}, {3}, {5}}; // later rows of steps 0..3
            for (int s = 0; s < 4; s++) {
                int[] hits = new int[6];
                float[] g = new float[1];
                for (int i = 0; i < 3000; i++) {
                    int rowUsed = r.writeGoal(s, rng, g, 0);
                    assertEquals(rowUsed, row((int) g[0]), "goal value must be the achieved goal of the row used");
                    hits[rowUsed]++;
                }
                int total = 0;
                for (int rowExpected : expected[s]) {
                    // uniform: each of the m later rows about 3000/m times
                    double share = hits[rowExpected] / 3000.0;
                    assertEquals(1.0 / expected[s].length, share, 0.05, strategy + " step " + s + " row " + rowExpected);
                    total += hits[rowExpected];
                }
                assertEquals(3000, total, strategy + " step " + s + " drew a row outside its later states");
            }
        }
    }

    @Test
    void materializedFinalKeepsEpisodesAndCutsTheStepWithoutLaterState() {
        Dataset m = GoalRelabeler.finalState(d, DIM0).materialize(1);
        assertEquals(List.of("goal_0"), m.spec().goalNames());
        assertEquals(2, m.numEpisodes());
        // episode 0 unchanged except goals: all = achieved goal of its final observation (3)
        assertEquals(3, m.episodeLength(0));
        assertTrue(m.hasFinalObservation(0));
        assertTrue(m.terminated(0));
        for (int row = 0; row < 4; row++) assertEquals(3f, m.goal(row, 0), "row " + row);
        // episode 1 loses step 4; its observation (row 5 of the source) becomes the final observation
        assertEquals(1, m.episodeLength(1));
        assertTrue(m.hasFinalObservation(1));
        assertFalse(m.terminated(1));
        assertTrue(m.truncated(1));
        assertEquals(10f, m.observation(4, 0));
        assertEquals(11f, m.observation(5, 0));
        assertEquals(10.5f, m.action(3, 0));
        assertEquals(11f, m.reward(3));
        assertEquals(11f, m.goal(4, 0));
        assertEquals(11f, m.goal(5, 0));
    }

    @Test
    void materializedFutureMakesKCopiesWithLaterGoals() {
        int k = 4;
        Dataset m = GoalRelabeler.future(d, k, DIM0).materialize(11);
        assertEquals(2 * k, m.numEpisodes());
        assertEquals(4 * k, m.numSteps());
        boolean sawDifferentGoals = false;
        for (int e = 0; e < m.numEpisodes(); e++) {
            int first = m.episodeFirstStep(e);
            for (int t = 0; t < m.episodeLength(e); t++) {
                int step = first + t;
                float obs = m.observation(m.observationRow(step), 0);
                float goal = m.goal(m.observationRow(step), 0);
                int lastValue = e % 2 == 0 ? 3 : 11;
                assertTrue(goal > obs && goal <= lastValue, "episode " + e + " t " + t + ": goal " + goal + " must be a later state of obs " + obs);
            }
            if (e % 2 == 0 && m.goal(m.episodeFirstObservationRow(e), 0) != 3f) sawDifferentGoals = true;
        }
        assertTrue(sawDifferentGoals, "FUTURE should not always pick the final state");
        assertEquals(m.contentHash(), GoalRelabeler.future(d, k, DIM0).materialize(11).contentHash(), "same seed, same data");
    }

    @Test
    void rejectsBadConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> GoalRelabeler.finalState(d, 2));
        assertThrows(IllegalArgumentException.class, () -> GoalRelabeler.finalState(d, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> GoalRelabeler.finalState(d));
        assertThrows(IllegalArgumentException.class, () -> GoalRelabeler.future(d, 0, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GoalRelabeler(d, DIM0, Strategy.FINAL, 3));
        assertTrue(e.getMessage().contains("k must be 1"));
    }

    @Test
    void materializeFailsWhenNothingCanBeRelabeled() {
        DatasetBuilder b = new DatasetBuilder(TwoEpisodes.SPEC);
        b.beginEpisode();
        b.addStep(new double[]{1, 1}, new double[]{0}, 0);
        b.endEpisode(null, false, true);
        Dataset single = b.build();
        assertThrows(IllegalArgumentException.class, () -> GoalRelabeler.finalState(single, 0).materialize(0));
    }
}
