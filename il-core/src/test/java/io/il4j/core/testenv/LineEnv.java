package io.il4j.core.testenv;

import io.il4j.core.env.EnvSpec;
import io.il4j.core.env.GoalEnv;
import io.il4j.core.env.StepResult;
import io.il4j.core.space.ActionSpace;
import io.il4j.core.space.Box;
import io.il4j.core.space.Discrete;

import java.util.List;
import java.util.Map;

/**
 * A point on a line, small enough to reason about by hand. Observation {@code [x]}; continuous action
 * {@code dx} (x += dx) or discrete action {0, 1, 2} (x += action - 1); reward {@code -|x|}; terminated when
 * {@code |x| >= 5}. Reset with seed s starts at {@code x0 = s mod 3 - 1}. As a goal env its goal is
 * {@code [4]} and the achieved goal is {@code [x]}. Counts steps, so tests can check how often it was driven.
 */
public final class LineEnv implements GoalEnv {
    private final boolean discrete;
    private final EnvSpec spec;
    private double x;
    private int t;
    private double[] goal = {4};
    public int totalSteps;

    public LineEnv(boolean discrete, int maxEpisodeSteps) {
        this.discrete = discrete;
        ActionSpace space = discrete ? new Discrete(3) : Box.uniform(1, -2, 2);
        this.spec = new EnvSpec("line", List.of("x"), space, List.of("dx"), maxEpisodeSteps);
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    public static double startOf(long seed) {
        return Math.floorMod(seed, 3) - 1;
    }

    @Override
    public double[] reset(long seed) {
        x = startOf(seed);
        t = 0;
        goal = new double[]{4};
        return new double[]{x};
    }

    @Override
    public StepResult step(double[] action) {
        spec.actionSpace().validate(action);
        x += discrete ? action[0] - 1 : action[0];
        t++;
        totalSteps++;
        return new StepResult(new double[]{x}, -Math.abs(x), Math.abs(x) >= 5, false);
    }

    @Override
    public Map<String, Double> episodeMetrics() {
        return Map.of("final_x", x, "steps", (double) t);
    }

    @Override
    public int goalDim() {
        return 1;
    }

    @Override
    public double[] desiredGoal() {
        return goal.clone();
    }

    @Override
    public double[] achievedGoal() {
        return new double[]{x};
    }

    @Override
    public void setDesiredGoal(double[] g) {
        goal = g.clone();
    }

    @Override
    public boolean isSuccess() {
        return Math.abs(x - goal[0]) < 0.5;
    }
}
