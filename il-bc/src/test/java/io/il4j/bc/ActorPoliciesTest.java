package io.il4j.bc;

import io.il4j.core.data.DatasetSpec;
import io.il4j.core.data.Normalizer;
import io.il4j.core.nn.Activation;
import io.il4j.core.nn.Mlp;
import io.il4j.core.nn.MlpSpec;
import io.il4j.core.policy.Policies;
import io.il4j.core.policy.Policy;
import io.il4j.core.rl.SquashedGaussianActor;
import io.il4j.core.rl.TanhGaussian;
import io.il4j.core.space.Box;
import io.il4j.core.space.Discrete;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** A trained SAC actor or Q-network becomes a BC-format policy file whose actions equal the training side's. */
class ActorPoliciesTest {

    @TempDir
    Path dir;

    private static io.il4j.core.train.Provenance provenance() {
        return new io.il4j.core.train.Provenance("test", "hash", "test", 3, "test", "2026-01-01T00:00:00Z", 0, 0, false, Map.of());
    }

    @Test
    void squashedActorPolicyFileActsWithTanhOfTheMeanMappedToTheBox() throws IOException {
        Box box = new Box(new double[]{-2, 0}, new double[]{2, 1});
        DatasetSpec spec = new DatasetSpec(List.of("o0", "o1", "o2"), box, List.of("a0", "a1"), List.of(), true);
        Normalizer obsNorm = new Normalizer(new float[]{0.5f, -1f, 2f}, new float[]{2f, 0.5f, 1f});
        TanhGaussian dist = new TanhGaussian(2, -20, 2);
        try (SquashedGaussianActor actor = SquashedGaussianActor.initialize(3, new MlpSpec(List.of(16, 16), Activation.RELU, false), dist, 5)) {
            Path file = dir.resolve("actor.zip");
            new TrainedPolicy(ActorPolicies.squashedGaussian(actor.network().weights(), dist, spec, obsNorm, 3), provenance(), List.of()).save(file);
            Policy loaded = Policies.load(file);
            assertEquals(HeadType.TANH_GAUSSIAN, ((BcPolicy) loaded).config().head());
            Random r = new Random(1);
            float[] in = new float[3], a = new float[2];
            for (int i = 0; i < 100; i++) {
                double[] obs = {3 * r.nextGaussian(), 3 * r.nextGaussian(), 3 * r.nextGaussian()};
                obsNorm.normalize(obs, 0, in, 0);
                actor.deterministic(in, 1, a);
                double[] expected = {2 * a[0], 0.5 + 0.5 * a[1]};
                assertArrayEquals(expected, loaded.act(obs), 1e-5, "state " + i);
            }
        }
    }

    @Test
    void qNetworkPolicyFileActsGreedily() throws IOException {
        DatasetSpec spec = new DatasetSpec(List.of("o0", "o1"), new Discrete(3), List.of("a"), List.of(), true);
        Normalizer obsNorm = Normalizer.identity(2);
        try (Mlp q = Mlp.initialize(2, new MlpSpec(List.of(8), Activation.TANH, false), 3, 2)) {
            Path file = dir.resolve("q.zip");
            new TrainedPolicy(ActorPolicies.greedy(q.weights(), spec, obsNorm, 3), provenance(), List.of()).save(file);
            Policy loaded = Policies.load(file);
            Random r = new Random(2);
            for (int i = 0; i < 50; i++) {
                double[] obs = {r.nextGaussian(), r.nextGaussian()};
                float[] v = q.forward(new float[]{(float) obs[0], (float) obs[1]}, 1);
                int best = 0;
                for (int k = 1; k < 3; k++) if (v[k] > v[best]) best = k;
                assertEquals(best, loaded.act(obs)[0], 0.0);
            }
        }
    }

    @Test
    void squashedPolicyRefusesAnUnboundedBox() {
        DatasetSpec spec = new DatasetSpec(List.of("o"), Box.unbounded(1), List.of("a"), List.of(), true);
        try (Mlp m = Mlp.initialize(1, MlpSpec.DEFAULT, 2, 1)) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> ActorPolicies.squashedGaussian(m.weights(), new TanhGaussian(1, -20, 2), spec, Normalizer.identity(1), 0));
            assertTrue(e.getMessage().contains("finite bounds"), e.getMessage());
        }
    }
}
