package io.il4j.bc.envs;

import io.il4j.bc.BcConfig;
import io.il4j.bc.BcTrainer;
import io.il4j.bc.HeadType;
import io.il4j.bc.Relabel;
import io.il4j.bc.TrainedPolicy;
import io.il4j.core.train.TrainingListener;
import io.il4j.core.data.Dataset;
import io.il4j.core.env.EpisodeResult;
import io.il4j.core.env.GoalConditionedPolicy;
import io.il4j.core.env.Rollouts;
import io.il4j.core.io.DatasetFiles;
import io.il4j.core.policy.Policy;
import io.il4j.core.runtime.Il4j;
import io.il4j.envs.driving.DrivingGoalEnv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Must-show (issue #4): goal-conditioned BC reaches Driving goals (target lane, target speed) it never saw as
 * labels. The shipped demonstrations ({@code datasets/driving-goal/expert.csv}: 200 expert episodes of 200 steps,
 * DART-style as the Driving BC data) are stripped of their goal columns, so every training goal is a
 * hindsight-relabeled achieved state (lane index, speed: observation dims 7 and 2); evaluation draws 100 goals
 * from the env's own distribution on seeds {@code il eval} uses (1,000,000..), none of them a training seed.
 *
 * <p>Relabeling with the <b>final</b> state: success is judged on the last {@code holdSteps} steps, so the
 * final state is exactly what the expert was holding, and the episode's actions are the ones that reach and
 * hold it. {@code future} (and {@code uniform_later}, the same distribution of goals here) also labels states
 * passed through on the way (the lane in the middle of two lane changes, a speed while braking towards
 * another), whose actions do not hold them. Measured (Gaussian head, 5,000 steps, training seeds 0, 1, 2;
 * 100 held-out goals): final 0.98, 0.97, 0.94; future 0.99, 0.93, 0.90; MSE head: final 0.95, 0.97, 0.95,
 * future 0.93, 0.94, 0.95. Fewer demonstrations (Gaussian, 3,000 steps, seed 0): 100 of the same kind, final 0.93,
 * future 0.84; 30 recorded without start perturbation and steering noise (as the file held before), final 0.41,
 * future 0.13, most failures being off-road exits (0.24 and 0.36 of the episodes).
 *
 * <p>Goal-blind baseline, on the same 100 episodes: the same network told the centre goal of the distribution
 * (lane 1, 17 m/s) whatever the episode's goal is, which succeeds only when the drawn goal happens to be near
 * it (about 1/3 for the lane times 1/3 for the speed band): 0.07-0.11 in the runs above. Plain BC trained on
 * the same demonstrations without goals is measured by {@code benchmarks/gcbc-driving.sh}.
 *
 * <p>About 15 s on 2 cores (training 12 s).
 */
class DrivingGcbcTest {

    static final Path SHIPPED = Path.of("..", "datasets", "driving-goal", "expert.csv");
    static final long EVAL_SEED = 1_000_000;
    static final int EPISODES = 100;

    @BeforeAll
    static void configure() {
        Il4j.configure();
    }

    @Test
    void finalStateRelabeledGcbcReachesHeldOutLaneAndSpeedGoals() throws Exception {
        Dataset demos = GoalConditionedBcTest.withoutGoals(DatasetFiles.load(SHIPPED).dataset());
        assertFalse(demos.spec().hasGoals());
        TrainedPolicy t = BcTrainer.train(demos, BcConfig.builder().head(HeadType.GAUSSIAN).maxSteps(5000).validationFraction(0)
                .goalConditioned(true).relabel(Relabel.FINAL).achievedGoalDims(DrivingGoalEnv.ACHIEVED_GOAL_DIMS).build(),
                TrainingListener.NONE);
        assertEquals(2, t.policy().goalDim());

        DrivingGoalEnv env = new DrivingGoalEnv();
        int horizon = env.spec().maxEpisodeSteps();
        List<EpisodeResult> heldOut = Rollouts.evaluate(env, new GoalConditionedPolicy(t.policy(), env), EPISODES, EVAL_SEED, horizon);
        double[] centreGoal = {1, 17};
        Policy goalBlind = obs -> {
            double[] x = new double[obs.length + centreGoal.length];
            System.arraycopy(obs, 0, x, 0, obs.length);
            System.arraycopy(centreGoal, 0, x, obs.length, centreGoal.length);
            return t.policy().act(x);
        };
        List<EpisodeResult> blind = Rollouts.evaluate(env, goalBlind, EPISODES, EVAL_SEED, horizon);
        double success = GoalConditionedBcTest.successRate(heldOut), chance = GoalConditionedBcTest.successRate(blind);
        System.out.printf("Driving GCBC (final-state relabeling) success on %d held-out lane/speed goals: %.2f "
                + "(same network told the centre goal: %.2f)%n", EPISODES, success, chance);
        assertTrue(chance < 0.2, "goal-blind baseline " + chance);
        assertTrue(success >= 0.9, "GCBC success on held-out goals " + success);
    }
}
