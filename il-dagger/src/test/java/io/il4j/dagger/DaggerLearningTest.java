package io.il4j.dagger;

import io.il4j.core.env.EpisodeResult;
import io.il4j.core.env.Rollouts;
import io.il4j.core.policy.Policy;
import io.il4j.dagger.testing.NearestNeighbourLearner;
import io.il4j.dagger.testing.UnstableLane;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * DAgger beats behavioural cloning at equal expert labels on {@link UnstableLane}, a simulator whose
 * expert demonstrations show almost no corrections, with a 1-nearest-neighbour learner.
 */
class DaggerLearningTest {
    private static final int LABELS = 400, EVAL_EPISODES = 50, EVAL_HORIZON = 200;

    private record Score(double meanReturn, double offRoadRate) {
        static Score of(Policy p) {
            List<EpisodeResult> eps = Rollouts.evaluate(new UnstableLane(), p, EVAL_EPISODES, 10_000, EVAL_HORIZON);
            return new Score(eps.stream().mapToDouble(EpisodeResult::totalReturn).average().orElseThrow(),
                    eps.stream().mapToDouble(e -> e.metrics().get("off_road")).average().orElseThrow());
        }
    }

    @Test
    void daggerBeatsBehaviouralCloningAtEqualLabels() {
        Score expert = Score.of(UnstableLane.EXPERT);
        double bcReturn = 0, daggerReturn = 0, bcOffRoad = 0, daggerOffRoad = 0;
        int seeds = 5;
        for (long seed = 0; seed < seeds; seed++) {
            DaggerResult bc = new Dagger(DaggerConfig.behavioralCloning(LABELS, 100, seed, 0), new NearestNeighbourLearner())
                    .showProgress(false).run(new UnstableLane(), UnstableLane.EXPERT);
            DaggerConfig cfg = DaggerConfig.builder().rounds(10).rolloutsPerRound(1).horizon(100).labelBudget(LABELS)
                    .beta(BetaSchedule.expertFirstRound()).seed(seed).evalEpisodes(0).build();
            DaggerResult dagger = new Dagger(cfg, new NearestNeighbourLearner()).showProgress(false)
                    .run(new UnstableLane(), UnstableLane.EXPERT);
            assertEquals(LABELS, bc.labelsUsed());
            assertEquals(LABELS, dagger.labelsUsed());

            Score b = Score.of(bc.policy()), d = Score.of(dagger.policy());
            assertTrue(d.meanReturn() > b.meanReturn(), "seed " + seed + ": DAgger " + d + " vs BC " + b);
            bcReturn += b.meanReturn() / seeds;
            daggerReturn += d.meanReturn() / seeds;
            bcOffRoad += b.offRoadRate() / seeds;
            daggerOffRoad += d.offRoadRate() / seeds;
        }
        System.out.printf("UnstableLane, %d labels: expert %s; BC return %.1f off-road %.3f; DAgger return %.1f off-road %.3f%n",
                LABELS, expert, bcReturn, bcOffRoad, daggerReturn, daggerOffRoad);
        assertEquals(0.0, expert.offRoadRate());
        assertTrue(bcOffRoad >= 0.15, "BC should drift off the road: " + bcOffRoad);
        assertTrue(daggerOffRoad <= 0.05, "DAgger off-road rate " + daggerOffRoad);
        assertTrue(daggerReturn >= bcReturn + 10, "DAgger " + daggerReturn + " vs BC " + bcReturn);
        assertTrue(daggerReturn >= 0.97 * expert.meanReturn(), "DAgger " + daggerReturn + " vs expert " + expert.meanReturn());
    }
}
