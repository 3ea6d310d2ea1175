package io.il4j.envs.bench;

import io.il4j.envs.Envs;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class EnvBenchmarkTest {

    @Test
    void measuresEveryEnvironmentAndPrintsATable() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EnvBenchmark.Result result = EnvBenchmark.run(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                new EnvBenchmark.Settings(0.0, 0.02, 1, 3, List.of()));
        String table = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(Envs.ids(), result.rows().stream().map(EnvBenchmark.Row::envId).toList());
        for (EnvBenchmark.Row row : result.rows()) {
            assertTrue(row.single().perWallSecond() > 0 && row.vector().perCpuSecond() > 0, row.toString());
            assertTrue(table.contains(row.envId()), table);
        }
        EnvBenchmark.Row cartpole = result.rows().get(0);
        assertEquals(150_000.0, cartpole.gymnasiumReferenceStepsPerSecond());
        assertEquals(cartpole.single().perCpuSecond() / 150_000.0, cartpole.ratioToGymnasiumReference(), 1e-9);
        assertTrue(table.contains("gymnasium ref*") && table.contains(EnvBenchmark.REFERENCE_FOOTNOTE),
                "constants measured elsewhere are labelled as such: " + table);
        assertThrows(IllegalArgumentException.class, () -> new EnvBenchmark.Settings(0, 0, 1, 1, List.of()));
    }
}
