package io.il4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped sample is reproduced byte for byte by the command on its card (datasets/README.md). */
class ShippedDatasetsTest {

    private static final Path SAMPLE = Path.of("..", "datasets", "sample", "driving-expert.csv");

    @Test
    void sampleIsReproducedByItsCardCommand(@TempDir Path dir) throws Exception {
        assertTrue(Files.isRegularFile(SAMPLE), "shipped sample missing: " + SAMPLE.toAbsolutePath());
        String card = Files.readString(Path.of("..", "datasets", "README.md"));
        String command = "./il generate --env driving --policy expert --episodes 5 --seed 7 -o max_steps=200 --out datasets/sample/driving-expert.csv";
        assertTrue(card.contains(command), "card no longer shows the command this test runs");
        Path out = dir.resolve("regenerated.csv");
        assertEquals(0, Main.run("generate", "--env", "driving", "--policy", "expert", "--episodes", "5", "--seed", "7",
                "-o", "max_steps=200", "--out", out.toString()));
        assertArrayEquals(Files.readAllBytes(SAMPLE), Files.readAllBytes(out),
                "datasets/sample/driving-expert.csv differs from what its card command generates: rerun datasets/generate.sh");
    }
}
