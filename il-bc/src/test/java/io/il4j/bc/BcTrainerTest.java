package io.il4j.bc;

import io.il4j.core.data.IncompatibleDatasetException;
import io.il4j.core.train.TrainingListener;
import io.il4j.core.train.LearningCurvePoint;
import io.il4j.core.train.TrainingDivergedException;
import io.il4j.core.train.Provenance;
import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.data.DatasetSpec;
import io.il4j.core.runtime.Il4j;
import io.il4j.core.space.Box;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

class BcTrainerTest {

    @BeforeAll
    static void configure() {
        Il4j.configure();
    }

    private static BcConfig.Builder small(HeadType head) {
        return BcConfig.builder().head(head).hiddenSizes(32, 32).batchSize(64).learningRate(3e-3).validationFraction(0.2);
    }

    @Test
    void mseLearnsASmoothExpertFarBeyondPredictingTheMean() {
        Dataset data = Synthetic.continuous(20, 50, 3, 2, 1, Synthetic.smoothExpert(3, 2, 2));
        TrainedPolicy t = BcTrainer.train(data, small(HeadType.MSE).maxSteps(600).validationInterval(100).build(), TrainingListener.NONE);
        List<LearningCurvePoint> curve = t.learningCurve();
        assertEquals(6, curve.size());
        double first = curve.get(0).validationLoss(), best = t.provenance().metrics().get("validation_loss");
        // predicting the mean scores ~1 in normalized units; a network that learned scores far below
        assertTrue(best < 0.03, "validation MSE (normalized) " + best);
        assertTrue(best < first, "validation loss improved from " + first + " to " + best);
        // and actions in raw units are close to the expert's on fresh states
        var expert = Synthetic.smoothExpert(3, 2, 2);
        Random r = new Random(9);
        double err = 0;
        for (int i = 0; i < 200; i++) {
            double[] o = Synthetic.randomObservation(r, 3);
            double[] a = t.policy().act(o), e = expert.apply(o);
            err += Math.abs(a[0] - e[0]) + Math.abs(a[1] - e[1]);
        }
        assertTrue(err / 400 < 0.15, "mean |action error| " + err / 400);
    }

    @Test
    void sameSeedAndDataGiveIdenticalWeights() {
        Dataset data = Synthetic.continuous(6, 40, 3, 2, 3, Synthetic.smoothExpert(3, 2, 4));
        // seed 0 on purpose: DL4J treats a zero seed as "unseeded"; il4j initializes weights itself
        for (TrainingEngine engine : TrainingEngine.values()) {
            BcConfig c = small(HeadType.GAUSSIAN).maxSteps(60).validationInterval(20).seed(0).engine(engine).build();
            var a = BcTrainer.train(data, c, TrainingListener.NONE).policy().weights();
            var b = BcTrainer.train(data, c, TrainingListener.NONE).policy().weights();
            var other = BcTrainer.train(data, c.withSeed(8), TrainingListener.NONE).policy().weights();
            for (int l = 0; l < a.layers().size(); l++) {
                assertArrayEquals(a.layers().get(l).weights(), b.layers().get(l).weights(), engine + " layer " + l + " weights");
                assertArrayEquals(a.layers().get(l).bias(), b.layers().get(l).bias(), engine + " layer " + l + " bias");
            }
            assertFalse(java.util.Arrays.equals(a.layers().get(0).weights(), other.layers().get(0).weights()), "another seed differs");
        }
    }

    @Test
    void asAPolicyLearnerItWarmStartsFromACompatiblePolicy() {
        Dataset data = Synthetic.continuous(6, 40, 3, 2, 3, Synthetic.smoothExpert(3, 2, 4));
        BcTrainer learner = new BcTrainer(small(HeadType.MSE).maxSteps(400).validationFraction(0).build());
        BcPolicy first = (BcPolicy) learner.fit(data, 1, null);
        // one more step at a tiny learning rate from the warm start stays where the first policy was
        BcTrainer nudge = new BcTrainer(small(HeadType.MSE).maxSteps(1).learningRate(1e-7).validationFraction(0).build());
        BcPolicy warm = (BcPolicy) nudge.fit(data, 2, first);
        BcPolicy cold = (BcPolicy) nudge.fit(data, 2, null);
        double[] o = {0.3, -0.2, 0.5};
        assertArrayEquals(first.act(o), warm.act(o), 1e-4);
        assertTrue(Math.abs(first.act(o)[0] - cold.act(o)[0]) > 1e-2, "a cold start is elsewhere");
        assertSame(first.normalizers(), warm.normalizers(), "the warm start keeps its normalizers");
    }

