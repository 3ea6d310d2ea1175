package io.il4j.cli.bench;

import io.il4j.bc.BcConfig;
import io.il4j.bc.BcPolicy;
import io.il4j.bc.BcTrainer;
import io.il4j.bc.HeadType;
import io.il4j.core.train.TrainingListener;
import io.il4j.core.data.Dataset;
import io.il4j.core.env.EpisodeResult;
import io.il4j.core.env.Rollouts;
import io.il4j.core.metrics.Estimate;
import io.il4j.core.metrics.EvaluationSummary;
import io.il4j.core.policy.Policy;
import io.il4j.core.report.Plots;
import io.il4j.core.report.Table;
import io.il4j.core.report.TrajectoryPlot;
import io.il4j.envs.pointmass.ObstacleCourse;
import io.il4j.envs.pointmass.PointMassObstacleEnv;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The multimodality experiment: MSE, Gaussian and mixture-density BC trained on the same bimodal
 * PointMass-Obstacle demonstrations (the expert passes the wall left or right at random), evaluated by
 * success and collision rate, with a trajectory plot of each policy. A unimodal head averages the two
 * sides and drives into the wall; the MDN picks one. Single-threaded, deterministic given the seeds.
 */
public final class MultimodalBenchmark {

    /** One head's outcome: success and collision rates with 95% (Wilson) CIs over the evaluation episodes. */
    public record HeadResult(String head, Estimate success, Estimate collision, Estimate totalReturn, double trainSeconds) {
    }

    public record Result(String dataset, int demonstrations, int evalEpisodes, long evalSeed, List<HeadResult> heads) {
    }

    /** Evaluation episodes drawn per head: enough that the MDN's two routes both show up. */
    private static final int PLOTTED_EPISODES = 16;

    private MultimodalBenchmark() {
    }

    public static Result run(Dataset demos, String datasetName, int trainSteps, int evalEpisodes, long evalSeed,
                             Path plotFile, PrintStream out) throws IOException {
        PointMassObstacleEnv env = new PointMassObstacleEnv();
        BcConfig base = BcConfig.builder().head(HeadType.MDN).hiddenSizes(64, 64).batchSize(128).maxSteps(trainSteps)
                .validationInterval(Math.max(1, trainSteps / 4)).seed(1).build();
        int plotted = Math.min(PLOTTED_EPISODES, evalEpisodes);
        TrajectoryPlot plot = Plots.trajectories("PointMass-Obstacle, bimodal expert: "
                        + plotted + " evaluation episodes per BC head", "x", "y")
                .rectangle(-ObstacleCourse.WALL_HALF_WIDTH, -ObstacleCourse.WALL_HALF_HEIGHT,
                        ObstacleCourse.WALL_HALF_WIDTH, ObstacleCourse.WALL_HALF_HEIGHT)
                .goalCircle("goal", ObstacleCourse.GOAL_X, ObstacleCourse.GOAL_Y, PointMassObstacleEnv.SUCCESS_RADIUS)
                .equalAspect(true);
        double[] startX = new double[plotted], startY = new double[plotted];
        List<HeadResult> results = new ArrayList<>();
        for (HeadType head : List.of(HeadType.MSE, HeadType.GAUSSIAN, HeadType.MDN)) {
            long t0 = System.nanoTime();
            BcPolicy policy = BcTrainer.train(demos, base.toBuilder().head(head).build(), TrainingListener.NONE).policy();
            double seconds = (System.nanoTime() - t0) / 1e9;
            List<EpisodeResult> eval = Rollouts.evaluate(env, policy, evalEpisodes, evalSeed, Integer.MAX_VALUE);
            EvaluationSummary s = EvaluationSummary.of(eval);
            results.add(new HeadResult(head.cliName(), s.metric("success"), s.metric("collision"), s.totalReturn(), seconds));
            addPaths(plot, head.cliName(), env, policy, evalSeed, startX, startY);
            out.printf("%s: success %.2f, collision %.2f (%.1f s training)%n", head.cliName(), s.metric("success").mean(),
                    s.metric("collision").mean(), seconds);
        }
        plot.markers("start", startX, startY).save(plotFile);
        Result r = new Result(datasetName, demos.numEpisodes(), evalEpisodes, evalSeed, results);
        table(r).print(out);
        return r;
    }

    /**
     * Draws the first {@code startX.length} evaluation episodes of a policy as paths (same seeds as the
     * evaluation) and stores their starts, which are the same for every head since the seeds are.
     */
    private static void addPaths(TrajectoryPlot plot, String name, PointMassObstacleEnv env, Policy policy, long seed,
                                 double[] startX, double[] startY) {
        List<double[]> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (int i = 0; i < startX.length; i++) {
            Dataset d = Rollouts.collect(env, policy, 1, seed + i, Integer.MAX_VALUE).dataset();
            int rows = d.numObservations();
            double[] x = new double[rows], y = new double[rows];
            for (int r = 0; r < rows; r++) {
                x[r] = d.observation(r, 0);
                y[r] = d.observation(r, 1);
            }
            xs.add(x);
            ys.add(y);
            startX[i] = x[0];
            startY[i] = y[0];
        }
        plot.paths(name, xs, ys);
    }

    public static Table table(Result r) {
        Table t = new Table("head", "success", "success 95% CI", "collision", "return", "train s")
                .title("PointMass-Obstacle, " + r.demonstrations() + " bimodal demonstrations, " + r.evalEpisodes() + " evaluation episodes");
        for (HeadResult h : r.heads())
            t.addRow(h.head(), h.success().mean(), String.format("[%.2f, %.2f]", h.success().ciLow(), h.success().ciHigh()),
                    h.collision().mean(), h.totalReturn().mean(), h.trainSeconds());
        return t;
    }
}
