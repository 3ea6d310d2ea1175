package io.il4j.dagger;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * DAgger's main code talks to simulators and experts only through the il-core contracts, so a user's own
 * simulator and an oracle given as a plain function plug in: only the benchmark package may use il-envs,
 * and only {@link BcLearners} (the default learner) may use il-bc.
 */
class DependencyRulesTest {
    private static final Path MAIN = Path.of("src/main/java/io/il4j/dagger");

    @Test
    void algorithmsUseOnlyTheCoreContracts() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (f.startsWith(MAIN.resolve("bench"))) continue;
                String src = Files.readString(f);
                if (src.contains("io.il4j.envs")) violations.add(f + " uses il-envs");
                if (src.contains("io.il4j.bc") && !f.getFileName().toString().equals("BcLearners.java")) violations.add(f + " uses il-bc");
            }
        }
        assertEquals(List.of(), violations);
    }
}
