package io.il4j.envs.gridworld;

import io.il4j.core.mdp.TabularMdp;
import io.il4j.core.mdp.ValueIteration;

import java.util.Arrays;
import java.util.List;

/**
 * The exact tabular model of {@link GridWorldEnv}, for tabular methods such as MaxEnt IRL: states,
 * actions, transition probabilities, state features {@code phi(s)}, the true reward weights {@code w}
 * with {@code r(s) = w . phi(s)}, and the start distribution.
 *
 * <p>State {@code s = row * cols + col}, row 0 at the top. Actions: 0 up, 1 down, 2 left, 3 right,
 * 4 stay. A move into the border leaves the agent where it is. With slip probability {@code p}, the
 * executed action is replaced by one drawn uniformly from all five (so the intended move happens with
 * probability {@code 1 - p + p/5}). Features are the one-hot cell type: plain, goal, mud, lava.
 * The horizon is the episode length of the environment it models ({@link #DEFAULT_HORIZON} by default).
 *
 * <p>Immutable; arrays returned are copies. Thread-safe.
 */
public final class GridWorldMdp implements TabularMdp {

    public static final int UP = 0, DOWN = 1, LEFT = 2, RIGHT = 3, STAY = 4;
    public static final int NUM_ACTIONS = 5;
    /** Steps per episode unless given: {@link GridWorldEnv}'s default time limit. */
    public static final int DEFAULT_HORIZON = 30;
    public static final List<String> ACTION_NAMES = List.of("up", "down", "left", "right", "stay");
    /** Cell types, which are also the feature dimensions. */
    public static final List<String> FEATURE_NAMES = List.of("plain", "goal", "mud", "lava");
    /** True reward weights over {@link #FEATURE_NAMES}. */
    static final double[] DEFAULT_WEIGHTS = {0.0, 1.0, -1.0, -5.0};

    /**
     * The default 5x5 map (rows top to bottom): {@code .} plain, {@code G} goal, {@code M} mud,
     * {@code L} lava. The cheapest way to the goal from the lower left avoids lava and, where it pays, mud.
     */
    public static final List<String> DEFAULT_MAP = List.of(
            "...LG",
            ".L.M.",
            ".M...",
            "..L.M",
            ".....");

    private static final int[] ROW_STEP = {-1, 1, 0, 0, 0};
    private static final int[] COL_STEP = {0, 0, -1, 1, 0};

    private final List<String> map;
    private final int rows, cols;
    private final int[] cellType;          // per state: index into FEATURE_NAMES
    private final double[] weights;
    private final double slip;
    private final int[][] next;            // deterministic successor per (state, action)
    private final double[] startDistribution;
    private final int horizon;

    public GridWorldMdp(List<String> map, double slip) {
        this(map, DEFAULT_WEIGHTS, slip, DEFAULT_HORIZON);
    }

    public GridWorldMdp(List<String> map, double slip, int horizon) {
        this(map, DEFAULT_WEIGHTS, slip, horizon);
    }

    GridWorldMdp(List<String> map, double[] weights, double slip) {
        this(map, weights, slip, DEFAULT_HORIZON);
    }

    GridWorldMdp(List<String> map, double[] weights, double slip, int horizon) {
        if (horizon < 1) throw new IllegalArgumentException("gridworld horizon must be at least 1 step, got " + horizon);
        this.horizon = horizon;
        this.map = List.copyOf(map == null ? List.of() : map);
        if (map == null || map.isEmpty()) throw new IllegalArgumentException("gridworld map must have at least one row");
        if (!(slip >= 0 && slip < 1)) throw new IllegalArgumentException("gridworld slip must be in [0, 1), got " + slip);
        this.rows = map.size();
        this.cols = map.get(0).length();
        this.slip = slip;
        this.weights = weights.clone();
        int n = rows * cols;
        cellType = new int[n];
        for (int r = 0; r < rows; r++) {
            String line = map.get(r);
            if (line.length() != cols)
                throw new IllegalArgumentException("gridworld map row " + r + " has " + line.length() + " cells; expected " + cols);
            for (int c = 0; c < cols; c++) {
                char ch = line.charAt(c);
                int type = switch (ch) {
                    case '.' -> 0;
                    case 'G' -> 1;
                    case 'M' -> 2;
                    case 'L' -> 3;
                    default -> throw new IllegalArgumentException("gridworld map row " + r + " column " + c
                            + ": unknown cell '" + ch + "'; expected one of . G M L");
                };
                cellType[r * cols + c] = type;
            }
        }
        next = new int[n][NUM_ACTIONS];
        for (int s = 0; s < n; s++)
            for (int a = 0; a < NUM_ACTIONS; a++) {
                int r = s / cols + ROW_STEP[a], c = s % cols + COL_STEP[a];
                next[s][a] = r < 0 || r >= rows || c < 0 || c >= cols ? s : r * cols + c;
            }
        // Episodes start on plain cells, uniformly.
        startDistribution = new double[n];
        int plain = 0;
        for (int s = 0; s < n; s++) if (cellType[s] == 0) plain++;
        if (plain == 0) throw new IllegalArgumentException("gridworld map needs at least one plain '.' cell to start on");
        for (int s = 0; s < n; s++) if (cellType[s] == 0) startDistribution[s] = 1.0 / plain;
    }

