package io.il4j.core.io.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A tiny run of the IO benchmark: the bookkeeping is right and the work directory is left clean. */
class IoBenchmarkTest {

    @TempDir
    Path dir;

    @Test
    void smallRun() throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        IoBenchmark.Result r = IoBenchmark.run(dir, 2500, 3, 2, new PrintStream(text, true, StandardCharsets.UTF_8));
        assertEquals(3, r.episodes());
        // 2500 steps + 3 final observations of 3 floats, 2500 x 2 actions, 2500 rewards
        assertEquals(4L * ((2500 + 3) * 3 + 2500 * 2 + 2500), r.rawFloat32Bytes());
        assertEquals(List.of("csv", "csv sequential", "npz (stored)", "npz (deflated)"), r.formats().stream().map(IoBenchmark.FormatTiming::format).toList());
        IoBenchmark.FormatTiming stored = r.formats().get(2);
        assertTrue(stored.fileBytes() > r.rawFloat32Bytes() && stored.fileBytes() < r.rawFloat32Bytes() + 4096, "" + stored);
        for (IoBenchmark.Memory m : r.memory()) {
            assertTrue(m.datasetHeapPerRawByte() >= 1 && m.datasetHeapPerRawByte() < 1.25, "" + m);
        }
        assertTrue(text.toString(StandardCharsets.UTF_8).contains("npz (deflated)"));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void aWorkDirectoryTheRunCreatedIsRemoved() throws IOException {
        Path work = dir.resolve("bench-io").resolve("work");
        IoBenchmark.run(work, 300, 2, 1, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertTrue(Files.isDirectory(dir.resolve("bench-io")) && !Files.exists(work), "left behind: " + work);
    }
}
