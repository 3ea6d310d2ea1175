package io.il4j.bc.envs;

import io.il4j.bc.BcConfig;
import io.il4j.bc.BcPolicy;
import io.il4j.bc.BcTrainer;
import io.il4j.bc.HeadType;
import io.il4j.core.train.TrainingListener;
import io.il4j.core.data.Dataset;
import io.il4j.core.env.EpisodeResult;
import io.il4j.core.env.Rollouts;
import io.il4j.core.runtime.Il4j;
import io.il4j.envs.pointmass.ObstacleExpert;
import io.il4j.envs.pointmass.PointMassObstacleEnv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Must-show (issue 4): on PointMass-Obstacle the expert passes the wall left or right at random. A
 * mixture density policy picks a side and succeeds (>= 90%, using both sides); Gaussian and MSE policies
 * trained on the same data average the two sides and run into the wall (success <= 60%).
 */
class ObstacleMultimodalityTest {

    @BeforeAll
    static void configure() {
        Il4j.configure();
    }

    static double rate(List<EpisodeResult> r, String metric) {
        return r.stream().mapToDouble(e -> e.metrics().get(metric)).average().orElseThrow();
    }

    @Test
    void mixtureDensityPolicyPicksASideWhileUnimodalPoliciesHitTheWall() {
        PointMassObstacleEnv env = new PointMassObstacleEnv();
        Dataset demos = Rollouts.collect(env, ObstacleExpert.demonstrator(3), 100, 1, 100).dataset();
        BcConfig base = BcConfig.builder().hiddenSizes(64, 64).batchSize(128).maxSteps(2000).validationInterval(500)
                .head(HeadType.MDN).seed(0).build();
        BcPolicy mdn = BcTrainer.train(demos, base, TrainingListener.NONE).policy();
        BcPolicy gaussian = BcTrainer.train(demos, base.toBuilder().head(HeadType.GAUSSIAN).build(), TrainingListener.NONE).policy();
        BcPolicy mse = BcTrainer.train(demos, base.toBuilder().head(HeadType.MSE).build(), TrainingListener.NONE).policy();

        List<EpisodeResult> expert = Rollouts.evaluate(env, ObstacleExpert.demonstrator(99), 50, 10_000, 100);
        List<EpisodeResult> m = Rollouts.evaluate(env, mdn, 50, 10_000, 100);
        List<EpisodeResult> g = Rollouts.evaluate(env, gaussian, 50, 10_000, 100);
        List<EpisodeResult> s = Rollouts.evaluate(env, mse, 50, 10_000, 100);
        double left = rate(expert, "passed_left");
        double mdnLeft = rate(m, "passed_left");
        System.out.printf("PointMass-Obstacle success / collision over 50 episodes: MDN %.2f / %.2f (left %.2f), Gaussian %.2f / %.2f, MSE %.2f / %.2f, expert %.2f (left %.2f)%n",
                rate(m, "success"), rate(m, "collision"), mdnLeft, rate(g, "success"), rate(g, "collision"), rate(s, "success"), rate(s, "collision"),
                rate(expert, "success"), left);
        assertTrue(left > 0.3 && left < 0.7, "the demonstrations are bimodal: " + left + " pass left");
        assertEquals(1.0, rate(expert, "success"), "expert success");
        assertTrue(rate(m, "success") >= 0.9, "MDN success " + rate(m, "success"));
        assertTrue(mdnLeft >= 0.1 && mdnLeft <= 0.9, "MDN keeps both modes: " + mdnLeft + " pass left");
        assertTrue(rate(g, "success") <= 0.6, "Gaussian success " + rate(g, "success"));
        assertTrue(rate(s, "success") <= 0.6, "MSE success " + rate(s, "success"));
        assertTrue(rate(g, "collision") >= 0.4 && rate(s, "collision") >= 0.4, "the unimodal policies fail by hitting the wall");
    }
}
