package io.il4j.irl.iq;

/**
 * The IQ-Learn objective of {@link IqLearnConfig} on one batch, given the soft values it needs, with its
 * gradient with respect to those values. Both variants (discrete, continuous) reduce to this form:
 * per transition {@code i}, {@code q_i = Q(s_i, a_i)}, {@code v_i = V(s_i)}, {@code vn_i = V(s'_i)},
 * {@code r_i = q_i - gamma (1 - done_i) vn_i}, and
 * <pre>
 *   L = -(1/|E|) sum_{i in E} r_i  +  value term  +  c (1/|R|) sum_{i in R} r_i^2
 * </pre>
 * with {@code E} the expert transitions, {@code R} the regularized ones (expert only offline, all online),
 * value term {@code (1/N) sum_i (v_i - gamma (1 - done_i) vn_i)} ({@code VALUE}) or
 * {@code (1 - gamma) (1/|S0|) sum_j v0_j} ({@code INITIAL}). The caller backs the gradients up through
 * {@code V} and {@code Q} into its networks. Holds reusable buffers; not thread-safe.
 */
public final class IqObjective {

    private final double gamma, penalty;
    private final IqLearnConfig.ValueTerm valueTerm;
    /** dL/dq, dL/dv, dL/dvn per transition, dL/dv0 per initial state. */
    double[] dq = new double[0], dv = new double[0], dvn = new double[0], dv0 = new double[0];
    /** The last evaluation's parts: mean expert reward, value term, penalty. */
    double expertReward, valuePart, penaltyPart;

    public IqObjective(IqLearnConfig config) {
        this.gamma = config.gamma();
        this.penalty = config.rewardPenalty();
        this.valueTerm = config.valueTerm();
    }

    /**
     * Evaluates {@code L} over {@code n} transitions ({@code expert[i]} marks expert ones, {@code regularized[i]}
     * those under the chi-squared penalty) and, for {@code INITIAL}, {@code n0} initial-state values {@code v0};
     * fills {@link #dq}, {@link #dv}, {@link #dvn}, {@link #dv0}.
     */
    public double evaluate(int n, double[] q, double[] v, double[] vn, boolean[] done, boolean[] expert, boolean[] regularized,
                           double[] v0, int n0) {
        if (dq.length < n) {
            dq = new double[n];
            dv = new double[n];
            dvn = new double[n];
        }
        if (dv0.length < n0) dv0 = new double[n0];
        int nE = 0, nR = 0;
        for (int i = 0; i < n; i++) {
            if (expert[i]) nE++;
            if (regularized[i]) nR++;
        }
        if (nE == 0) throw new IllegalArgumentException("an IQ-Learn batch needs at least one expert transition");
        double loss = 0;
        expertReward = valuePart = penaltyPart = 0;
        for (int i = 0; i < n; i++) {
            double cont = done[i] ? 0 : gamma;
            double r = q[i] - cont * vn[i];
            double dr = 0;
            if (expert[i]) {
                expertReward += r / nE;
                dr -= 1.0 / nE;
            }
            if (regularized[i] && penalty > 0) {
                penaltyPart += penalty * r * r / nR;
                dr += 2 * penalty * r / nR;
            }
            dq[i] = dr;
            dvn[i] = -cont * dr;
            dv[i] = 0;
            if (valueTerm == IqLearnConfig.ValueTerm.VALUE) {
                valuePart += (v[i] - cont * vn[i]) / n;
                dv[i] = 1.0 / n;
                dvn[i] -= cont / n;
            }
        }
        if (valueTerm == IqLearnConfig.ValueTerm.INITIAL) {
            if (n0 == 0) throw new IllegalArgumentException("the INITIAL value term needs initial states");
            for (int j = 0; j < n0; j++) {
                valuePart += (1 - gamma) * v0[j] / n0;
                dv0[j] = (1 - gamma) / n0;
            }
        }
        loss = -expertReward + valuePart + penaltyPart;
        return loss;
    }

    public double expertReward() {
        return expertReward;
    }
}
