package io.il4j.offline;

import io.il4j.core.nn.Activation;
import io.il4j.core.nn.Mlp;
import io.il4j.core.nn.Trainable;
import io.il4j.offline.internal.OfflineData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every CQL loss against central finite differences on tiny networks: the continuous critic loss with its
 * conservative penalty (fixed alpha and Lagrange), the actor loss (through the critics, and during BC
 * warm-up), the temperature and Lagrange-multiplier losses, and the discrete CQL loss. The networks are
 * float, so differences are taken with a step of 1e-3 on a loss summed in double; tanh trunks keep ReLU's
 * kinks from landing inside a difference step.
 */
class CqlGradientTest {

    private static final CqlConfig.Builder TINY = CqlConfig.builder().hiddenSizes(List.of(6, 5)).activation(Activation.TANH).batchSize(4).sampledActions(3).seed(3);

    /** Largest relative error (floored at 1e-2 in the denominator) between the analytic gradient and central differences. */
    private static double maxError(Trainable net, float[] analytic, DoubleSupplier loss) {
        float[] p = net.parameters();
        double worst = 0;
        for (int k = 0; k < p.length; k++) {
            float keep = p[k], h = 1e-3f;
            p[k] = keep + h;
            net.parametersChanged();
            double up = loss.getAsDouble();
            p[k] = keep - h;
            net.parametersChanged();
            double down = loss.getAsDouble();
            p[k] = keep;
            net.parametersChanged();
            double fd = (up - down) / (2 * h);
            double e = Math.abs(fd - analytic[k]) / Math.max(1e-2, Math.abs(fd) + Math.abs(analytic[k]));
            if (e > 2e-2 && Boolean.getBoolean("debugfd")) System.out.println(k + " fd " + fd + " analytic " + analytic[k]);
            worst = Math.max(worst, e);
        }
        return worst;
    }

    private static ContinuousCql continuous(CqlConfig c) {
        OfflineData d = OfflineData.prepare(OfflineTestData.continuous(3, 10, 1), false, true, c.batchSize(), c.seed(), c.gamma(), 1);
        d.next();
        return new ContinuousCql(d, c);
    }

    @Test
    void criticLossWithConservativePenaltyMatchesFiniteDifferences() {
        for (CqlConfig c : List.of(TINY.build(), TINY.lagrange(true).initialAlpha(2.5).build(), TINY.backupEntropy(true).build())) {
            ContinuousCql cql = continuous(c);
            // a few updates first, so that the critics are not at their initialization
            for (int s = 1; s <= 3; s++) {
                cql.data().next();
                cql.update(s);
            }
            cql.sampleCriticInputs();
            for (int i = 0; i < 2; i++) {
                int critic = i;
                cql.criticLoss(critic, true);
                Mlp q = cql.critic(critic);
                double err = maxError(q, q.gradients().clone(), () -> cql.criticLoss(critic, false));
                assertTrue(err < 2e-2, "critic " + i + " (lagrange " + c.lagrange() + ") gradient error " + err);
            }
        }
    }

    @Test
    void actorLossMatchesFiniteDifferencesThroughTheCriticsAndDuringBcWarmUp() {
        for (int warmup : new int[]{0, 10}) {
            ContinuousCql cql = continuous(TINY.bcWarmupSteps(warmup).build());
            cql.update(1);
            cql.data().next();
            int step = 2;
            cql.actorLoss(step, new SplittableRandom(5), true);
            Mlp net = cql.actor().network();
            double err = maxError(net, net.gradients().clone(), () -> cql.actorLoss(step, new SplittableRandom(5), false));
            assertTrue(err < 2e-2, "actor (warm-up " + warmup + ") gradient error " + err);
        }
    }

    @Test
    void temperatureAndLagrangeLossesMatchFiniteDifferencesInDouble() {
        double h = 1e-6;
        for (double logT : new double[]{-2, 0, 0.7})
            for (double meanLogPi : new double[]{-3, 0.5}) {
                double fd = (ContinuousCql.temperatureLoss(logT + h, meanLogPi, -2) - ContinuousCql.temperatureLoss(logT - h, meanLogPi, -2)) / (2 * h);
                assertEquals(fd, ContinuousCql.temperatureGradient(meanLogPi, -2), 1e-7);
            }
        for (double logA : new double[]{-3, 0, 2})
            for (double gap : new double[]{-4, 12}) {
                double fd = (ContinuousCql.lagrangeLoss(logA + h, gap, 10) - ContinuousCql.lagrangeLoss(logA - h, gap, 10)) / (2 * h);
                assertEquals(fd, ContinuousCql.lagrangeGradient(logA, gap, 10), 1e-6 * Math.max(1, Math.abs(fd)));
            }
        // the dual step raises alpha when the gap exceeds its target and lowers it otherwise
        assertTrue(ContinuousCql.lagrangeGradient(0, 12, 10) < 0);
        assertTrue(ContinuousCql.lagrangeGradient(0, 8, 10) > 0);
        assertEquals(0, ContinuousCql.lagrangeGradient(Math.log(2e6), 12, 10));
    }

    @Test
    void discreteCqlLossMatchesFiniteDifferences() {
        DiscreteCqlConfig c = DiscreteCqlConfig.builder().hiddenSizes(List.of(6, 5)).activation(Activation.TANH).activation(Activation.TANH).batchSize(5).alpha(1.5).huberDelta(0.3).seed(2).build();
        OfflineData d = OfflineData.prepare(OfflineTestData.discrete(4, 10, 2), true, true, c.batchSize(), c.seed(), c.gamma(), 1);
        DiscreteCql cql = new DiscreteCql(d, c, 3);
        for (int s = 1; s <= 3; s++) {
            d.next();
            cql.update(s);
        }
        d.next();
        cql.computeTargets();
        cql.loss(true);
        Mlp q = cql.network();
        double err = maxError(q, q.gradients().clone(), () -> cql.loss(false));
        assertTrue(err < 2e-2, "discrete CQL gradient error " + err);
    }
}
