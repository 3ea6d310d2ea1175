package io.il4j.core.data;

import io.il4j.core.runtime.WorkerThreads;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Minibatches from a {@link ShardSource} too large for memory, holding at most {@code bufferShards} shards for
 * sampling plus the next {@code bufferShards} being loaded in the background.
 *
 * <p>Order (the shuffle buffer): every epoch permutes the shards (seeded), takes them {@code bufferShards} at a time
 * as a group, concatenates the group's shards and draws one pass over the group's steps in a seeded random order,
 * with a {@link MinibatchSampler} that {@code groupSampler} builds on the group (so every feature of that sampler —
 * normalization, frame history, goals, relabeling — works unchanged: episodes are never split across shards). A
 * group's last batch is topped up with steps from the start of the group's next permutation, so a step can appear
 * twice in one pass when a group's step count is not a multiple of the batch size.
 *
 * <p>When every shard fits in the buffer there is one group, kept for the whole run, and its sampler gets
 * {@code seed} itself: the batches are then exactly those of a {@link MinibatchSampler} over the concatenated
 * dataset with the same seed. The same seed, shards and buffer give the same batches.
 *
 * <p>Not thread-safe: one per training loop; {@link #close()} stops the loader thread.
 */
public final class StreamingSampler implements BatchSource, AutoCloseable {

    /** Builds the sampler of one group (the shards' concatenation) with the given seed. */
    @FunctionalInterface
    public interface GroupSampler {
        MinibatchSampler create(Dataset group, long seed);
    }

    private final ShardSource source;
    private final int[] shards;
    private final int bufferShards, batchSize, batchesPerEpoch;
    private final GroupSampler groupSampler;
    private final SplittableRandom shardOrder, groupSeeds;
    private final ExecutorService loader;

    private int[] epochOrder;
    private int nextGroupStart;
    private Future<Dataset> pending;
    private MinibatchSampler current;
    private int remaining;

    /**
     * @param shards       the shards to sample from (for example all but the validation shards), in source order
     * @param bufferShards shards sampled from at a time (the shuffle buffer), at least 1
     */
    public StreamingSampler(ShardSource source, int[] shards, int bufferShards, int batchSize, long seed, GroupSampler groupSampler) {
        if (shards.length == 0) throw new IllegalArgumentException("need at least one shard to sample from");
        if (bufferShards < 1) throw new IllegalArgumentException("bufferShards must be >= 1, got " + bufferShards);
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        for (int s : shards)
            if (s < 0 || s >= source.numShards())
                throw new IllegalArgumentException("shard " + s + " does not exist; the source has " + source.numShards());
        this.source = source;
        this.shards = shards.clone();
        this.bufferShards = bufferShards;
        this.batchSize = batchSize;
        this.groupSampler = groupSampler;
        this.shardOrder = new SplittableRandom(seed ^ 0x51A4D5EEDL);
        this.groupSeeds = new SplittableRandom(seed);
        long steps = 0;
        for (int s : shards) steps += source.shardSteps(s);
        this.batchesPerEpoch = (int) Math.min(Integer.MAX_VALUE, (steps + batchSize - 1) / batchSize);
        if (shards.length <= bufferShards) {
            loader = null;
            current = groupSampler.create(load(this.shards), seed);
            checkBatchSize(current);
        } else {
            loader = WorkerThreads.pool(1, "il4j-shard-loader");
            newEpoch();
            prefetch();
            advance();
        }
    }

    /** Every shard of {@code source}. */
    public static int[] allShards(ShardSource source) {
        int[] s = new int[source.numShards()];
        for (int i = 0; i < s.length; i++) s[i] = i;
        return s;
    }

    /** Loads and concatenates the given shards, in order. */
    public static Dataset load(ShardSource source, int[] shards) {
        if (shards.length == 1) return source.shard(shards[0]);
        DatasetBuilder b = new DatasetBuilder(source.spec());
        for (int s : shards) b.appendAll(source.shard(s));
        return b.build();
    }

    private Dataset load(int[] group) {
        return load(source, group);
    }

    @Override
    public MinibatchSampler.Batch next() {
        if (loader != null && remaining == 0) advance();
        remaining--;
        return current.next();
    }

    /** Switches to the group being loaded and starts loading the one after it. */
    private void advance() {
        Dataset group = WorkerThreads.await(pending);
        current = null; // let the previous group go before the next is prefetched
        current = groupSampler.create(group, groupSeeds.nextLong());
        checkBatchSize(current);
        remaining = current.batchesPerEpoch();
        prefetch();
    }

    /** Starts loading the next group of the epoch (a new epoch's first group after the last). */
    private void prefetch() {
        if (nextGroupStart >= epochOrder.length) newEpoch();
        int end = Math.min(epochOrder.length, nextGroupStart + bufferShards);
        int[] group = Arrays.copyOfRange(epochOrder, nextGroupStart, end);
        nextGroupStart = end;
        pending = loader.submit(() -> load(group));
    }

    private void newEpoch() {
        epochOrder = shards.clone();
        for (int i = epochOrder.length - 1; i > 0; i--) {
            int j = shardOrder.nextInt(i + 1);
            int t = epochOrder[i];
            epochOrder[i] = epochOrder[j];
            epochOrder[j] = t;
        }
        nextGroupStart = 0;
    }

    private void checkBatchSize(MinibatchSampler s) {
        if (s.batchSize() != batchSize)
            throw new IllegalArgumentException("the group sampler draws batches of " + s.batchSize() + "; expected " + batchSize);
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    /** Batches per pass over the shards' steps, rounded up (groups' top-up batches aside). */
    @Override
    public int batchesPerEpoch() {
        return batchesPerEpoch;
    }

    @Override
    public int observationWidth() {
        return current.observationWidth();
    }

    /** Whether every shard is held at once (one group: batches equal an in-memory sampler's). */
    public boolean resident() {
        return loader == null;
    }

    @Override
    public void close() {
        if (loader != null) {
            if (pending != null) pending.cancel(true);
            loader.shutdownNow();
        }
    }
}
