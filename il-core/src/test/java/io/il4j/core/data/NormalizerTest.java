package io.il4j.core.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class NormalizerTest {

    @Test
    void fitsPopulationStatisticsOnSelectedRowsWithAStdFloor() {
        // rows: (1, 5), (3, 5), (100, 100) -- the last is not selected
        float[] data = {1, 5, 3, 5, 100, 100};
        Normalizer n = Normalizer.fit(data, 2, new int[]{0, 1}, 1e-3);
        assertEquals(2f, n.mean(0));
        assertEquals(1f, n.std(0));
        assertEquals(5f, n.mean(1));
        assertEquals(1e-3f, n.std(1), 1e-9f, "a constant column gets the floor, not zero");
        float[] out = new float[2];
        n.normalize(new double[]{4, 5}, 0, out, 0);
        assertArrayEquals(new float[]{2f, 0f}, out);
        assertEquals(4.0, n.denormalize(0, 2f), 1e-9);
    }

    @Test
    void jsonRoundTripIsExactAndInvalidJsonIsRejected() {
        Normalizer n = new Normalizer(new float[]{0.1f, -3.25e-7f}, new float[]{1.7f, 0.001f});
        Normalizer back = Normalizer.fromJson(n.toJson());
        assertEquals(n, back);
        var e = assertThrows(IllegalArgumentException.class, () -> Normalizer.fromJson("{\"mean\":[0],\"std\":[0]}"));
        assertTrue(e.getMessage().contains("std[0]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Normalizer.fromJson("{\"mean\":[0,1],\"std\":[1]}"));
        assertTrue(e.getMessage().contains("2 dims"), e.getMessage());
    }
}
