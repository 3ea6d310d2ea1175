package io.il4j.irl.iq;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The objective's gradient with respect to Q(s,a), V(s), V(s'), V(s0), against central differences in double. */
class IqObjectiveTest {

    @Test
    void gradientsMatchFiniteDifferencesForBothValueTerms() {
        for (IqLearnConfig.ValueTerm term : IqLearnConfig.ValueTerm.values()) {
            IqLearnConfig config = IqLearnConfig.DEFAULT.withValueTerm(term);
            Random r = new Random(term.ordinal() + 1);
            int n = 7, n0 = 3;
            double[] q = new double[n], v = new double[n], vn = new double[n], v0 = new double[n0];
            boolean[] done = new boolean[n], expert = new boolean[n], reg = new boolean[n];
            for (int i = 0; i < n; i++) {
                q[i] = r.nextGaussian();
                v[i] = r.nextGaussian();
                vn[i] = r.nextGaussian();
                done[i] = i % 3 == 0;
                expert[i] = i < 4;        // four expert, three learner transitions (the online case)
                reg[i] = i != 5;
            }
            for (int j = 0; j < n0; j++) v0[j] = r.nextGaussian();
            IqObjective obj = new IqObjective(config);
            obj.evaluate(n, q, v, vn, done, expert, reg, v0, n0);
            double[] dq = obj.dq.clone(), dv = obj.dv.clone(), dvn = obj.dvn.clone(), dv0 = obj.dv0.clone();
            double h = 1e-6;
            for (double[][] pair : new double[][][]{{q, dq}, {v, dv}, {vn, dvn}, {v0, dv0}}) {
                double[] x = pair[0], g = pair[1];
                for (int i = 0; i < x.length; i++) {
                    double keep = x[i];
                    x[i] = keep + h;
                    double up = new IqObjective(config).evaluate(n, q, v, vn, done, expert, reg, v0, n0);
                    x[i] = keep - h;
                    double down = new IqObjective(config).evaluate(n, q, v, vn, done, expert, reg, v0, n0);
                    x[i] = keep;
                    assertEquals((up - down) / (2 * h), g[i], 1e-8, term + " component " + i);
                }
            }
        }
    }

    @Test
    void theRegularizerPenalizesTheSquaredReward() {
        // One expert transition, done: r = q. L = -q + c q^2 (+ value term v for VALUE).
        IqLearnConfig config = IqLearnConfig.DEFAULT; // chi2Alpha 0.5 -> c = 0.5
        double l = new IqObjective(config).evaluate(1, new double[]{2}, new double[]{0.25}, new double[]{9}, new boolean[]{true},
                new boolean[]{true}, new boolean[]{true}, new double[0], 0);
        assertEquals(-2 + 0.5 * 4 + 0.25, l, 1e-12);
    }
}
