package io.il4j.bc;

import io.il4j.core.data.Dataset;
import io.il4j.core.io.ShardedDataset;
import io.il4j.core.io.ShardedDatasetWriter;
import io.il4j.core.nn.MlpWeights;
import io.il4j.core.runtime.Il4j;
import io.il4j.core.train.TrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class ShardedTrainingTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void configure() {
        Il4j.configure();
    }

    private static BcConfig.Builder small(HeadType head) {
        return BcConfig.builder().head(head).hiddenSizes(32, 32).batchSize(64).learningRate(3e-3);
    }

    private static void assertSameWeights(MlpWeights a, MlpWeights b) {
        assertEquals(a.layers().size(), b.layers().size());
        for (int l = 0; l < a.layers().size(); l++) {
            assertArrayEquals(a.layers().get(l).weights(), b.layers().get(l).weights(), "layer " + l + " weights");
            assertArrayEquals(a.layers().get(l).bias(), b.layers().get(l).bias(), "layer " + l + " bias");
        }
    }

    @Test
    void severalShardsTrainTheBitIdenticalPolicyAsTheWholeDataset() throws IOException {
        Dataset data = Synthetic.continuous(16, 40, 3, 2, 5, Synthetic.smoothExpert(3, 2, 6));
        ShardedDataset shards = ShardedDatasetWriter.write(data, tmp.resolve("shards"), 130, false);
        assertEquals(6, shards.numShards()); // 3 episodes of 40 steps per shard
        for (HeadType head : new HeadType[]{HeadType.GAUSSIAN, HeadType.MSE}) {
            BcConfig c = small(head).maxSteps(120).validationFraction(0).seed(3).build();
            TrainedPolicy whole = BcTrainer.train(data, c, TrainingListener.NONE);
            TrainedPolicy streamed = new BcTrainer(c).train(shards, shards.numShards());
            assertSameWeights(whole.policy().weights(), streamed.policy().weights());
            assertEquals(whole.policy().normalizers(), streamed.policy().normalizers(), head + " normalizers");
            // a different buffer order is a different run: the comparison above can fail
            TrainedPolicy grouped = new BcTrainer(c).train(shards, 2);
            assertFalse(java.util.Arrays.equals(whole.policy().weights().layers().get(0).weights(),
                    grouped.policy().weights().layers().get(0).weights()), "groups of 2 shards draw other batches");
        }
    }

    @Test
    void aBufferOfOneShardStillLearnsAndValidatesOnHeldOutShards() throws IOException {
        Dataset data = Synthetic.continuous(20, 50, 3, 2, 1, Synthetic.smoothExpert(3, 2, 2));
        ShardedDataset shards = ShardedDatasetWriter.write(data, tmp.resolve("shards"), 100, false);
        assertEquals(10, shards.numShards());
        BcConfig c = small(HeadType.MSE).maxSteps(600).validationInterval(100).validationFraction(0.2).patience(0).build();
        TrainedPolicy t = new BcTrainer(c).train(shards, 1);
        double first = t.learningCurve().get(0).validationLoss(), best = t.provenance().metrics().get("validation_loss");
        // as BcTrainerTest's in-memory check: predicting the mean scores ~1 in normalized units
        assertTrue(best < 0.05, "validation MSE (normalized) on 2 held-out shards " + best);
        assertTrue(best < first / 3, "validation loss fell from " + first + " to " + best);
        assertTrue(t.provenance().datasetSummary().contains("streamed, 1 shards buffered"), t.provenance().datasetSummary());
    }

    @Test
    void validationOnASingleShardSaysWhatToChange() throws IOException {
        Dataset data = Synthetic.continuous(4, 20, 3, 2, 1, Synthetic.smoothExpert(3, 2, 2));
        ShardedDataset shards = ShardedDatasetWriter.write(data, tmp.resolve("one"), 1000, false);
        var e = assertThrows(IllegalArgumentException.class, () -> new BcTrainer(small(HeadType.MSE).build()).train(shards, 4));
        assertTrue(e.getMessage().contains("set validationFraction=0"), e.getMessage());
    }
}
