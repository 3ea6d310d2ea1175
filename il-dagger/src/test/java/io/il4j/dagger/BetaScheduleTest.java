package io.il4j.dagger;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class BetaScheduleTest {

    @Test
    void schedulesGiveTheirStatedValues() {
        BetaSchedule c = BetaSchedule.constant(0.25), l = BetaSchedule.linear(4), e = BetaSchedule.exponential(0.5),
                f = BetaSchedule.expertFirstRound();
        double[] linear = {1, 0.75, 0.5, 0.25, 0, 0, 0};
        for (int k = 1; k <= 7; k++) {
            assertEquals(0.25, c.beta(k));
            assertEquals(linear[k - 1], l.beta(k), 1e-15, "linear round " + k);
            assertEquals(Math.pow(0.5, k - 1), e.beta(k), 1e-15);
            assertEquals(k == 1 ? 1.0 : 0.0, f.beta(k));
        }
    }

    @Test
    void badParametersAreRejectedWithTheirRange() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BetaSchedule.constant(1.5)).getMessage()
                .contains("beta schedule CONSTANT value must be in [0, 1], got 1.5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BetaSchedule.linear(0)).getMessage()
                .contains("beta schedule LINEAR rounds must be >= 1, got 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BetaSchedule.exponential(Double.NaN)).getMessage()
                .contains("must be in [0, 1], got NaN"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BetaSchedule.linear(3).beta(0)).getMessage()
                .contains("rounds are numbered from 1, got 0"));
    }

    @Test
    void configRoundTripsThroughJsonAndValidates() {
        DaggerConfig c = DaggerConfig.builder().rounds(7).labelBudget(5_000).beta(BetaSchedule.linear(3))
                .retrainMode(RetrainMode.WARM_START).seed(42).build();
        String json = c.toJson();
        assertTrue(json.contains("\"kind\" : \"LINEAR\""), json);
        assertEquals(c, DaggerConfig.fromJson(json));

        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> DaggerConfig.builder().rolloutsPerRound(0).build());
        assertEquals("rolloutsPerRound must be >= 1, got 0", ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class, () -> DaggerConfig.fromJson(
                json.replace("\"horizon\" : 200", "\"horizon\" : -3")));
        assertEquals("horizon must be >= 1, got -3", ex.getMessage());
    }
}
