package io.il4j.irl.tabular;

import io.il4j.core.mdp.TabularMdp;
import io.il4j.core.nn.Adam;
import io.il4j.core.nn.ParameterVector;


/**
 * Maximum-entropy inverse RL (Ziebart et al., AAAI 2008) on a {@link TabularMdp} with its exact model and a
 * linear state reward {@code r(s) = w . phi(s)}.
 *
 * <p>The model of the expert is the maximum-causal-entropy policy {@code pi_t} of the horizon-{@code T}
 * problem under {@code r} ({@link SoftValueIteration#softFiniteHorizon}). The objective is the mean
 * log-likelihood of the demonstrated actions, {@code L(w) = (1/N) sum_i sum_t log pi_t(a_t | s_t) - (l2/2)|w|^2}.
 * With {@code log pi_t(a|s) = Q_t(s,a) - V_t(s)} and {@code dV_t(s)/dw = F_t(s)}, the expected feature counts
 * from {@code s} at time {@code t} on ({@code F_t(s) = phi(s) + sum_a pi_t(a|s) sum_s' P(s'|s,a) F_{t+1}(s')},
 * {@code F_T = 0}), its exact gradient is
 * {@code (1/N) sum_i sum_t [phi(s_t) + sum_s' P(s'|s_t,a_t) F_{t+1}(s') - F_t(s_t)] - l2 w}.
 * For full-horizon episodes under deterministic dynamics this telescopes to Ziebart's feature-expectation
 * difference: empirical feature counts minus {@code sum_t sum_s D_t(s) phi(s)}, with {@code D_t} the expected
 * state-visitation frequencies from the demonstrations' start states ({@link #expectedFeatureCounts}); with
 * slip, the general form above is the one that is exact. Gradient ascent with Adam on {@code w}.
 * Not thread-safe; one instance per fit.
 */
public final class MaxEntIrl {

    /** The log-likelihood and its gradient at one weight vector. */
    public record Objective(double value, double[] gradient) {
    }

    /** The fitted reward and the learning curve. */
    public record Result(double[] weights, double[] stateReward, double[] logLikelihoodCurve, double finalGradientNorm) {
    }

    private final TabularMdp mdp;
    private final TabularDemonstrations demos;
    private final MaxEntIrlConfig config;
    private final double[][][] p;
    private final double[][] phi;
    private final int horizon;
    private final double[] empiricalFeatures;
    private final double[] startDistribution;

    public MaxEntIrl(TabularMdp mdp, TabularDemonstrations demos, MaxEntIrlConfig config) {
        if (demos.numStates() != mdp.numStates() || demos.numActions() != mdp.numActions())
            throw new IllegalArgumentException("demonstrations have " + demos.numStates() + " states and " + demos.numActions()
                    + " actions; the MDP has " + mdp.numStates() + " and " + mdp.numActions());
        this.mdp = mdp;
        this.demos = demos;
        this.config = config;
        this.horizon = config.horizon() == 0 ? mdp.horizon() : config.horizon();
        if (demos.maxLength() > horizon)
            throw new IllegalArgumentException("a demonstration has " + demos.maxLength() + " steps, more than the horizon "
                    + horizon + " (set horizon to at least the longest episode)");
        this.p = mdp.transitionMatrix();
        this.phi = mdp.featureMatrix();
        int k = mdp.numFeatures(), n = demos.numEpisodes();
        empiricalFeatures = new double[k];
        startDistribution = new double[mdp.numStates()];
        for (int[] states : demos.states()) {
            for (int s : states) for (int j = 0; j < k; j++) empiricalFeatures[j] += phi[s][j] / n;
            startDistribution[states[0]] += 1.0 / n;
        }
    }

    public int horizon() {
        return horizon;
    }

    /** {@code r(s) = w . phi(s)}. */
    public double[] stateReward(double[] w) {
        double[] r = new double[phi.length];
        for (int s = 0; s < r.length; s++) for (int j = 0; j < w.length; j++) r[s] += w[j] * phi[s][j];
        return r;
    }