    /** The same grid with another episode length. */
    public GridWorldMdp withHorizon(int steps) {
        return steps == horizon ? this : new GridWorldMdp(map, weights, slip, steps);
    }

    @Override
    public int horizon() {
        return horizon;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    @Override
    public int numStates() {
        return rows * cols;
    }

    @Override
    public int numActions() {
        return NUM_ACTIONS;
    }

    public double slip() {
        return slip;
    }

    @Override
    public int numFeatures() {
        return FEATURE_NAMES.size();
    }

    /** Feature vector phi(s): one-hot cell type. */
    @Override
    public double[] features(int state) {
        double[] f = new double[numFeatures()];
        f[cellType[state]] = 1;
        return f;
    }

    /** Features of every state, {@code [numStates][numFeatures]}. */
    @Override
    public double[][] featureMatrix() {
        double[][] m = new double[numStates()][];
        for (int s = 0; s < numStates(); s++) m[s] = features(s);
        return m;
    }

    /** The true reward weights w (r(s) = w . phi(s)). */
    public double[] rewardWeights() {
        return weights.clone();
    }

    @Override
    public double reward(int state) {
        return weights[cellType[state]];
    }

    /** r(s) for every state. */
    @Override
    public double[] rewards() {
        double[] r = new double[numStates()];
        for (int s = 0; s < r.length; s++) r[s] = reward(s);
        return r;
    }

    /** The cell type of a state, an index into {@link #FEATURE_NAMES}. */
    public int cellType(int state) {
        return cellType[state];
    }

    /** The successor when action {@code a} is executed without slipping. */
    public int intendedNext(int state, int action) {
        return next[state][action];
    }

    /** P(s' | s, a). */
    @Override
    public double transitionProbability(int state, int action, int nextState) {
        double p = 0;
        for (int executed = 0; executed < NUM_ACTIONS; executed++) {
            if (next[state][executed] != nextState) continue;
            p += (executed == action ? 1 - slip : 0) + slip / NUM_ACTIONS;
        }
        return p;
    }

    /** The full transition tensor {@code P[s][a][s']}. */
    @Override
    public double[][][] transitionMatrix() {
        int n = numStates();
        double[][][] p = new double[n][NUM_ACTIONS][n];
        for (int s = 0; s < n; s++)
            for (int a = 0; a < NUM_ACTIONS; a++)
                for (int executed = 0; executed < NUM_ACTIONS; executed++)
                    p[s][a][next[s][executed]] += (executed == a ? 1 - slip : 0) + slip / NUM_ACTIONS;
        return p;
    }

    /** The start-state distribution: uniform over plain cells. */
    @Override
    public double[] startDistribution() {
        return startDistribution.clone();
    }

    public int row(int state) {
        return state / cols;
    }

    public int col(int state) {
        return state % cols;
    }

    /**
     * Discounted value iteration for {@code V(s) = r(s) + gamma max_a sum_s' P(s'|s,a) V(s')} (the reward
     * is collected in the state the action is taken from), to a sup-norm change below {@code 1e-12}.
     */
    public Solution valueIteration(double gamma) {
        double[][] r = new double[numStates()][NUM_ACTIONS];
        for (int st = 0; st < r.length; st++) Arrays.fill(r[st], reward(st));
        ValueIteration.Solution sol = ValueIteration.solve(transitionMatrix(), r, gamma);
        return new Solution(sol.values(), sol.qValues(), sol.policy());
    }

    /** The result of {@link #valueIteration}: state values, action values and a greedy policy. */
    public record Solution(double[] values, double[][] qValues, int[] policy) {
        public Solution {
            values = values.clone();
            qValues = Arrays.stream(qValues).map(double[]::clone).toArray(double[][]::new);
            policy = policy.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        @Override
        public double[][] qValues() {
            return Arrays.stream(qValues).map(double[]::clone).toArray(double[][]::new);
        }

        @Override
        public int[] policy() {
            return policy.clone();
        }

        public int action(int state) {
            return policy[state];
        }
    }
}
