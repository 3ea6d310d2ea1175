package io.il4j.core.rl;

import io.il4j.core.nn.Activation;
import io.il4j.core.nn.Mlp;
import io.il4j.core.nn.MlpSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The SAC actor's sampling, log-density and backward: the tanh-Gaussian math against central finite
 * differences (in double where the inputs are double), the full actor backward against finite differences
 * of its weights, and the density against the change-of-variables formula.
 */
class SquashedGaussianActorTest {

    private static final int OBS = 3, ACT = 2, ROWS = 5;

    @Test
    void logLikelihoodGradientMatchesFiniteDifferencesInDouble() {
        TanhGaussian d = new TanhGaussian(ACT, -5, 2);
        SplittableRandom r = new SplittableRandom(1);
        double[] z = new double[2 * ACT], a = new double[ACT], g = new double[2 * ACT];
        for (int trial = 0; trial < 20; trial++) {
            for (int k = 0; k < 2 * ACT; k++) z[k] = r.nextGaussian();
            for (int j = 0; j < ACT; j++) a[j] = 1.8 * r.nextDouble() - 0.9;
            d.logLikelihood(z, 0, a, 0, g, 0);
            for (int k = 0; k < 2 * ACT; k++) {
                double h = 1e-6, keep = z[k];
                z[k] = keep + h;
                double up = d.logLikelihood(z, 0, a, 0, null, 0);
                z[k] = keep - h;
                double down = d.logLikelihood(z, 0, a, 0, null, 0);
                z[k] = keep;
                assertEquals((up - down) / (2 * h), g[k], 1e-6, "d logpi / d z[" + k + "], trial " + trial);
            }
        }
    }

    @Test
    void sampledLogProbIsTheDensityOfTheSampledAction() {
        TanhGaussian d = new TanhGaussian(ACT, -5, 2);
        SplittableRandom r = new SplittableRandom(2);
        float[] z = new float[2 * ACT], a = new float[ACT];
        double[] eps = new double[ACT];
        for (int trial = 0; trial < 50; trial++) {
            for (int k = 0; k < 2 * ACT; k++) z[k] = (float) (0.7 * r.nextGaussian());
            for (int j = 0; j < ACT; j++) eps[j] = r.nextGaussian();
            double lp = d.sample(z, 0, eps, 0, a, 0);
            // change of variables by hand: N(u; mean, std) / prod(1 - tanh(u)^2)
            double expected = 0;
            for (int j = 0; j < ACT; j++) {
                double std = Math.exp(z[ACT + j]), u = z[j] + std * eps[j];
                expected += -0.5 * eps[j] * eps[j] - Math.log(std) - 0.5 * Math.log(2 * Math.PI) - Math.log(1 - Math.tanh(u) * Math.tanh(u));
            }
            assertEquals(expected, lp, 1e-6 * Math.max(1, Math.abs(expected)));
            double[] zd = new double[2 * ACT], ad = new double[ACT];
            for (int k = 0; k < 2 * ACT; k++) zd[k] = z[k];
            for (int j = 0; j < ACT; j++) ad[j] = a[j];
            if (Math.abs(a[0]) < 0.99 && Math.abs(a[1]) < 0.99)
                assertEquals(lp, d.logLikelihood(zd, 0, ad, 0, null, 0), 1e-3, "sampled log-prob equals the density of the sampled action");
        }
    }

    @Test
    void logStdIsClampedAndTheClampStopsTheGradient() {
        TanhGaussian d = new TanhGaussian(1, -5, 2);
        assertEquals(2, d.logStd(7), 0);
        assertEquals(-5, d.logStd(-9), 0);
        float[] z = {0.3f, 5f}, zGrad = new float[2];
        d.sampleBackward(z, 0, new double[]{0.4}, 0, new float[]{1f}, 0, 1.0, zGrad, 0);
        assertEquals(0f, zGrad[1], 0f);
        assertNotEquals(0f, zGrad[0]);
    }

    /** L = sum_r [ sum_j c_j a_rj + d_r logpi_r ] with fixed noise, in double from float actions. */
    private static double loss(SquashedGaussianActor actor, SquashedGaussianActor.Sample s, float[] obs, long noiseSeed, double[] c, double[] dr) {
        float[] a = new float[ROWS * ACT], lp = new float[ROWS];
        actor.sample(s, obs, ROWS, new SplittableRandom(noiseSeed), a, lp);
        double l = 0;
        for (int r = 0; r < ROWS; r++) {
            for (int j = 0; j < ACT; j++) l += c[j] * a[r * ACT + j];
            l += dr[r] * lp[r];
        }
        return l;
    }

