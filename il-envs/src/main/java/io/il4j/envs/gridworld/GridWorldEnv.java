package io.il4j.envs.gridworld;

import io.il4j.core.env.Env;
import io.il4j.core.env.EnvSpec;
import io.il4j.core.env.StepResult;
import io.il4j.core.space.Discrete;
import io.il4j.envs.internal.EpisodeClock;
import io.il4j.envs.internal.SplitMix64;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small grid world with a known feature-based reward {@code r(s) = w . phi(s)}, for checking tabular
 * inverse RL (MaxEnt IRL) against the truth. The exact model is {@link #mdp()}.
 *
 * <ul>
 *   <li><b>Map</b>: {@link GridWorldMdp#DEFAULT_MAP} (5x5) with plain, goal, mud and lava cells;
 *   features are the one-hot cell type, weights {@code w = (plain 0, goal +1, mud -1, lava -5)}.</li>
 *   <li><b>Observation</b>: {@link Encoding#COORDS} {@code (row, col)} (default) or
 *   {@link Encoding#ONEHOT} (one number per cell).</li>
 *   <li><b>Action</b>: {@code Discrete(5)}: up, down, left, right, stay. With probability {@code slip}
 *   (default 0) a uniformly random action is executed instead.</li>
 *   <li><b>Reward</b>: {@code r(s)} of the cell the action is taken from.</li>
 *   <li><b>Termination</b>: none (the goal is a cell worth staying on); <b>truncation</b> after 30
 *   steps (configurable).</li>
 *   <li><b>Start</b>: uniform over plain cells, from the reset seed.</li>
 *   <li><b>Metrics</b>: {@code reached_goal} (0/1), {@code lava_steps}.</li>
 * </ul>
 * The expert ({@link GridWorldExpert}) is the optimal policy by value iteration. Not thread-safe.
 */
public final class GridWorldEnv implements Env {

    public static final String ID = "gridworld";
    public static final int DEFAULT_MAX_STEPS = GridWorldMdp.DEFAULT_HORIZON;

    /** How a state is presented to policies. */
    public enum Encoding {
        /** {@code (row, col)}. */
        COORDS,
        /** One number per cell, 1 at the current cell. */
        ONEHOT
    }

    private static final Discrete ACTIONS = new Discrete(GridWorldMdp.NUM_ACTIONS);
    private static final int GOAL = GridWorldMdp.FEATURE_NAMES.indexOf("goal");
    private static final int LAVA = GridWorldMdp.FEATURE_NAMES.indexOf("lava");

    private final GridWorldMdp mdp;
    private final Encoding encoding;
    private final EnvSpec spec;
    private final EpisodeClock clock;
    private final double[] start;
    private final double[] startCumulative;
    private final int lastStartState;
    private final SplitMix64 rng = new SplitMix64(0);
    private int state;
    private boolean reachedGoal;
    private int lavaSteps;

    /** The default map, no slip, (row, col) observations, 30 steps. */
    public GridWorldEnv() {
        this(new GridWorldMdp(GridWorldMdp.DEFAULT_MAP, 0.0), Encoding.COORDS, DEFAULT_MAX_STEPS);
    }

    public GridWorldEnv(GridWorldMdp mdp, Encoding encoding, int maxSteps) {
        this.mdp = mdp.withHorizon(maxSteps); // the model's horizon is this environment's time limit
        this.encoding = encoding;
        this.clock = new EpisodeClock(ID, maxSteps);
        this.spec = new EnvSpec(ID, observationNames(mdp, encoding), ACTIONS, List.of("move"), maxSteps);
        start = mdp.startDistribution();
        startCumulative = new double[start.length];
        double acc = 0;
        int last = 0;
        for (int s = 0; s < start.length; s++) {
            startCumulative[s] = acc += start[s];
            if (start[s] > 0) last = s;
        }
        lastStartState = last;
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    /** The exact tabular model (transitions, features, reward weights, start distribution, horizon = time limit). */
    public GridWorldMdp mdp() {
        return mdp;
    }

    public Encoding encoding() {
        return encoding;
    }

    @Override
    public double[] reset(long seed) {
        rng.setSeed(seed);
        double u = rng.nextDouble();
        state = lastStartState; // in case rounding leaves the cumulative sum just below u
        for (int s = startCumulative.length - 1; s >= 0; s--) if (u < startCumulative[s] && start[s] > 0) state = s;
        reachedGoal = mdp.cellType(state) == GOAL;
        lavaSteps = 0;
        clock.start();
        return observation(state);
    }

    @Override
    public StepResult step(double[] action) {
        int a = ACTIONS.index(action);
        clock.checkRunning();
        double reward = mdp.reward(state);
        if (mdp.cellType(state) == LAVA) lavaSteps++;
        // Draw the slip whenever slip > 0 so the random stream does not depend on the actions' values.
        int executed = mdp.slip() > 0 && rng.nextDouble() < mdp.slip() ? rng.nextInt(GridWorldMdp.NUM_ACTIONS) : a;
        state = mdp.intendedNext(state, executed);
        if (mdp.cellType(state) == GOAL) reachedGoal = true;
        boolean truncated = clock.advance(false);
        return new StepResult(observation(state), reward, false, truncated);
    }

    /** The current state index {@code row * cols + col}. */
    public int state() {
        return state;
    }

    /** Puts the agent in a chosen state (the episode clock is unchanged). */
    public void setState(int state) {
        if (state < 0 || state >= mdp.numStates())
            throw new IllegalArgumentException("gridworld state " + state + " is outside [0, " + (mdp.numStates() - 1) + "]");
        this.state = state;
    }

    /** The observation of a state under this environment's encoding. */
    public double[] observation(int s) {
        if (encoding == Encoding.COORDS) return new double[]{mdp.row(s), mdp.col(s)};
        double[] o = new double[mdp.numStates()];
        o[s] = 1;
        return o;
    }

    /** The state index an observation encodes; throws if it is not a valid observation of this grid. */
    public int stateOf(double[] obs) {
        return stateOf(mdp, encoding, obs);
    }

    static int stateOf(GridWorldMdp mdp, Encoding encoding, double[] obs) {
        if (obs == null) throw new IllegalArgumentException("gridworld observation is null");
        if (encoding == Encoding.COORDS) {
            if (obs.length != 2)
                throw new IllegalArgumentException("gridworld observation must be (row, col), got " + obs.length + " numbers");
            int r = (int) obs[0], c = (int) obs[1];
            if (r != obs[0] || c != obs[1] || r < 0 || r >= mdp.rows() || c < 0 || c >= mdp.cols())
                throw new IllegalArgumentException("gridworld observation (" + obs[0] + ", " + obs[1]
                        + ") is not a cell of the " + mdp.rows() + "x" + mdp.cols() + " grid");
            return r * mdp.cols() + c;
        }
        if (obs.length != mdp.numStates())
            throw new IllegalArgumentException("one-hot gridworld observation must have " + mdp.numStates() + " numbers, got " + obs.length);
        int found = -1;
        for (int s = 0; s < obs.length; s++) {
            if (obs[s] == 1 && found < 0) found = s;
            else if (obs[s] != 0) found = -2;
        }
        if (found < 0) throw new IllegalArgumentException("one-hot gridworld observation must hold exactly one 1 and zeros elsewhere");
        return found;
    }

    @Override
    public Map<String, Double> episodeMetrics() {
        return Map.of("reached_goal", reachedGoal ? 1.0 : 0.0, "lava_steps", (double) lavaSteps);
    }

    private static List<String> observationNames(GridWorldMdp mdp, Encoding encoding) {
        if (encoding == Encoding.COORDS) return List.of("row", "col");
        List<String> names = new ArrayList<>();
        for (int s = 0; s < mdp.numStates(); s++) names.add("s_" + s);
        return names;
    }
}