    @Test
    void divergenceStopsWithTheStepAndTheLastFiniteLoss() {
        Dataset data = Synthetic.continuous(4, 30, 3, 2, 5, Synthetic.smoothExpert(3, 2, 6));
        // Adam moves each weight by ~lr per step: after one step of 1e30 the outputs overflow float32
        BcConfig c = small(HeadType.MSE).learningRate(1e30).maxSteps(50).validationFraction(0).build();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> BcTrainer.train(data, c, TrainingListener.NONE));
        assertEquals(2, e.step());
        assertTrue(Double.isFinite(e.lastGoodLoss()));
        assertTrue(e.getMessage().contains("step 2") && e.getMessage().contains("at step 1"), e.getMessage());
    }

    @Test
    void specMismatchesAreRejectedBeforeTrainingWithWhatToChange() {
        Dataset discrete = Synthetic.discrete(3, 10, 2, 1);
        var e = assertThrows(IncompatibleDatasetException.class,
                () -> BcTrainer.train(discrete, BcConfig.defaults(HeadType.GAUSSIAN), TrainingListener.NONE));
        assertTrue(e.getMessage().contains("discrete") && e.getMessage().contains("head=categorical"), e.getMessage());
        Dataset continuous = Synthetic.continuous(3, 10, 2, 1, 1, o -> new double[]{o[0]});
        e = assertThrows(IncompatibleDatasetException.class,
                () -> BcTrainer.train(continuous, BcConfig.defaults(HeadType.CATEGORICAL), TrainingListener.NONE));
        assertTrue(e.getMessage().contains("continuous") && e.getMessage().contains("mse"), e.getMessage());
        e = assertThrows(IncompatibleDatasetException.class, () -> BcTrainer.train(continuous,
                BcConfig.builder().head(HeadType.MSE).goalConditioned(true).relabel(Relabel.NONE).build(), TrainingListener.NONE));
        assertTrue(e.getMessage().contains("goal columns") && e.getMessage().contains("relabel=future"), e.getMessage());
        e = assertThrows(IncompatibleDatasetException.class, () -> BcTrainer.train(continuous,
                BcConfig.builder().head(HeadType.MSE).goalConditioned(true).build(), TrainingListener.NONE));
        assertTrue(e.getMessage().contains("achievedGoalDims"), e.getMessage());
        e = assertThrows(IncompatibleDatasetException.class, () -> BcTrainer.train(continuous,
                BcConfig.builder().head(HeadType.MSE).goalConditioned(true).achievedGoalDims(List.of(0, 5)).build(), TrainingListener.NONE));
        assertTrue(e.getMessage().contains("dim 5"), e.getMessage());
    }

    /**
     * Goals named {@code goal_<observation name>} (as DrivingGoalEnv records {@code goal_lane_index, goal_speed})
     * are relabeled from those observation dims without achievedGoalDims; other names fall back to the first dims.
     * Visible in the goal normalizer, which is the observation normalizer sliced at the achieved-goal dims.
     */
    @Test
    void relabelingFindsTheAchievedGoalDimsTheGoalNamesPointAt() {
        Dataset named = withGoalNames(List.of("obs_a", "obs_b", "obs_c"), List.of("goal_c", "goal_a"));
        BcConfig c = small(HeadType.MSE).goalConditioned(true).maxSteps(1).validationFraction(0).build();
        BcNormalizers n = BcTrainer.train(named, c, TrainingListener.NONE).policy().normalizers();
        assertEquals(n.observation().mean(2), n.goal().mean(0));
        assertEquals(n.observation().mean(0), n.goal().mean(1));
        Dataset plain = withGoalNames(List.of("a", "b", "c"), List.of("goal_0", "goal_a"));
        n = BcTrainer.train(plain, c, TrainingListener.NONE).policy().normalizers();
        assertEquals(n.observation().mean(0), n.goal().mean(0), "goal_0 names no observation: the first dims");
        assertEquals(n.observation().mean(1), n.goal().mean(1));
    }

    /** Observation dim d is d + 10 * t (distinct means); goals are 0 (relabeling replaces them). */
    private static Dataset withGoalNames(List<String> obs, List<String> goals) {
        DatasetBuilder b = new DatasetBuilder(new DatasetSpec(obs, Box.uniform(1, -1, 1), List.of("u"), goals, false));
        double[] g = new double[goals.size()];
        for (int e = 0; e < 2; e++) {
            b.beginEpisode();
            for (int t = 0; t < 5; t++) b.addStep(new double[]{10 * t, 1 + 10 * t, 2 + 10 * t}, g, new double[]{0.1 * t}, 0);
            b.endEpisode(new double[]{50, 51, 52}, g, false, true);
        }
        return b.build();
    }

    @Test
    void earlyStoppingRestoresTheBestCheckpoint() {
        // validation episodes follow another expert than training ones cannot predict: validation loss
        // bottoms out early and then rises as the network fits the training expert more closely
        Dataset data = Synthetic.continuous(10, 40, 3, 1, 11, o -> new double[]{Math.sin(3 * o[0]) + 0.5 * Math.cos(5 * o[1])});
        BcConfig c = small(HeadType.MSE).hiddenSizes(64, 64).learningRate(1e-2).validationFraction(0.3).validationInterval(10)
                .maxSteps(3000).patience(3).build();
        AtomicInteger checkpoints = new AtomicInteger(), steps = new AtomicInteger();
        TrainedPolicy t = BcTrainer.train(data, c, new TrainingListener() {
            @Override
            public void onStep(int step, double loss) {
                steps.incrementAndGet();
            }

            @Override
            public void onCheckpoint(LearningCurvePoint p, boolean improved) {
                checkpoints.incrementAndGet();
            }
        });
        Provenance p = t.provenance();
        assertTrue(p.stoppedEarly(), "stopped early: " + p);
        assertEquals(p.bestStep() + 3 * 10, p.stepsTrained(), "stops after 3 checks without improvement");
        assertEquals(p.stepsTrained(), steps.get());
        assertEquals(t.learningCurve().size(), checkpoints.get());
        double min = t.learningCurve().stream().mapToDouble(LearningCurvePoint::validationLoss).min().orElseThrow();
        assertEquals(min, p.metrics().get("validation_loss"));
        // the returned weights are those of the best step: retraining to exactly that step reproduces them
        TrainedPolicy upToBest = BcTrainer.train(data, c.toBuilder().maxSteps(p.bestStep()).patience(0).build(), TrainingListener.NONE);
        assertArrayEquals(upToBest.policy().weights().layers().get(0).weights(), t.policy().weights().layers().get(0).weights());
    }

    @Test
    void frameHistoryLearnsANonMarkovianExpertThatOneFrameCannot() {
        // the expert's action is the change of the observation since the previous step: invisible in one frame
        Random r = new Random(4);
        var spec = new io.il4j.core.data.DatasetSpec(List.of("x"), io.il4j.core.space.Box.uniform(1, -10, 10), List.of("a"), List.of(), false);
        var b = new io.il4j.core.data.DatasetBuilder(spec);
        for (int e = 0; e < 20; e++) {
            b.beginEpisode();
            double prev = r.nextGaussian(), x = prev;
            for (int t = 0; t < 40; t++) {
                b.addStep(new double[]{x}, new double[]{x - prev}, 0);
                prev = x;
                x = x + r.nextGaussian();
            }
            b.endEpisode(new double[]{x}, false, true);
        }
        Dataset data = b.build();
        BcConfig c = small(HeadType.MSE).maxSteps(800).validationInterval(100).build();
        double oneFrame = BcTrainer.train(data, c, TrainingListener.NONE).provenance().metrics().get("validation_loss");
        TrainedPolicy two = BcTrainer.train(data, c.toBuilder().history(2).build(), TrainingListener.NONE);
        double twoFrames = two.provenance().metrics().get("validation_loss");
        assertTrue(oneFrame > 0.5, "one frame cannot see the change: " + oneFrame);
        assertTrue(twoFrames < 0.05, "two frames can: " + twoFrames);
        // the stateful policy reproduces it online: act(x1) then act(x2) gives about x2 - x1
        BcPolicy p = two.policy();
        assertTrue(p.isStateful());
        p.reset();
        p.act(new double[]{0.5});
        assertEquals(1.2, p.act(new double[]{1.7})[0], 0.25);
        p.reset();
        p.act(new double[]{1.0});
        assertEquals(-2.0, p.act(new double[]{-1.0})[0], 0.4);
    }
}
