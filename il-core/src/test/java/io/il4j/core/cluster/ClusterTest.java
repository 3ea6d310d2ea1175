package io.il4j.core.cluster;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterTest {

    @Test
    void noMasterRunsLocallyInTaskOrder() {
        assertSame(Cluster.LOCAL, Cluster.open(null));
        List<ClusterTask<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int k = i;
            tasks.add(() -> k * k);
        }
        assertEquals(List.of(0, 1, 4, 9, 16), Cluster.LOCAL.run(tasks));
    }

    @Test
    void aMasterWithoutIlSparkOnTheClasspathSaysWhatIsMissing() {
        // il-core's own test classpath holds no Cluster.Factory
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cluster.open("local[2]"));
        assertTrue(e.getMessage().contains("il-spark") && e.getMessage().contains("local[2]"), e.getMessage());
    }

    @Test
    void aTasksFailureComesOutUncheckedWithItsMessage() {
        ClusterTask<Integer> io = () -> {
            throw new IOException("log.csv: line 3, column 2: bad cell");
        };
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Cluster.LOCAL.run(List.of(io)));
        assertEquals("log.csv: line 3, column 2: bad cell", e.getMessage());
        ClusterTask<Integer> bad = () -> {
            throw new IllegalArgumentException("no such env");
        };
        assertEquals("no such env", assertThrows(IllegalArgumentException.class, () -> Cluster.LOCAL.run(List.of(bad))).getMessage());
    }
}
