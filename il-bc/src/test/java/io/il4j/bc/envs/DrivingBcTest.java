package io.il4j.bc.envs;

import io.il4j.bc.BcConfig;
import io.il4j.bc.BcTrainer;
import io.il4j.bc.HeadType;
import io.il4j.bc.TrainedPolicy;
import io.il4j.core.train.TrainingListener;
import io.il4j.core.data.Dataset;
import io.il4j.core.env.EpisodeResult;
import io.il4j.core.env.Rollouts;
import io.il4j.core.io.DatasetFiles;
import io.il4j.core.runtime.Il4j;
import io.il4j.envs.driving.DrivingEnv;
import io.il4j.envs.driving.DrivingExpert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Gaussian BC with the default configuration, trained on the shipped expert demonstrations
 * ({@code datasets/driving/expert.csv}: 200 episodes recorded from starts up to 1.75 m and 0.3 rad off the
 * lane, with DART-style steering noise of std 0.01 rad on the executed action and the expert's clean action
 * recorded), drives like the expert over 50 evaluation episodes of the default Driving env, on the seeds
 * {@code il eval} uses: issue #4's target, >= 95% of the expert's return with a collision rate <= 1% (no
 * collision in 50 episodes), and at most one off-road exit.
 *
 * <p>Why the margin means something (measured with {@code benchmarks/bc-driving.sh}, training seeds 0..4):
 * on the same number of demonstrations recorded without the steering noise the policies settled 0.2-0.5 m
 * off the lane centre (a few mrad of steering bias is enough with the expert's gentle lateral gain) and
 * reached 85-96% of the expert's return, with collisions for three seeds of five and up to four off-road
 * exits; with the noise every seed met the target (97.7-99.2%). With plain NLL (β = 0) Gaussian BC lost
 * the expert's overtaking lane changes; trained on 40 demonstrations that all start on the lane centre it
 * drove off the road (35-37%).
 */
class DrivingBcTest {

    static final Path SHIPPED = Path.of("..", "datasets", "driving", "expert.csv");
    static final long EVAL_SEED = 1_000_000;

    @BeforeAll
    static void configure() {
        Il4j.configure();
    }

    static double mean(List<EpisodeResult> r, String metric) {
        return r.stream().mapToDouble(e -> metric == null ? e.totalReturn() : e.metrics().get(metric)).average().orElseThrow();
    }

    @Test
    void gaussianBcOnTheShippedExpertDataDrivesLikeTheExpert() throws Exception {
        Dataset demos = DatasetFiles.load(SHIPPED).dataset();
        TrainedPolicy t = BcTrainer.train(demos, BcConfig.defaults(HeadType.GAUSSIAN), TrainingListener.NONE);

        DrivingEnv env = new DrivingEnv();
        List<EpisodeResult> bc = Rollouts.evaluate(env, t.policy(), 50, EVAL_SEED, 500);
        List<EpisodeResult> expert = Rollouts.evaluate(env, new DrivingExpert(), 50, EVAL_SEED, 500);
        double ratio = mean(bc, null) / mean(expert, null);
        System.out.printf("Driving: Gaussian BC return %.1f = %.1f%% of the expert's %.1f; collision %.2f, off-road %.2f, "
                        + "lane changes %.2f vs %.2f, speed %.1f vs %.1f m/s%n",
                mean(bc, null), 100 * ratio, mean(expert, null), mean(bc, "collision"), mean(bc, "off_road"),
                mean(bc, "lane_changes"), mean(expert, "lane_changes"), mean(bc, "mean_speed"), mean(expert, "mean_speed"));
        assertTrue(ratio >= 0.95, "BC reaches " + ratio + " of the expert's return");
        assertTrue(mean(bc, "collision") <= 0.01, "collision rate " + mean(bc, "collision"));
        assertTrue(mean(bc, "off_road") <= 0.02, "off-road rate " + mean(bc, "off_road"));
    }
}
