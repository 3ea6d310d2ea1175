package io.il4j.dagger.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** {@code --fresh}: a task's saved rounds are deleted, everything else under --out is kept. */
class BcVsDaggerBenchmarkTest {

    @Test
    void seedsAndMethodsAreChosenOnTheCommandLine() {
        assertArrayEquals(new long[]{5, 6, 7}, BcVsDaggerBenchmark.seedList(5, 3));
        assertEquals(java.util.List.of(Method.BC, Method.HG_DAGGER), BcVsDaggerBenchmark.methodList("bc, hg-dagger"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> BcVsDaggerBenchmark.methodList("bc,gail"));
        assertTrue(bad.getMessage().contains("'gail'"), bad.getMessage());
    }

    @Test
    void freshDeletesOnlyTheTasksSavedRounds(@TempDir Path out) throws Exception {
        Path rounds = Files.createDirectories(out.resolve("driving").resolve("dagger-seed0"));
        Files.writeString(rounds.resolve("round-1.npz"), "x");
        Files.writeString(out.resolve("results.json"), "{}");
        BcVsDaggerBenchmark.deleteRecursively(out.resolve("driving"));
        assertFalse(Files.exists(out.resolve("driving")));
        assertTrue(Files.exists(out.resolve("results.json")));
        BcVsDaggerBenchmark.deleteRecursively(out.resolve("pendulum")); // absent: nothing to do
    }
}
