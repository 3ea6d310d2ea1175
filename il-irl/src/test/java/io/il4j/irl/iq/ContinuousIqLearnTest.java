package io.il4j.irl.iq;

import io.il4j.core.data.Dataset;
import io.il4j.core.env.Rollouts;
import io.il4j.core.io.DatasetFiles;
import io.il4j.core.policy.Policies;
import io.il4j.core.policy.Policy;
import io.il4j.envs.pendulum.PendulumEnv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ContinuousIqLearnTest {

    static Dataset pendulum(int episodes) throws Exception {
        Dataset all = DatasetFiles.load(Path.of("../datasets/pendulum/expert.csv"),
                io.il4j.core.io.CsvOptions.builder().actionBounds(new io.il4j.core.space.Box(new double[]{-2}, new double[]{2})).build()).dataset();
        int[] first = new int[episodes];
        for (int e = 0; e < episodes; e++) first[e] = e;
        return all.selectEpisodes(first);
    }

    @Test
    void pendulumOffline(@TempDir Path dir) throws Exception {
        Dataset data = pendulum(Integer.getInteger("iq.episodes", 10));
        IqLearnConfig config = IqLearnConfig.DEFAULT.withSteps(Integer.getInteger("iq.steps", 3000));
        config = new IqLearnConfig(config.hiddenSizes(), config.activation(), config.steps(), config.batchSize(), config.learningRate(),
                Double.parseDouble(System.getProperty("iq.alr", "3e-4")), config.gamma(), Double.parseDouble(System.getProperty("iq.alpha", "0.05")), config.valueTerm(),
                config.chi2Alpha(), config.seed());
        long t0 = System.nanoTime();
        try (ContinuousIqLearn iq = new ContinuousIqLearn(data, config)) {
            if (Boolean.getBoolean("iq.online")) iq.trainOnline(new PendulumEnv(), new OnlineConfig(100_000, 1000, 0));
            else iq.trainOffline();
            Path file = dir.resolve("iq.zip");
            iq.policy(Map.of()).save(file);
            Policy policy = Policies.load(file);
            double mean = Rollouts.evaluate(new PendulumEnv(), policy, 10, 1000, 200).stream().mapToDouble(e -> e.totalReturn()).average().orElseThrow();
            double expert = 0;
            for (int e = 0; e < data.numEpisodes(); e++) expert += data.episodeReturn(e) / data.numEpisodes();
            System.out.printf("IQ-Learn Pendulum offline: return %.1f (expert %.1f) in %.1f s%n", mean, expert, (System.nanoTime() - t0) / 1e9);
            iq.learningCurve().stream().filter(p -> p.step() % 2000 == 0).forEach(p -> System.out.println(p.step() + " " + p.trainLoss() + " " + p.diagnostics()));
        }
    }
}
