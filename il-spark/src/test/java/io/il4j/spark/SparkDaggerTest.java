package io.il4j.spark;

import io.il4j.bc.BcConfig;
import io.il4j.bc.HeadType;
import io.il4j.core.data.Dataset;
import io.il4j.core.policy.PolicyLearner;
import io.il4j.dagger.BcLearners;
import io.il4j.dagger.BetaSchedule;
import io.il4j.dagger.Dagger;
import io.il4j.dagger.DaggerConfig;
import io.il4j.dagger.DaggerResult;
import io.il4j.dagger.RoundSummary;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparkDaggerTest {

    /** A weak CartPole learner, so the learner's episodes end at different steps and the round's coin really matters. */
    static final PolicyLearner LEARNER = BcLearners.behavioralCloning(BcConfig.builder().head(HeadType.CATEGORICAL)
            .hiddenSizes(16).maxSteps(60).validationFraction(0).patience(0).build());

    static DaggerConfig config(long seed) {
        // β = 0.5^(k-1): mixed rounds, where the coin draws decide which action is executed; the budget ends round 3 mid-episode
        return DaggerConfig.builder().rounds(3).rolloutsPerRound(4).horizon(80).labelBudget(700)
                .beta(BetaSchedule.exponential(0.5)).seed(seed).evalEpisodes(0).build();
    }

    @Test
    void sparkRolloutsAggregateTheSameDataAsTheLocalLoop() {
        Simulator sim = Simulator.registered("cartpole", Map.of());
        DaggerResult local = new Dagger(config(11), LEARNER).showProgress(false).run(sim.newEnv(), sim.newExpert());
        SparkRoundRollouts onSpark = new SparkRoundRollouts(SparkTestContext.get(), sim);
        DaggerResult spark = new Dagger(config(11), LEARNER).showProgress(false).rolloutsOn(onSpark).run(sim.newEnv(), sim.newExpert());

        assertSameData(local.aggregated(), spark.aggregated());
        assertEquals(withoutTimes(local.rounds()), withoutTimes(spark.rounds()));
        assertEquals(local.labelsUsed(), spark.labelsUsed());
        assertTrue(local.budgetExhausted(), "the budget cut the last round, so the driver's cut is exercised");
        assertEquals(3, local.rounds().size());
        // some learner episode ended early, so later episodes had to be re-run from the right coin draw
        assertTrue(onSpark.waves() > local.rounds().size(), "waves " + onSpark.waves());
        // and the equality is not vacuous: another seed aggregates other data
        DaggerResult other = new Dagger(config(12), LEARNER).showProgress(false).rolloutsOn(onSpark).run(sim.newEnv(), sim.newExpert());
        assertNotEquals(local.aggregated().contentHash(), other.aggregated().contentHash());
    }

    static void assertSameData(Dataset a, Dataset b) {
        assertEquals(a.numEpisodes(), b.numEpisodes());
        assertEquals(a.numSteps(), b.numSteps());
        assertEquals(a.contentHash(), b.contentHash());
    }

    /** Round summaries without their wall times. */
    static List<RoundSummary> withoutTimes(List<RoundSummary> rounds) {
        return rounds.stream().map(r -> new RoundSummary(r.round(), r.episodes(), r.steps(), r.labels(), r.labelsTotal(),
                r.oracleQueries(), r.expertActionFraction(), r.actionDisagreement(), r.evalReturn(), r.evalMetrics(), r.details(), 0))
                .toList();
    }
}
