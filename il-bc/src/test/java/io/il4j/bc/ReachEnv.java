package io.il4j.bc;

import io.il4j.core.env.Env;
import io.il4j.core.env.EnvSpec;
import io.il4j.core.env.StepResult;
import io.il4j.core.space.Box;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Test env: a point on a line, x' = x + 0.5 a with a in [-1, 1]; reward -|x'|; 20 steps. Expert: a = clip(-2x). */
final class ReachEnv implements Env {
    private final EnvSpec spec = new EnvSpec("reach", List.of("x"), Box.uniform(1, -1, 1), List.of("a"), 20);
    private double x;
    private int t;
    private double absSum;

    static double[] expert(double[] obs) {
        return new double[]{Math.max(-1, Math.min(1, -2 * obs[0]))};
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public double[] reset(long seed) {
        x = new SplittableRandom(seed).nextDouble(-3, 3);
        t = 0;
        absSum = 0;
        return new double[]{x};
    }

    @Override
    public StepResult step(double[] action) {
        spec.actionSpace().validate(action);
        x += 0.5 * Math.max(-1, Math.min(1, action[0]));
        t++;
        absSum += Math.abs(x);
        return new StepResult(new double[]{x}, -Math.abs(x), false, t >= 20);
    }

    @Override
    public Map<String, Double> episodeMetrics() {
        return Map.of("mean_abs_x", absSum / Math.max(1, t));
    }
}
