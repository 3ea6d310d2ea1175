package io.il4j.spark;

import io.il4j.bc.BcConfig;
import io.il4j.bc.BcPolicy;
import io.il4j.bc.BcTrainer;
import io.il4j.bc.HeadType;
import io.il4j.core.cluster.PolicyBytes;
import io.il4j.core.data.Dataset;
import io.il4j.core.env.Env;
import io.il4j.core.env.EpisodeResult;
import io.il4j.core.env.Rollouts;
import io.il4j.dagger.BcLearners;
import io.il4j.core.metrics.EvaluationSummary;
import io.il4j.envs.Envs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparkRolloutsTest {

    /** A small BC policy on Pendulum expert data: imperfect, so episodes differ from seed to seed. */
    static BcPolicy pendulumPolicy() {
        Env env = Envs.make("pendulum");
        Dataset demos = Rollouts.collect(env, Envs.expert("pendulum"), 5, 7, 100).dataset();
        BcConfig c = BcConfig.builder().head(HeadType.MSE).hiddenSizes(32, 32).maxSteps(200).validationFraction(0).patience(0).build();
        return (BcPolicy) new BcTrainer(c).fit(demos, 3, null);
    }

    @Test
    void evaluationOnLocal2EqualsTheLocalRunWithTheSameSeeds() {
        BcPolicy policy = pendulumPolicy();
        PolicyBytes shipped = BcLearners.policyFile(policy, "test");
        Simulator sim = Simulator.registered("pendulum", Map.of("max_steps", "120"));
        int episodes = 7;
        long seed = 1_000;

        List<EpisodeResult> local = Rollouts.evaluate(sim.newEnv(), policy, episodes, seed, Integer.MAX_VALUE);
        List<EpisodeResult> spark = SparkRollouts.evaluate(SparkTestContext.get(), shipped, sim, episodes, seed, Integer.MAX_VALUE);

        assertEquals(local, spark, "episode by episode");
        assertEquals(EvaluationSummary.of(local), EvaluationSummary.of(spark));
        // the comparison is not vacuous: the episodes differ from one another and from other seeds
        assertTrue(local.stream().map(EpisodeResult::totalReturn).distinct().count() > 1, "episodes differ");
        assertNotEquals(EvaluationSummary.of(local),
                SparkRollouts.summary(SparkTestContext.get(), shipped, sim, episodes, seed + 1, Integer.MAX_VALUE));
    }

    @Test
    void userSimulatorFactoryIsBuiltOnTheExecutors() {
        BcPolicy policy = pendulumPolicy();
        Simulator sim = Simulator.factory(ShortPendulum.class);
        List<EpisodeResult> local = Rollouts.evaluate(new ShortPendulum().newEnv(), policy, 4, 5, Integer.MAX_VALUE);
        assertEquals(local, SparkRollouts.evaluate(SparkTestContext.get(), BcLearners.policyFile(policy, "test"), sim, 4, 5, Integer.MAX_VALUE));
        assertEquals(50, local.get(0).length());
    }

    @Test
    void aFactoryWithoutNoArgumentConstructorIsRefusedOnTheDriver() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Simulator.factory(NoDefaultConstructor.class));
        assertTrue(e.getMessage().contains("public no-argument constructor"), e.getMessage());
    }

    /** A user's simulator as the README describes it: a public class with a no-argument constructor. */
    public static final class ShortPendulum implements SimulatorFactory {
        @Override
        public Env newEnv() {
            return Envs.make("pendulum", Map.of("max_steps", "50"));
        }
    }

    public static final class NoDefaultConstructor implements SimulatorFactory {
        public NoDefaultConstructor(int unused) {
        }

        @Override
        public Env newEnv() {
            throw new AssertionError();
        }
    }
}
