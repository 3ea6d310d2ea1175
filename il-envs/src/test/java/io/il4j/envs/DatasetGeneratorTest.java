package io.il4j.envs;

import io.il4j.core.data.Dataset;
import io.il4j.core.metrics.EvaluationSummary;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class DatasetGeneratorTest {

    @Test
    void sameSeedGivesTheIdenticalDatasetAndAnotherSeedDoesNot() {
        for (String id : Envs.ids()) {
            for (String tier : List.of("expert", "mixed", "medium")) {
                String a = DatasetGenerator.generate(id, tier, 4, 9, Map.of()).rollouts().dataset().contentHash();
                String b = DatasetGenerator.generate(id, tier, 4, 9, Map.of()).rollouts().dataset().contentHash();
                String c = DatasetGenerator.generate(id, tier, 4, 10, Map.of()).rollouts().dataset().contentHash();
                assertEquals(a, b, id + "/" + tier);
                assertNotEquals(a, c, id + "/" + tier);
            }
        }
    }

    @Test
    void summaryAgreesWithTheRecordedData() {
        List<Integer> progress = new ArrayList<>();
        DatasetGenerator.Generated g = DatasetGenerator.generate("cartpole", BehaviourTier.MEDIUM, 6, 3, Map.of(), progress::add);
        Dataset d = g.rollouts().dataset();
        EvaluationSummary s = g.summary();
        assertEquals(List.of(1, 2, 3, 4, 5, 6), progress);
        assertEquals(6, d.numEpisodes());
        assertEquals(d.numSteps() / 6.0, s.length().mean(), 1e-9);
        assertEquals(d.numObservations(), d.numSteps() + 6, "final observations recorded");
        double sum = 0;
        for (int e = 0; e < 6; e++) {
            sum += d.episodeReturn(e);
            assertEquals(g.rollouts().episodes().get(e).totalReturn(), d.episodeReturn(e), 1e-4);
            assertEquals(3 + e, g.rollouts().episodes().get(e).seed());
        }
        assertEquals(sum / 6, s.totalReturn().mean(), 1e-4);
        assertEquals(BehaviourTier.MEDIUM, g.tier());
        assertTrue(s.toTable().render().contains("return"), s.toTable().render());
    }

    @Test
    void goalEnvironmentsRecordGoalsAndMetrics() {
        DatasetGenerator.Generated g = DatasetGenerator.generate("pointmass", "expert", 5, 1, Map.of());
        Dataset d = g.rollouts().dataset();
        assertEquals(2, d.spec().goalDim());
        assertEquals(1.0, g.summary().metric("success").mean());
        // the goal recorded with the last observation is where the expert ended
        for (int e = 0; e < 5; e++) {
            int last = d.episodeFirstObservationRow(e) + d.episodeObservationCount(e) - 1;
            double dx = d.observation(last, 0) - d.goal(last, 0), dy = d.observation(last, 1) - d.goal(last, 1);
            assertTrue(Math.hypot(dx, dy) <= 0.05 + 1e-6);
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> DatasetGenerator.generate("cartpole", "expert", 0, 1, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> DatasetGenerator.generate("cartpole", "best", 1, 1, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> DatasetGenerator.generate("nope", "expert", 1, 1, Map.of()));
    }
}
