package io.il4j.dagger.bench;

import io.il4j.core.data.Dataset;
import io.il4j.core.io.DatasetFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class QuickstartTest {
    /** The shipped demonstrations, found from the module directory the tests run in. */
    static final Path SHIPPED = Path.of("..", "datasets", "driving", "expert-clean.csv");

    @Test
    void firstStepsCutsThePrefixAtExactlyThatManySteps() throws Exception {
        Dataset demos = DatasetFiles.load(SHIPPED).dataset();
        Dataset prefix = Quickstart.firstSteps(demos, 1_234);
        assertEquals(1_234, prefix.numSteps());
        assertEquals(3, prefix.numEpisodes()); // 500 + 500 + 234
        assertEquals(234, prefix.episodeLength(2));
        assertTrue(prefix.truncated(2));
        for (int s = 0; s < prefix.numSteps(); s++) {
            assertArrayEquals(demos.observationAsDouble(demos.observationRow(s)), prefix.observationAsDouble(prefix.observationRow(s)));
            assertArrayEquals(demos.actionAsDouble(s), prefix.actionAsDouble(s));
        }
        assertThrows(IllegalArgumentException.class, () -> Quickstart.firstSteps(demos, demos.numSteps() + 1));
    }

    @Test
    void quickstartTrainsBothMethodsAtEqualLabelsAndWritesTableAndPlots(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Quickstart.Result r = Quickstart.run(new Quickstart.Options(SHIPPED, dir.resolve("qs"), 500, 0),
                new PrintStream(console, true));

        assertEquals(List.of("BC", "DAgger"), r.methods().stream().map(Quickstart.MethodResult::method).toList());
        assertEquals(500, r.methods().get(0).labels());
        assertEquals(500, r.methods().get(1).labels());
        assertArrayEquals(new double[]{125, 250, 500}, r.methods().get(0).curveLabels());
        // Both learning curves end at the table's policy, evaluated the same way (the plot once showed
        // DAgger's short in-loop checks next to BC's full evaluations).
        for (Quickstart.MethodResult m : r.methods()) {
            int last = m.curveLabels().length - 1;
            assertTrue(last >= 0, m.method());
            assertEquals(m.labels(), m.curveLabels()[last], 0, m.method());
            assertEquals(m.evalReturn().mean(), m.curveReturns()[last], 1e-9, m.method());
        }
        assertTrue(r.methods().get(1).curveLabels().length >= 2);
        for (Quickstart.MethodResult m : r.methods()) assertEquals(6, m.cost().length);
        String out = console.toString();
        assertTrue(out.contains("cost@1600") && out.contains("DAgger's cumulative cost is"), out);
        for (String f : List.of("results.json", "config.json", "cost_vs_horizon.png", "return_vs_labels.png"))
            assertTrue(Files.size(dir.resolve("qs").resolve(f)) > 0, f);

        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> Quickstart.run(
                new Quickstart.Options(dir.resolve("none.csv"), dir.resolve("qs2"), 500, 0), new PrintStream(console)));
        assertTrue(missing.getMessage().startsWith("demonstrations not found"), missing.getMessage());
    }
}
