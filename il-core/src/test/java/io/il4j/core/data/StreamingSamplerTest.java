package io.il4j.core.data;

import io.il4j.core.space.Box;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class StreamingSamplerTest {

    static final DatasetSpec SPEC = new DatasetSpec(List.of("id", "y"), Box.uniform(1, -1e9, 1e9), List.of("a"), List.of(), false);

    /** Shards of episodes whose observation 0 is the global step id (so batches say which steps they hold). */
    static final class MemoryShards implements ShardSource {
        final List<Dataset> shards = new ArrayList<>();
        final List<Integer> loads = Collections.synchronizedList(new ArrayList<>());

        MemoryShards(int numShards, int episodesPerShard, long seed) {
            Random r = new Random(seed);
            int id = 0;
            for (int s = 0; s < numShards; s++) {
                DatasetBuilder b = new DatasetBuilder(SPEC);
                for (int e = 0; e < episodesPerShard; e++) {
                    b.beginEpisode();
                    int len = 3 + r.nextInt(20);
                    for (int t = 0; t < len; t++, id++) b.addStep(new double[]{id, r.nextGaussian()}, new double[]{r.nextGaussian() * 3 + 1}, 0);
                    b.endEpisode(new double[]{-1, 0}, false, true);
                }
                shards.add(b.build());
            }
        }

        Dataset whole() {
            DatasetBuilder b = new DatasetBuilder(SPEC);
            shards.forEach(b::appendAll);
            return b.build();
        }

        @Override public DatasetSpec spec() { return SPEC; }
        @Override public int numShards() { return shards.size(); }
        @Override public int shardSteps(int i) { return shards.get(i).numSteps(); }
        @Override public long numSteps() { return shards.stream().mapToLong(Dataset::numSteps).sum(); }
        @Override public long numEpisodes() { return shards.stream().mapToLong(Dataset::numEpisodes).sum(); }
        @Override public String contentHash() { return "test"; }

        @Override
        public Dataset shard(int i) {
            loads.add(i);
            return shards.get(i);
        }
    }

    static MinibatchSampler plain(Dataset d, long seed) {
        return MinibatchSampler.builder(d, MinibatchSampler.allSteps(d), 16).seed(seed).build();
    }

    @Test
    void withEveryShardBufferedTheBatchesEqualAnInMemorySamplerOverTheConcatenation() {
        MemoryShards src = new MemoryShards(4, 5, 1);
        MinibatchSampler whole = plain(src.whole(), 42);
        try (StreamingSampler s = new StreamingSampler(src, StreamingSampler.allShards(src), 4, 16, 42, StreamingSamplerTest::plain)) {
            assertTrue(s.resident());
            assertEquals(whole.batchesPerEpoch(), s.batchesPerEpoch());
            for (int i = 0; i < 3 * whole.batchesPerEpoch(); i++)
                assertArrayEquals(whole.next().observations().data().asFloat(), s.next().observations().data().asFloat(), "batch " + i);
        }
    }

    @Test
    void aSmallBufferVisitsEveryStepOncePerGroupPassDeterministicallyAndMixesShards() {
        MemoryShards src = new MemoryShards(6, 4, 2);
        int total = (int) src.numSteps();
        List<float[]> first = new ArrayList<>(), second = new ArrayList<>();
        Map<Integer, Integer> seen = new HashMap<>();
        int batches = 0, mixed = 0;
        try (StreamingSampler s = new StreamingSampler(src, StreamingSampler.allShards(src), 2, 16, 7, StreamingSamplerTest::plain);
             StreamingSampler again = new StreamingSampler(src, StreamingSampler.allShards(src), 2, 16, 7, StreamingSamplerTest::plain)) {
            assertFalse(s.resident());
            while (seen.size() < total && batches < 10 * total) {
                float[] obs = s.next().observations().data().asFloat();
                second.add(again.next().observations().data().asFloat());
                first.add(obs);
                batches++;
                java.util.Set<Integer> shardsInBatch = new java.util.HashSet<>();
                for (int r = 0; r < 16; r++) {
                    int id = (int) obs[2 * r];
                    seen.merge(id, 1, Integer::sum);
                    shardsInBatch.add(shardOf(src, id));
                }
                if (shardsInBatch.size() > 1) mixed++;
            }
        }
        assertEquals(total, seen.size(), "every step drawn");
        // one pass over 6 shards in groups of 2 takes about total/16 batches plus a top-up per group
        assertTrue(batches <= total / 16 + 4, "every step drawn within one epoch: " + batches + " batches for " + total + " steps");
        assertTrue(mixed > batches / 2, "batches mix the shards of a group: " + mixed + " of " + batches);
        for (int i = 0; i < first.size(); i++) assertArrayEquals(first.get(i), second.get(i), "same seed, same batch " + i);
        // groups of at most 2 shards: loads come in pairs that are not in manifest order every epoch
        assertTrue(src.loads.size() >= 6, "loaded " + src.loads);
    }

    private static int shardOf(MemoryShards src, int id) {
        int start = 0;
        for (int s = 0; s < src.shards.size(); s++) {
            start += src.shards.get(s).numSteps();
            if (id < start) return s;
        }
        throw new AssertionError("no shard holds step " + id);
    }

    @Test
    void aShardStreamHandsShardsOverInTheGivenOrderWhileReadingAhead() {
        MemoryShards src = new MemoryShards(7, 2, 4);
        int[] order = {5, 0, 6, 2, 1, 4, 3};
        List<Dataset> seen = new ArrayList<>();
        ShardStream.forEach(src, order, 3, seen::add);
        assertEquals(order.length, seen.size());
        for (int i = 0; i < order.length; i++) assertSame(src.shards.get(order[i]), seen.get(i), "position " + i);
        var e = assertThrows(IllegalArgumentException.class, () -> ShardStream.forEach(src, order, 2, d -> {
            throw new IllegalArgumentException("bad shard");
        }));
        assertEquals("bad shard", e.getMessage());
    }

    @Test
    void streamingMomentsMatchTheTwoPassNormalizer() {
        MemoryShards src = new MemoryShards(5, 3, 3);
        Dataset whole = src.whole();
        StreamingMoments obs = new StreamingMoments(2), act = new StreamingMoments(1);
        for (Dataset d : src.shards) {
            int[] steps = MinibatchSampler.allSteps(d);
            int[] rows = new int[steps.length];
            for (int i = 0; i < rows.length; i++) rows[i] = d.observationRow(steps[i]);
            obs.add(d.observationData(), rows);
            act.add(d.actionData(), null);
        }
        int[] all = MinibatchSampler.allSteps(whole);
        Normalizer o = whole.observationNormalizer(all, 1e-3), a = whole.actionNormalizer(all, 1e-3);
        Normalizer so = obs.normalizer(1e-3), sa = act.normalizer(1e-3);
        for (int d = 0; d < 2; d++) {
            assertEquals(o.mean(d), so.mean(d), 0f, "mean is the same float");
            assertEquals(o.std(d), so.std(d), Math.ulp(o.std(d)), "std within one float ulp");
        }
        assertEquals(a.mean(0), sa.mean(0), 0f);
        assertEquals(a.std(0), sa.std(0), Math.ulp(a.std(0)));
    }
}
