package io.il4j.bc;

import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.data.DatasetSpec;
import io.il4j.core.runtime.Il4j;
import io.il4j.core.space.Box;
import io.il4j.core.train.Checkpoint;
import io.il4j.core.train.Checkpointing;
import io.il4j.core.train.LearningCurvePoint;
import io.il4j.core.train.StopSignal;
import io.il4j.core.train.TrainingInterruptedException;
import io.il4j.core.train.TrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Checkpoint and resume: a run stopped at a fixed step and continued from its checkpoint ends with exactly the
 * weights (bit for bit), curve and provenance of an uninterrupted run with the same seed.
 */
class BcResumeTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void configure() {
        Il4j.configure();
    }

    /** Stops the run when step {@code at} is done, as Ctrl-C would between two steps. */
    private static TrainingListener stopAt(int at, StopSignal stop) {
        return new TrainingListener() {
            @Override
            public void onStep(int step, double loss) {
                if (step == at) stop.request();
            }
        };
    }

    private void assertResumesBitIdentically(Dataset data, BcConfig config, int stopAt, int every) throws IOException {
        TrainedPolicy uninterrupted = BcTrainer.train(data, config, TrainingListener.NONE);

        Path file = dir.resolve("checkpoint-" + stopAt + ".zip");
        StopSignal stop = StopSignal.manual();
        BcTrainer interrupted = new BcTrainer(config, stopAt(stopAt, stop), null)
                .withCheckpointing(new Checkpointing(file, every, stop, null));
        TrainingInterruptedException e = assertThrows(TrainingInterruptedException.class, () -> interrupted.train(data));
        assertEquals(stopAt, e.step());
        assertEquals(file, e.checkpoint());
        Checkpoint cp = Checkpoint.read(file);
        assertEquals(stopAt, cp.step());
        assertNotEquals(uninterrupted.policy().weights().toBytes().length, 0);

        TrainedPolicy resumed = new BcTrainer(config).withCheckpointing(new Checkpointing(file, every, StopSignal.manual(), cp)).train(data);
        assertArrayEquals(uninterrupted.policy().weights().toBytes(), resumed.policy().weights().toBytes(),
                "resumed at step " + stopAt + ": the final weights differ from the uninterrupted run's");
        assertEquals(uninterrupted.provenance().stepsTrained(), resumed.provenance().stepsTrained());
        assertEquals(uninterrupted.provenance().bestStep(), resumed.provenance().bestStep());
        assertEquals(uninterrupted.provenance().metrics(), resumed.provenance().metrics());
        List<LearningCurvePoint> a = uninterrupted.learningCurve(), b = resumed.learningCurve();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).step(), b.get(i).step());
            assertEquals(a.get(i).trainLoss(), b.get(i).trainLoss(), 0.0, "train loss at check " + i);
            assertEquals(a.get(i).validationLoss(), b.get(i).validationLoss(), 0.0, "validation loss at check " + i);
        }
    }

    @Test
    void stoppedBetweenChecksAndResumedEndsWithTheUninterruptedWeights() throws IOException {
        Dataset data = Synthetic.continuous(6, 30, 3, 2, 1, Synthetic.smoothExpert(3, 2, 1));
        // validation every 7 steps, checkpoints every 10, stopped at 23: mid-interval (partial loss sums), after two
        // periodic checkpoints, with a best-so-far network and several epochs of reshuffles behind it
        BcConfig config = BcConfig.builder().head(HeadType.GAUSSIAN).hiddenSizes(16, 16).batchSize(16).maxSteps(60)
                .validationFraction(0.34).validationInterval(7).patience(0).seed(3).build();
        assertResumesBitIdentically(data, config, 23, 10);
        assertResumesBitIdentically(data, config, 1, 0);   // only the stop checkpoint, right after the first step
        assertResumesBitIdentically(data, config, 59, 10); // one step before the end
    }

    @Test
    void relabeledGoalsResumeToo() throws IOException {
        // hindsight relabeling draws from the sampler's generator for every row: the resumed sampler must replay them
        DatasetSpec spec = new DatasetSpec(List.of("x", "y"), Box.uniform(2, -1, 1), List.of("vx", "vy"), List.of("gx", "gy"), false);
        DatasetBuilder b = new DatasetBuilder(spec);
        Random r = new Random(5);
        for (int e = 0; e < 6; e++) {
            double[] g = {r.nextDouble(), r.nextDouble()}, p = {0, 0};
            b.beginEpisode();
            for (int t = 0; t < 12; t++) {
                double[] a = {Math.tanh(g[0] - p[0]), Math.tanh(g[1] - p[1])};
                b.addStep(p.clone(), g, a, 0);
                p[0] += 0.1 * a[0];
                p[1] += 0.1 * a[1];
            }
            b.endEpisode(p.clone(), g, false, true);
        }
        BcConfig config = BcConfig.builder().head(HeadType.MSE).hiddenSizes(16).batchSize(8).maxSteps(40).validationFraction(0)
                .goalConditioned(true).relabel(Relabel.FUTURE).achievedGoalDims(List.of(0, 1)).seed(2).build();
        assertResumesBitIdentically(b.build(), config, 17, 5);
    }

    @Test
    void aCheckpointOfAnotherConfigurationOrDatasetIsRefused() throws IOException {
        Dataset data = Synthetic.continuous(4, 20, 3, 2, 1, Synthetic.smoothExpert(3, 2, 1));
        BcConfig config = BcConfig.builder().head(HeadType.MSE).hiddenSizes(8).maxSteps(10).validationFraction(0).build();
        Path file = dir.resolve("c.zip");
        StopSignal stop = StopSignal.manual();
        assertThrows(TrainingInterruptedException.class, () -> new BcTrainer(config, stopAt(4, stop), null)
                .withCheckpointing(new Checkpointing(file, 0, stop, null)).train(data));
        Checkpoint cp = Checkpoint.read(file);

        BcConfig otherLr = config.toBuilder().learningRate(config.learningRate() * 2).build();
        var e = assertThrows(IllegalArgumentException.class, () -> new BcTrainer(otherLr)
                .withCheckpointing(new Checkpointing(file, 0, null, cp)).train(data));
        assertTrue(e.getMessage().contains("another configuration") && e.getMessage().contains("learningRate"), e.getMessage());

        Dataset otherData = Synthetic.continuous(4, 20, 3, 2, 2, Synthetic.smoothExpert(3, 2, 1));
        e = assertThrows(IllegalArgumentException.class, () -> new BcTrainer(config)
                .withCheckpointing(new Checkpointing(file, 0, null, cp)).train(otherData));
        assertTrue(e.getMessage().contains("other training data"), e.getMessage());
    }

    @Test
    void layerNormTrunksOnDl4jRefuseCheckpointsSayingWhy() {
        Dataset data = Synthetic.continuous(4, 20, 3, 2, 1, Synthetic.smoothExpert(3, 2, 1));
        BcConfig config = BcConfig.builder().head(HeadType.MSE).hiddenSizes(8).layerNorm(true).maxSteps(5).validationFraction(0).build();
        var e = assertThrows(IllegalArgumentException.class, () -> new BcTrainer(config)
                .withCheckpointing(new Checkpointing(dir.resolve("x.zip"), 0, null, null)).train(data));
        assertTrue(e.getMessage().contains("layerNorm=true") && e.getMessage().contains("DL4J"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("x.zip")));
    }
}
