package io.il4j.dagger.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepExecutorTest {

    @Test
    void noMasterRunsLocally() {
        assertSame(SweepExecutor.LOCAL, SweepExecutor.open(null));
    }

    @Test
    void aMasterWithoutIlSparkOnTheClasspathSaysWhatIsMissing() {
        // il-dagger's own test classpath holds no SweepExecutor.Factory
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepExecutor.open("local[2]"));
        assertTrue(e.getMessage().contains("il-spark") && e.getMessage().contains("local[2]"), e.getMessage());
    }
}
