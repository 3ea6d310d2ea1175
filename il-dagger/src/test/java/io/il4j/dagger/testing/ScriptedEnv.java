package io.il4j.dagger.testing;

import io.il4j.core.env.Env;
import io.il4j.core.env.EnvSpec;
import io.il4j.core.env.StepResult;
import io.il4j.core.space.Box;

import java.util.ArrayList;
import java.util.List;

/**
 * A scripted {@link Env} for loop-mechanics tests (a plain class rather than a mock so that rollouts of
 * 100k steps take milliseconds; oracle and learner are the Mockito mocks). Observations depend only on
 * the reset seed and the time step, {@code [seed mod 1000003, t]}, so they are unique per visit and a
 * resumed run sees what an uninterrupted one saw; an episode reset with seed s terminates after
 * {@code minLength + s mod spread} steps (so some rollouts end before the horizon). It records every
 * state an action was taken in, every executed action and every reset seed.
 */
public final class ScriptedEnv implements Env {
    public static final EnvSpec SPEC = new EnvSpec("scripted", List.of("id", "t"), Box.uniform(1, -5, 5),
            List.of("a"), 1_000_000);
    public final List<double[]> actedIn = new ArrayList<>();
    public final List<double[]> executed = new ArrayList<>();
    public final List<Long> resetSeeds = new ArrayList<>();
    private final int minLength, spread;
    private int t, length;
    private double id;

    /** Episodes of 5..44 steps. */
    public ScriptedEnv() {
        this(5, 40);
    }

    public ScriptedEnv(int minLength, int spread) {
        this.minLength = minLength;
        this.spread = spread;
    }

    @Override
    public EnvSpec spec() {
        return SPEC;
    }

    @Override
    public double[] reset(long seed) {
        resetSeeds.add(seed);
        id = Math.floorMod(seed, 1_000_003L);
        t = 0;
        length = minLength + (int) Math.floorMod(seed, (long) spread);
        return new double[]{id, 0};
    }

    @Override
    public StepResult step(double[] action) {
        SPEC.actionSpace().validate(action);
        actedIn.add(new double[]{id, t});
        executed.add(action.clone());
        t++;
        return new StepResult(new double[]{id, t}, 0, t >= length, false);
    }
}
