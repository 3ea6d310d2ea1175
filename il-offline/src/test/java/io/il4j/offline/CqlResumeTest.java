package io.il4j.offline;

import io.il4j.core.data.Dataset;
import io.il4j.core.nn.MlpWeights;
import io.il4j.core.runtime.Il4j;
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
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Checkpoint and resume of both CQL variants: a run stopped at a fixed step and continued from its checkpoint ends
 * with exactly (bit for bit) the networks, optimizer moments, free scalars (temperature, Lagrange multiplier),
 * sampler position and curve of an uninterrupted run with the same seed. Both runs write a checkpoint at their last
 * step, and the two final checkpoints are compared entry by entry.
 */
class CqlResumeTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void configure() {
        Il4j.configure();
    }

    /** Trains one run: uninterrupted (resumeFrom null, stopAt 0), stopped after step stopAt, or resumed. */
    private interface Run {
        TrainedCql train(TrainingListener listener, Checkpointing checkpointing);
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

    private void assertResumesBitIdentically(Run run, int steps, int stopAt, int every) throws IOException {
        Path whole = dir.resolve("whole-" + stopAt + ".zip"), part = dir.resolve("part-" + stopAt + ".zip");
        // checkpoints every `steps` steps: the uninterrupted run writes one at its last step, with every part of its state
        TrainedCql uninterrupted = run.train(TrainingListener.NONE, new Checkpointing(whole, steps, StopSignal.manual(), null));

        StopSignal stop = StopSignal.manual();
        TrainingInterruptedException e = assertThrows(TrainingInterruptedException.class,
                () -> run.train(stopAt(stopAt, stop), new Checkpointing(part, every, stop, null)));
        assertEquals(stopAt, e.step());
        Checkpoint cp = Checkpoint.read(part);
        assertEquals(stopAt, cp.step());
        TrainedCql resumed = run.train(TrainingListener.NONE, new Checkpointing(part, steps, StopSignal.manual(), cp));

        Checkpoint a = Checkpoint.read(whole), b = Checkpoint.read(part);
        assertEquals(steps, b.step());
        assertEquals(a.networks().keySet(), b.networks().keySet());
        for (Map.Entry<String, MlpWeights> n : a.networks().entrySet())
            assertArrayEquals(n.getValue().toBytes(), b.network(n.getKey()).toBytes(), "network " + n.getKey() + ", stopped at " + stopAt);
        assertEquals(a.optimizers(), b.optimizers(), "Adam moments, stopped at " + stopAt);
        assertEquals(a.samplers(), b.samplers());
        assertEquals(a.loop().get("scalars"), b.loop().get("scalars"), "free scalars, stopped at " + stopAt);
        assertArrayEquals(uninterrupted.policy().weights().toBytes(), resumed.policy().weights().toBytes(), "policy file weights");
        for (int i = 0; i < uninterrupted.critics().size(); i++)
            assertArrayEquals(uninterrupted.critics().get(i).toBytes(), resumed.critics().get(i).toBytes(), "critic " + i);
        List<LearningCurvePoint> ca = uninterrupted.curve(), cb = resumed.curve();
        assertEquals(ca.size(), cb.size());
        for (int i = 0; i < ca.size(); i++) {
            assertEquals(ca.get(i).step(), cb.get(i).step());
            assertEquals(ca.get(i).trainLoss(), cb.get(i).trainLoss(), 0.0, "critic loss at check " + i);
            assertEquals(ca.get(i).diagnostics().get("conservative_gap"), cb.get(i).diagnostics().get("conservative_gap"), 0.0);
        }
        assertEquals(uninterrupted.provenance().metrics(), resumed.provenance().metrics());
    }

    @Test
    void continuousCqlStoppedAndResumedEndsWithTheUninterruptedNetworks() throws IOException {
        Dataset data = OfflineTestData.continuous(4, 30, 1);
        // the Lagrange variant, so that the multiplier and its optimizer are part of the state; a BC warm-up that
        // ends before the stop; checks every 7 steps, stopped mid-interval (partial sums) after periodic checkpoints
        CqlConfig c = CqlConfig.builder().hiddenSizes(List.of(16, 16)).batchSize(16).sampledActions(3).steps(40).evalInterval(7)
                .lagrange(true).targetActionGap(1).bcWarmupSteps(5).seed(3).build();
        Run run = (listener, ck) -> ContinuousCql.train(data, c, listener, null, ck);
        assertResumesBitIdentically(run, 40, 23, 10);
        assertResumesBitIdentically(run, 40, 1, 0);  // only the stop checkpoint, right after the first step
        assertResumesBitIdentically(run, 40, 39, 10); // one step before the end
    }

    @Test
    void discreteCqlStoppedAndResumedEndsWithTheUninterruptedNetworks() throws IOException {
        Dataset data = OfflineTestData.discrete(4, 30, 1);
        // hard target copies every 6 steps: the stop at 17 falls between two copies
        DiscreteCqlConfig hard = DiscreteCqlConfig.builder().hiddenSizes(List.of(16, 16)).batchSize(16).steps(40).evalInterval(7)
                .targetUpdateInterval(6).seed(2).build();
        assertResumesBitIdentically((listener, ck) -> DiscreteCql.train(data, hard, listener, null, ck), 40, 17, 10);
        DiscreteCqlConfig soft = DiscreteCqlConfig.builder().hiddenSizes(List.of(16, 16)).batchSize(16).steps(40).evalInterval(7)
                .targetUpdateInterval(0).seed(2).build();
        assertResumesBitIdentically((listener, ck) -> DiscreteCql.train(data, soft, listener, null, ck), 40, 29, 0);
    }

    @Test
    void aCheckpointOfAnotherConfigurationIsRefusedNamingTheField() throws IOException {
        Dataset data = OfflineTestData.discrete(4, 30, 1);
        DiscreteCqlConfig c = DiscreteCqlConfig.builder().hiddenSizes(List.of(8)).batchSize(16).steps(20).evalInterval(5).seed(2).build();
        Path file = dir.resolve("cp.zip");
        StopSignal stop = StopSignal.manual();
        assertThrows(TrainingInterruptedException.class, () -> DiscreteCql.train(data, c, stopAt(5, stop), null,
                new Checkpointing(file, 0, stop, null)));
        DiscreteCqlConfig other = DiscreteCqlConfig.builder().hiddenSizes(List.of(8)).batchSize(16).steps(20).evalInterval(5).seed(2)
                .alpha(2).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DiscreteCql.train(data, other, TrainingListener.NONE,
                null, new Checkpointing(file, 0, StopSignal.manual(), Checkpoint.read(file))));
        assertTrue(e.getMessage().contains("alpha"), e.getMessage());
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class, () -> ContinuousCql.train(OfflineTestData.continuous(4, 30, 1),
                CqlConfig.builder().hiddenSizes(List.of(8)).batchSize(16).steps(20).build(), TrainingListener.NONE, null,
                new Checkpointing(file, 0, StopSignal.manual(), Checkpoint.read(file))));
        assertTrue(t.getMessage().contains("discrete-cql trainer"), t.getMessage());
    }
}