    /** The mean log-likelihood (minus the L2 penalty) and its exact gradient at {@code w}. */
    public Objective objective(double[] w) {
        if (w.length != mdp.numFeatures())
            throw new IllegalArgumentException("weights have " + w.length + " numbers; the MDP has " + mdp.numFeatures() + " features");
        double[][][] pi = softPolicy(stateReward(w));
        double[][][] f = futureFeatureCounts(pi);
        int n = demos.numEpisodes(), k = w.length;
        double ll = 0;
        double[] grad = new double[k];
        for (int e = 0; e < n; e++) {
            int[] s = demos.states()[e], a = demos.actions()[e];
            for (int t = 0; t < s.length; t++) {
                ll += Math.log(pi[t][s[t]][a[t]]) / n;
                double[] pt = p[s[t]][a[t]];
                for (int j = 0; j < k; j++) {
                    double next = 0;
                    for (int u = 0; u < pt.length; u++) next += pt[u] * f[t + 1][u][j];
                    grad[j] += (phi[s[t]][j] + next - f[t][s[t]][j]) / n;
                }
            }
        }
        double penalty = 0;
        for (int j = 0; j < k; j++) {
            penalty += 0.5 * config.l2() * w[j] * w[j];
            grad[j] -= config.l2() * w[j];
        }
        return new Objective(ll - penalty, grad);
    }

    /** {@code F[t][s][k]}: expected feature counts from state {@code s} at time {@code t} to the horizon under {@code pi}. */
    private double[][][] futureFeatureCounts(double[][][] pi) {
        int n = phi.length, m = mdp.numActions(), k = mdp.numFeatures();
        double[][][] f = new double[horizon + 1][n][k];
        for (int t = horizon - 1; t >= 0; t--)
            for (int s = 0; s < n; s++) {
                double[] out = f[t][s];
                System.arraycopy(phi[s], 0, out, 0, k);
                for (int a = 0; a < m; a++) {
                    double pa = pi[t][s][a];
                    for (int u = 0; u < n; u++) {
                        double wgt = pa * p[s][a][u];
                        if (wgt != 0) for (int j = 0; j < k; j++) out[j] += wgt * f[t + 1][u][j];
                    }
                }
            }
        return f;
    }

    /**
     * Ziebart's expected feature counts {@code sum_t sum_s D_t(s) phi(s)} over the horizon, {@code D_t} the
     * state-visitation frequencies of the soft policy under {@code w} from the demonstrations' start states.
     */
    public double[] expectedFeatureCounts(double[] w) {
        double[][] d = SoftValueIteration.visitation(p, softPolicy(stateReward(w)), startDistribution, horizon);
        double[] out = new double[mdp.numFeatures()];
        for (double[] dt : d)
            for (int s = 0; s < dt.length; s++)
                for (int j = 0; j < out.length; j++) out[j] += dt[s] * phi[s][j];
        return out;
    }

    /** The demonstrations' mean feature counts per episode. */
    public double[] empiricalFeatureCounts() {
        return empiricalFeatures.clone();
    }

    /** Gradient ascent from {@code w = 0}. */
    public Result fit() {
        int k = mdp.numFeatures();
        ParameterVector w = new ParameterVector(new float[k]);
        Adam adam = new Adam(w, config.learningRate());
        double[] curve = new double[config.iterations()];
        double[] wd = new double[k];
        double gradNorm = 0;
        for (int it = 0; it < config.iterations(); it++) {
            for (int j = 0; j < k; j++) wd[j] = w.get(j);
            Objective o = objective(wd);
            curve[it] = o.value();
            gradNorm = 0;
            for (int j = 0; j < k; j++) {
                w.gradients()[j] = (float) -o.gradient()[j]; // the optimizer minimizes
                gradNorm += o.gradient()[j] * o.gradient()[j];
            }
            gradNorm = Math.sqrt(gradNorm);
            adam.step();
        }
        for (int j = 0; j < k; j++) wd[j] = w.get(j);
        return new Result(wd.clone(), stateReward(wd), curve, gradNorm);
    }

    /** The greedy policy of the {@code config.gamma()}-discounted problem under a state reward. */
    public int[] greedyPolicy(double[] stateReward) {
        return SoftValueIteration.greedyDiscounted(p, SoftValueIteration.stateReward(stateReward, mdp.numActions()), config.gamma());
    }

    /** The MaxEnt (soft, time-dependent) policy under a state reward, for its expected true return. */
    public double[][][] softPolicy(double[] stateReward) {
        return SoftValueIteration.softFiniteHorizon(p, SoftValueIteration.stateReward(stateReward, mdp.numActions()), horizon);
    }

    double[][][] transitions() {
        return p;
    }
}
