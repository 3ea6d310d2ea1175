package io.il4j.dagger.testing;

import io.il4j.core.env.Env;
import io.il4j.core.env.EnvSpec;
import io.il4j.core.env.StepResult;
import io.il4j.core.policy.ExpertOracle;
import io.il4j.core.space.Box;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Test simulator where behavioural cloning drifts: keep a car on a winding lane whose lateral offset
 * {@code e} is unstable, {@code e' = 1.1 e + a − c + noise} with road curvature
 * {@code c(t) = 0.5 sin(ωt + φ)} (ω, φ random per episode). Observation {@code (e, c)}; action
 * {@code a ∈ [−1, 1]}; reward {@code 1 − |e'|}; off-road (terminated) when {@code |e| > 1}.
 *
 * <p>The expert {@code a = c − 0.7 e} keeps {@code |e|} at the noise level, so its demonstrations hardly
 * show any correction; a learner that has only seen them does not correct its own offset, which then
 * grows by 10% per step. Labels on the learner's own states (DAgger) teach the correction.
 */
public final class UnstableLane implements Env {
    public static final ExpertOracle EXPERT = ExpertOracle.of(o -> new double[]{Math.max(-1, Math.min(1, o[1] - 0.7 * o[0]))});
    private static final EnvSpec SPEC = new EnvSpec("unstable-lane", List.of("offset", "curvature"),
            Box.uniform(1, -1, 1), List.of("steer"), 100_000);
    private Random rng;
    private double e, phase, omega;
    private int t;
    private boolean offRoad;

    @Override
    public EnvSpec spec() {
        return SPEC;
    }

    @Override
    public double[] reset(long seed) {
        rng = new Random(seed);
        e = (rng.nextDouble() * 2 - 1) * 0.01;
        phase = rng.nextDouble() * 2 * Math.PI;
        omega = 0.03 + 0.05 * rng.nextDouble();
        t = 0;
        offRoad = false;
        return observation();
    }

    private double curvature() {
        return 0.5 * Math.sin(omega * t + phase);
    }

    private double[] observation() {
        return new double[]{e, curvature()};
    }

    @Override
    public StepResult step(double[] action) {
        SPEC.actionSpace().validate(action);
        double a = Math.max(-1, Math.min(1, action[0]));
        e = 1.1 * e + a - curvature() + 0.003 * rng.nextGaussian();
        t++;
        offRoad = Math.abs(e) > 1;
        return new StepResult(observation(), 1 - Math.abs(e), offRoad, false);
    }

    @Override
    public Map<String, Double> episodeMetrics() {
        return Map.of("off_road", offRoad ? 1.0 : 0.0);
    }
}
