package io.il4j.bc;

import io.il4j.core.train.TrainingListener;
import io.il4j.core.train.LearningCurvePoint;
import io.il4j.core.train.EvalRollouts;
import io.il4j.core.env.EpisodeResult;
import io.il4j.core.env.Rollouts;
import io.il4j.core.policy.ExpertOracle;
import io.il4j.core.report.RunDirectory;
import io.il4j.core.runtime.Il4j;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class EvaluationAndRunTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void configure() {
        Il4j.configure();
    }

    static double meanReturn(List<EpisodeResult> r) {
        return r.stream().mapToDouble(EpisodeResult::totalReturn).average().orElseThrow();
    }

    @Test
    void periodicRolloutsTrackTheReturnAndTheRunDirectoryRecordsEverything() throws Exception {
        ReachEnv env = new ReachEnv();
        var demos = Rollouts.collect(env, ExpertOracle.of(ReachEnv::expert), 30, 1, 20).dataset();
        double expert = meanReturn(Rollouts.evaluate(env, ExpertOracle.of(ReachEnv::expert), 20, 1000, 20));
        double idle = meanReturn(Rollouts.evaluate(env, o -> new double[]{0}, 20, 1000, 20));
        BcConfig c = BcConfig.builder().head(HeadType.MSE).hiddenSizes(32, 32).batchSize(64).maxSteps(400)
                .validationInterval(100).build();
        TrainedPolicy t = BcTrainer.train(demos, c, TrainingListener.NONE, new EvalRollouts(env, 20, 1000, 20, 2));
        List<LearningCurvePoint> curve = t.learningCurve();
        assertEquals(4, curve.size());
        assertTrue(Double.isNaN(curve.get(0).evalReturn()), "rollouts every 2nd check only");
        assertFalse(Double.isNaN(curve.get(1).evalReturn()));
        double learned = curve.get(3).evalReturn();
        // the expert returns about -17, standing still about -30: the clone must be close to the expert
        assertTrue(expert - idle > 10, "expert " + expert + " vs idle " + idle);
        assertTrue(learned >= expert - 0.05 * (expert - idle), "BC " + learned + ", expert " + expert + ", idle " + idle);
        assertTrue(curve.get(3).evalMetrics().containsKey("mean_abs_x"));
        assertEquals(learned, t.provenance().metrics().get("eval_return"));

        RunDirectory run = RunDirectory.create(dir, "bc-reach");
        t.writeRun(run);
        List<String> lines = Files.readAllLines(run.file(RunDirectory.METRICS));
        assertEquals("step,epoch,train_loss,validation_loss,eval_return,eval_mean_abs_x,seconds", lines.get(0));
        assertEquals(5, lines.size());
        assertTrue(Files.size(run.file("learning_curve.png")) > 1000);
        assertTrue(Files.size(run.file("eval_return.png")) > 1000);
        assertTrue(Files.readString(run.file(RunDirectory.CONFIG)).contains("\"head\" : \"MSE\""));
        assertTrue(Files.readString(run.file(RunDirectory.RESULTS)).contains(demos.contentHash()));
    }
}