    @Test
    void actorBackwardMatchesFiniteDifferencesOfTheWeights() {
        MlpSpec trunk = new MlpSpec(List.of(6), Activation.TANH, false);
        try (SquashedGaussianActor actor = SquashedGaussianActor.initialize(OBS, trunk, new TanhGaussian(ACT, -5, 2), 3)) {
            SplittableRandom r = new SplittableRandom(4);
            float[] obs = new float[ROWS * OBS];
            for (int i = 0; i < obs.length; i++) obs[i] = (float) r.nextGaussian();
            double[] c = {0.7, -1.3}, dr = new double[ROWS];
            for (int i = 0; i < ROWS; i++) dr[i] = r.nextGaussian();
            SquashedGaussianActor.Sample s = actor.newSample();
            float[] a = new float[ROWS * ACT], lp = new float[ROWS], ag = new float[ROWS * ACT], lg = new float[ROWS];
            actor.sample(s, obs, ROWS, new SplittableRandom(9), a, lp);
            for (int i = 0; i < ROWS; i++) {
                for (int j = 0; j < ACT; j++) ag[i * ACT + j] = (float) c[j];
                lg[i] = (float) dr[i];
            }
            actor.backward(s, ag, lg, false);
            Mlp net = actor.network();
            float[] grads = net.gradients().clone(), p = net.parameters();
            double maxErr = 0;
            for (int k = 0; k < p.length; k++) {
                float keep = p[k];
                float h = 1e-2f;
                p[k] = keep + h;
                net.parametersChanged();
                double up = loss(actor, s, obs, 9, c, dr);
                p[k] = keep - h;
                net.parametersChanged();
                double down = loss(actor, s, obs, 9, c, dr);
                p[k] = keep;
                net.parametersChanged();
                double fd = (up - down) / (2 * h);
                double err = Math.abs(fd - grads[k]) / Math.max(1, Math.abs(fd));
                maxErr = Math.max(maxErr, err);
            }
            assertTrue(maxErr < 5e-3, "max relative error of the actor's weight gradients vs finite differences: " + maxErr);
        }
    }

    @Test
    void logLikelihoodBackwardMatchesFiniteDifferencesOfTheWeights() {
        MlpSpec trunk = new MlpSpec(List.of(5), Activation.TANH, false);
        try (SquashedGaussianActor actor = SquashedGaussianActor.initialize(OBS, trunk, new TanhGaussian(ACT, -5, 2), 5)) {
            SplittableRandom r = new SplittableRandom(6);
            float[] obs = new float[ROWS * OBS], act = new float[ROWS * ACT];
            for (int i = 0; i < obs.length; i++) obs[i] = (float) r.nextGaussian();
            for (int i = 0; i < act.length; i++) act[i] = (float) (1.6 * r.nextDouble() - 0.8);
            SquashedGaussianActor.Sample s = actor.newSample();
            actor.logLikelihood(s, obs, act, ROWS, 1.0, false);
            Mlp net = actor.network();
            float[] grads = net.gradients().clone(), p = net.parameters();
            double maxErr = 0;
            for (int k = 0; k < p.length; k++) {
                float keep = p[k], h = 1e-2f;
                p[k] = keep + h;
                net.parametersChanged();
                double up = actor.logLikelihood(s, obs, act, ROWS, 0, false);
                p[k] = keep - h;
                net.parametersChanged();
                double down = actor.logLikelihood(s, obs, act, ROWS, 0, false);
                p[k] = keep;
                net.parametersChanged();
                double fd = (up - down) / (2 * h);
                maxErr = Math.max(maxErr, Math.abs(fd - grads[k]) / Math.max(1, Math.abs(fd)));
            }
            assertTrue(maxErr < 5e-3, "max relative error: " + maxErr);
        }
    }

    @Test
    void deterministicActionIsTanhOfTheMeanAndSamplingIsSeeded() {
        try (SquashedGaussianActor actor = SquashedGaussianActor.initialize(OBS, MlpSpec.DEFAULT, TanhGaussian.withDefaultRange(ACT), 7)) {
            float[] obs = {0.1f, -0.4f, 2f};
            float[] det = new float[ACT];
            actor.deterministic(obs, 1, det);
            float[] z = actor.network().forward(obs, 1);
            for (int j = 0; j < ACT; j++) assertEquals(Math.tanh(z[j]), det[j], 1e-7);
            float[] a1 = new float[ACT], a2 = new float[ACT];
            SquashedGaussianActor.Sample s = actor.newSample();
            actor.sample(s, obs, 1, new SplittableRandom(11), a1, null);
            actor.sample(s, obs, 1, new SplittableRandom(11), a2, null);
            assertArrayEquals(a1, a2);
            for (float v : a1) assertTrue(v > -1 && v < 1);
        }
    }

    @Test
    void sampleManyDrawsWhatSampleDrawsOnRepeatedObservations() {
        SquashedGaussianActor actor = SquashedGaussianActor.initialize(OBS, new MlpSpec(List.of(8, 8), Activation.TANH, false),
                new TanhGaussian(ACT, -5, 2), 4);
        int per = 3;
        SplittableRandom r = new SplittableRandom(2);
        float[] obs = new float[ROWS * OBS], repeated = new float[ROWS * per * OBS];
        for (int i = 0; i < obs.length; i++) obs[i] = (float) r.nextGaussian();
        for (int b = 0; b < ROWS; b++)
            for (int k = 0; k < per; k++) System.arraycopy(obs, b * OBS, repeated, (b * per + k) * OBS, OBS);
        float[] a1 = new float[ROWS * per * ACT], lp1 = new float[ROWS * per], a2 = a1.clone(), lp2 = lp1.clone();
        actor.sampleMany(actor.newSample(), obs, ROWS, per, new SplittableRandom(9), a1, lp1);
        actor.sample(actor.newSample(), repeated, ROWS * per, new SplittableRandom(9), a2, lp2);
        // the same noise in the same order; the network outputs of a row may differ in the last bit with the batch size
        assertArrayEquals(a2, a1, 1e-6f);
        assertArrayEquals(lp2, lp1, 1e-5f);
        assertNotEquals(a1[0], a1[ACT], "the draws of one observation differ");
        SquashedGaussianActor.Sample s = actor.newSample();
        actor.sampleMany(s, obs, ROWS, per, new SplittableRandom(9), a1, lp1);
        assertThrows(IllegalStateException.class, () -> actor.backward(s, a1, lp1, false));
    }
}
