package io.il4j.core.nn;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class ActivationTest {

    /** The activation in double, straight from its definition (DL4J's). */
    static double reference(Activation a, double z) {
        return switch (a) {
            case RELU -> Math.max(z, 0);
            case TANH -> Math.tanh(z);
            case LEAKY_RELU -> z >= 0 ? z : 0.01 * z;
            case ELU -> z >= 0 ? z : Math.expm1(z);
            case IDENTITY -> z;
        };
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void valuesMatchTheDefinition(Activation a) {
        Random r = new Random(1);
        float[] z = new float[2000];
        for (int i = 0; i < z.length; i++) z[i] = (float) (r.nextGaussian() * (i < 1000 ? 3 : 1e-4)); // small values: cancellation
        z[0] = 40f;
        z[1] = -40f;
        z[2] = 0f;
        float[] f = z.clone();
        a.applyInPlace(f, f.length);
        for (int i = 0; i < z.length; i++) {
            double expected = reference(a, z[i]);
            assertEquals(expected, f[i], 2e-7 * Math.max(1e-3, Math.abs(expected)), a + "(" + z[i] + ")");
        }
    }

    /** grad * f'(z), computed from the output f(z) alone, against central differences of the definition. */
    @ParameterizedTest
    @EnumSource(Activation.class)
    void derivativeFromTheOutputMatchesFiniteDifferences(Activation a) {
        Random r = new Random(2);
        int n = 1000;
        float[] z = new float[n], out = new float[n], grad = new float[n], g0 = new float[n];
        for (int i = 0; i < n; i++) {
            float v;
            do v = (float) (r.nextGaussian() * 3); while (Math.abs(v) < 1e-3); // away from the kink at 0
            z[i] = v;
            g0[i] = (float) r.nextGaussian();
        }
        System.arraycopy(z, 0, out, 0, n);
        a.applyInPlace(out, n);
        System.arraycopy(g0, 0, grad, 0, n);
        a.multiplyByDerivative(out, grad, n);
        for (int i = 0; i < n; i++) {
            double h = 1e-6, slope = (reference(a, z[i] + h) - reference(a, z[i] - h)) / (2 * h);
            assertEquals(g0[i] * slope, grad[i], 1e-5 * Math.max(1, Math.abs(g0[i])), a + "'(" + z[i] + ")");
        }
    }

    @org.junit.jupiter.api.Test
    void reluDerivativeIsAStepEvenForDenormalOutputs() {
        float[] out = {0f, Float.MIN_VALUE, 1e-40f, 1e-30f, 3f, Float.MAX_VALUE, Float.POSITIVE_INFINITY};
        float[] grad = {2f, 2f, 2f, 2f, 2f, 2f, 2f};
        Activation.RELU.multiplyByDerivative(out, grad, out.length);
        assertArrayEquals(new float[]{0f, 2f, 2f, 2f, 2f, 2f, 2f}, grad);
        float[] nan = {Float.NaN}, g = {1f};
        Activation.RELU.multiplyByDerivative(nan, g, 1);
        assertTrue(Float.isNaN(g[0]), "a NaN activation must poison the gradient, not hide it");
    }
}
