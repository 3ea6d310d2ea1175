package io.il4j.bc.envs;

import io.il4j.bc.BcConfig;
import io.il4j.bc.BcTrainer;
import io.il4j.bc.HeadType;
import io.il4j.bc.Relabel;
import io.il4j.bc.TrainedPolicy;
import io.il4j.core.train.TrainingListener;
import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.data.DatasetSpec;
import io.il4j.core.env.EpisodeResult;
import io.il4j.core.env.GoalConditionedPolicy;
import io.il4j.core.env.Rollouts;
import io.il4j.core.runtime.Il4j;
import io.il4j.envs.pointmass.PointMassEnv;
import io.il4j.envs.pointmass.PointMassExpert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Must-show: goal-conditioned BC reaches held-out PointMass goals. The demonstrations carry no goal
 * columns at all: every goal the policy trains on is a hindsight-relabeled achieved state, and the
 * evaluation goals come from seeds never used for the demonstrations.
 */
class GoalConditionedBcTest {

    @BeforeAll
    static void configure() {
        Il4j.configure();
    }

    /** The same episodes without their goal columns. */
    static Dataset withoutGoals(Dataset d) {
        DatasetSpec s = d.spec();
        DatasetBuilder b = new DatasetBuilder(new DatasetSpec(s.observationNames(), s.actionSpace(), s.actionNames(), List.of(), s.hasRewards()));
        for (int e = 0; e < d.numEpisodes(); e++) {
            var ep = d.episode(e);
            b.beginEpisode();
            for (int t = 0; t < ep.length(); t++) b.addStep(ep.observation(t), ep.action(t), ep.reward(t));
            b.endEpisode(ep.hasFinalObservation() ? ep.observation(ep.length()) : null, ep.terminated(), ep.truncated());
        }
        return b.build();
    }

    static double successRate(List<EpisodeResult> r) {
        return r.stream().mapToDouble(e -> e.metrics().get("success")).average().orElseThrow();
    }

    @Test
    void hindsightRelabeledGcbcReachesGoalsItNeverSawAsLabels() {
        PointMassEnv env = new PointMassEnv();
        Dataset demos = withoutGoals(Rollouts.collect(env, new GoalConditionedPolicy(new PointMassExpert(), env), 200, 1, 50).dataset());
        assertFalse(demos.spec().hasGoals());
        TrainedPolicy t = BcTrainer.train(demos, BcConfig.builder().head(HeadType.MSE).hiddenSizes(64, 64).batchSize(128)
                .maxSteps(2000).validationInterval(500).goalConditioned(true).relabel(Relabel.FUTURE)
                .achievedGoalDims(List.of(0, 1)).build(), TrainingListener.NONE);
        assertEquals(2, t.policy().goalDim());
        List<EpisodeResult> heldOut = Rollouts.evaluate(env, new GoalConditionedPolicy(t.policy(), env), 100, 50_000, 50);
        // a policy ignoring the goal reaches a random goal with a probability near 0
        List<EpisodeResult> ignoring = Rollouts.evaluate(env, o -> new double[]{0.5, 0.5}, 100, 50_000, 50);
        System.out.printf("PointMass GCBC success on 100 held-out goals: %.2f (goal-blind baseline %.2f)%n", successRate(heldOut), successRate(ignoring));
        assertTrue(successRate(ignoring) < 0.1, "goal-blind baseline " + successRate(ignoring));
        assertTrue(successRate(heldOut) >= 0.9, "GCBC success on held-out goals " + successRate(heldOut));
    }
}
