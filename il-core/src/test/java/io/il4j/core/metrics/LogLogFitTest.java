package io.il4j.core.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class LogLogFitTest {

    @Test
    void recoversSlopeTwoFromThreeXSquared() {
        double[] x = {1, 2, 5, 10, 20, 50, 100};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = 3 * x[i] * x[i];
        LogLogFit f = LogLogFit.fit(x, y);
        assertEquals(2, f.slope(), 1e-12);
        assertEquals(Math.log(3), f.intercept(), 1e-12);
        assertEquals(1, f.rSquared(), 1e-12);
        assertEquals(7, f.n());
        assertEquals(3 * 7 * 7, f.predict(7), 1e-9);
    }

    @Test
    void noisyLinearDataHasSlopeNearOneAndRSquaredBelowOne() {
        double[] x = {10, 20, 40, 80, 160};
        double[] y = {10.5, 19, 41, 78, 165};
        LogLogFit f = LogLogFit.fit(x, y);
        assertEquals(1, f.slope(), 0.03);
        assertTrue(f.rSquared() < 1 && f.rSquared() > 0.99, "r2 " + f.rSquared());
    }

    @Test
    void rejectsValuesALogCannotTake() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogLogFit.fit(new double[]{1, 2, 3}, new double[]{1, 0, 3}));
        assertTrue(e.getMessage().contains("y[1] = 0.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LogLogFit.fit(new double[]{1}, new double[]{1}));
        assertThrows(IllegalArgumentException.class, () -> LogLogFit.fit(new double[]{2, 2}, new double[]{1, 3}));
        assertThrows(IllegalArgumentException.class, () -> LogLogFit.fit(new double[]{1, 2}, new double[]{1}));
        assertThrows(IllegalArgumentException.class, () -> LogLogFit.fit(new double[]{-1, 2}, new double[]{1, 2}));
    }
}
