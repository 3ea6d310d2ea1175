package io.il4j.envs;

import io.il4j.core.env.Env;
import io.il4j.core.env.EpisodeResult;
import io.il4j.core.env.Rollouts;
import io.il4j.core.policy.Policy;
import io.il4j.envs.internal.EpisodeMixturePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class BehaviourTiersTest {

    static List<String> ids() {
        return Envs.ids();
    }

    private static double meanReturn(String id, BehaviourTier tier, int episodes) {
        Env env = Envs.make(id);
        Policy p = Envs.behaviour(id, tier, env, Map.of(), 42);
        return Rollouts.evaluate(env, p, episodes, 1000, Integer.MAX_VALUE).stream()
                .mapToDouble(EpisodeResult::totalReturn).average().orElseThrow();
    }

    /** Medium lands roughly half-way between random and expert (normalized score 25..75), mixed near 50. */
    @ParameterizedTest
    @MethodSource("ids")
    void tiersAreOrderedAndMediumIsRoughlyHalfWay(String id) {
        int n = 60;
        double expert = meanReturn(id, BehaviourTier.EXPERT, n);
        double random = meanReturn(id, BehaviourTier.RANDOM, n);
        double medium = meanReturn(id, BehaviourTier.MEDIUM, n);
        double mixed = meanReturn(id, BehaviourTier.MIXED, n);
        assertTrue(expert > random, id + ": expert " + expert + " vs random " + random);
        double mediumScore = 100 * (medium - random) / (expert - random);
        double mixedScore = 100 * (mixed - random) / (expert - random);
        assertTrue(mediumScore > 25 && mediumScore < 75, id + ": medium normalized score " + mediumScore);
        assertTrue(mixedScore > 30 && mixedScore < 70, id + ": mixed normalized score " + mixedScore);
    }

    @Test
    void mixedFollowsOnePolicyPerEpisodeAtTheStatedRate() {
        Policy always0 = obs -> new double[]{0};
        Policy always1 = obs -> new double[]{1};
        EpisodeMixturePolicy mix = new EpisodeMixturePolicy(always0, always1, Behaviours.MIXED_EXPERT_FRACTION, 7);
        int first = 0;
        for (int e = 0; e < 2000; e++) {
            mix.reset();
            double a = mix.act(new double[1])[0];
            for (int t = 0; t < 5; t++) assertEquals(a, mix.act(new double[1])[0], "constant within an episode");
            if (mix.followingFirst()) first++;
        }
        assertEquals(1000, first, 100);
    }

    @Test
    void epsilonRandomTakesRandomActionsAtTheStatedRate() {
        Policy zero = obs -> new double[]{0, 0};
        Policy eps = Behaviours.epsilonRandom(zero, io.il4j.core.space.Box.uniform(2, -1, 1), 0.3, 1);
        int random = 0;
        for (int t = 0; t < 10_000; t++) {
            double[] a = eps.act(new double[1]);
            if (a[0] != 0) random++;
            assertTrue(Math.abs(a[0]) <= 1 && Math.abs(a[1]) <= 1);
        }
        assertEquals(3000, random, 150);
        assertThrows(IllegalArgumentException.class, () -> Behaviours.epsilonRandom(zero, io.il4j.core.space.Box.uniform(2, -1, 1), 1.5, 1));
        assertThrows(IllegalArgumentException.class, () -> Behaviours.random(io.il4j.core.space.Box.unbounded(1), 1));
    }
}
