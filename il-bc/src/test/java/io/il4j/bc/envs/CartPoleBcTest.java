package io.il4j.bc.envs;

import io.il4j.bc.BcConfig;
import io.il4j.bc.BcTrainer;
import io.il4j.bc.HeadType;
import io.il4j.bc.TrainedPolicy;
import io.il4j.core.train.TrainingListener;
import io.il4j.core.data.Dataset;
import io.il4j.core.env.EpisodeResult;
import io.il4j.core.env.Rollouts;
import io.il4j.core.runtime.Il4j;
import io.il4j.envs.cartpole.CartPoleEnv;
import io.il4j.envs.cartpole.CartPoleExpert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Must-show: categorical BC on CartPole expert data reaches a mean return >= 475 (the expert scores 500). */
class CartPoleBcTest {

    @BeforeAll
    static void configure() {
        Il4j.configure();
    }

    static double mean(List<EpisodeResult> r) {
        return r.stream().mapToDouble(EpisodeResult::totalReturn).average().orElseThrow();
    }

    @Test
    void categoricalBcOnExpertDataBalancesThePole() {
        CartPoleEnv env = new CartPoleEnv();
        Dataset demos = Rollouts.collect(env, new CartPoleExpert(), 10, 1, 500).dataset();
        TrainedPolicy t = BcTrainer.train(demos, BcConfig.builder().head(HeadType.CATEGORICAL).hiddenSizes(64, 64)
                .batchSize(128).maxSteps(1500).validationInterval(250).build(), TrainingListener.NONE);
        // held-out start states: evaluation seeds never used for the demonstrations
        double bc = mean(Rollouts.evaluate(env, t.policy(), 20, 10_000, 500));
        double random = mean(Rollouts.evaluate(env, o -> new double[]{Math.random() < 0.5 ? 0 : 1}, 20, 10_000, 500));
        System.out.printf("CartPole: categorical BC mean return %.1f over 20 held-out episodes (random %.1f)%n", bc, random);
        assertTrue(random < 60, "a random policy falls within tens of steps: " + random);
        assertTrue(bc >= 475, "BC mean return " + bc);
    }
}
