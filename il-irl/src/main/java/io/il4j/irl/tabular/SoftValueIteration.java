package io.il4j.irl.tabular;

import io.il4j.core.mdp.TabularMdp;
import io.il4j.core.mdp.ValueIteration;

/**
 * Planning on a {@link TabularMdp} for an arbitrary state-action reward {@code r[s][a]}.
 *
 * <ul>
 *   <li>{@link #softFiniteHorizon}: the maximum-causal-entropy policy of a horizon-{@code T}, undiscounted
 *   problem, {@code Q_t(s,a) = r(s,a) + sum_s' P(s'|s,a) V_{t+1}(s')}, {@code V_t = logsumexp_a Q_t},
 *   {@code V_T = 0}, {@code pi_t(a|s) = exp(Q_t(s,a) - V_t(s))} (Ziebart et al. 2008/2010). Time-dependent.</li>
 *   <li>{@link #softDiscounted}: the stationary soft-optimal policy of the {@code gamma}-discounted problem at
 *   temperature {@code alpha}, {@code Q(s,a) = r(s,a) + gamma sum_s' P(s'|s,a) V(s')},
 *   {@code V = alpha logsumexp_a Q/alpha}, {@code pi(a|s) = exp((Q(s,a) - V(s))/alpha)}: the expert that IQ-Learn's
 *   and MaxEnt IRL's model assumes.</li>
 *   <li>{@link #greedyDiscounted}: the optimal deterministic policy of the discounted problem by (hard)
 *   {@link ValueIteration}, ties to the lowest action index as GridWorld's expert does.</li>
 *   <li>{@link #visitation} and {@link #expectedReturn}: exact forward propagation of a time-dependent policy.</li>
 * </ul>
 * Stateless; all methods thread-safe.
 */
public final class SoftValueIteration {
    private SoftValueIteration() {
    }

    /** The time-dependent policy {@code pi[t][s][a]} of the soft (MaxEnt) horizon-{@code horizon} problem. */
    public static double[][][] softFiniteHorizon(double[][][] p, double[][] reward, int horizon) {
        int n = reward.length, m = reward[0].length;
        double[][][] pi = new double[horizon][][];
        double[] v = new double[n];
        double[][] q = new double[n][m];
        for (int t = horizon - 1; t >= 0; t--) {
            v = softBackup(p, reward, v, 1, 1, q);
            pi[t] = policy(q, v, 1);
        }
        return pi;
    }

    /** The stationary policy {@code pi[s][a]} of the soft {@code gamma}-discounted problem at temperature {@code alpha}. */
    public static double[][] softDiscounted(double[][][] p, double[][] reward, double gamma, double alpha) {
        if (!(gamma >= 0 && gamma < 1)) throw new IllegalArgumentException("gamma must be in [0, 1), got " + gamma);
        if (!(alpha > 0)) throw new IllegalArgumentException("temperature must be positive, got " + alpha);
        int n = reward.length, m = reward[0].length;
        double[] v = new double[n];
        double[][] q = new double[n][m];
        for (double change = Double.POSITIVE_INFINITY; change > 1e-12; ) { // a gamma-contraction: converges
            double[] next = softBackup(p, reward, v, gamma, alpha, q);
            change = 0;
            for (int s = 0; s < n; s++) change = Math.max(change, Math.abs(next[s] - v[s]));
            v = next;
        }
        return policy(q, v, alpha); // q is the backup of the last V before it: pi sums to 1 exactly
    }

    /**
     * One soft Bellman backup: {@code qOut[s][a] = r(s,a) + gamma sum_s' P(s'|s,a) v(s')}; returns the new
     * {@code V(s) = alpha logsumexp_a qOut[s][a] / alpha}.
     */
    private static double[] softBackup(double[][][] p, double[][] reward, double[] v, double gamma, double alpha, double[][] qOut) {
        int n = reward.length, m = reward[0].length;
        double[] next = new double[n];
        for (int s = 0; s < n; s++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < m; a++) {
                double ev = 0;
                for (int u = 0; u < n; u++) ev += p[s][a][u] * v[u];
                qOut[s][a] = reward[s][a] + gamma * ev;
                max = Math.max(max, qOut[s][a] / alpha);
            }
            double z = 0;
            for (int a = 0; a < m; a++) z += Math.exp(qOut[s][a] / alpha - max);
            next[s] = alpha * (max + Math.log(z));
        }
        return next;
    }

    /** {@code pi(a|s) = exp((Q(s,a) - V(s)) / alpha)}. */
    private static double[][] policy(double[][] q, double[] v, double alpha) {
        double[][] pi = new double[q.length][q[0].length];
        for (int s = 0; s < q.length; s++)
            for (int a = 0; a < q[s].length; a++) pi[s][a] = Math.exp((q[s][a] - v[s]) / alpha);
        return pi;
    }

    /** The deterministic optimal policy of the {@code gamma}-discounted problem (sup-norm change below 1e-12). */
    public static int[] greedyDiscounted(double[][][] p, double[][] reward, double gamma) {
        return ValueIteration.solve(p, reward, gamma).policy();
    }

    /**
     * State visitation {@code D[t][s] = P(s_t = s)} for {@code t < horizon} under the time-dependent policy
     * {@code pi} (its last slice repeats if {@code horizon} is longer), starting from {@code start}.
     */
    public static double[][] visitation(double[][][] p, double[][][] pi, double[] start, int horizon) {
        int n = start.length, m = p[0].length;
        double[][] d = new double[horizon][];
        double[] cur = start.clone();
        for (int t = 0; t < horizon; t++) {
            d[t] = cur;
            if (t == horizon - 1) break;
            double[][] pt = pi[Math.min(t, pi.length - 1)];
            double[] next = new double[n];
            for (int s = 0; s < n; s++) {
                if (cur[s] == 0) continue;
                for (int a = 0; a < m; a++) {
                    double w = cur[s] * pt[s][a];
                    if (w == 0) continue;
                    for (int u = 0; u < n; u++) next[u] += w * p[s][a][u];
                }
            }
            cur = next;
        }
        return d;
    }

    /** The deterministic policy {@code pi[0][s][a]} that always takes {@code actions[s]} (one time slice). */
    public static double[][][] deterministic(int[] actions, int numActions) {
        double[][][] pi = new double[1][actions.length][numActions];
        for (int s = 0; s < actions.length; s++) pi[0][s][actions[s]] = 1;
        return pi;
    }

    /** The exact expected undiscounted return over {@code horizon} steps of {@code pi} under the MDP's true reward. */
    public static double expectedReturn(TabularMdp mdp, double[][][] p, double[][][] pi, int horizon) {
        double[][] d = visitation(p, pi, mdp.startDistribution(), horizon);
        double[] r = mdp.rewards();
        double total = 0;
        for (double[] dt : d)
            for (int s = 0; s < r.length; s++) total += dt[s] * r[s];
        return total;
    }

    /** {@code r[s][a] = r[s]} for every action. */
    public static double[][] stateReward(double[] r, int numActions) {
        double[][] out = new double[r.length][numActions];
        for (int s = 0; s < r.length; s++) java.util.Arrays.fill(out[s], r[s]);
        return out;
    }
}
