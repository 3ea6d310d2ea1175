package io.il4j.core.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import static org.junit.jupiter.api.Assertions.*;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFailedWriteKeepsTheOldFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("sub/results.json");
        AtomicFiles.writeString(target, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("old", Files.readString(target));
        try (var files = Files.list(target.getParent())) {
            assertEquals(1, files.count());
        }
        AtomicFiles.writeString(target, "new");
        assertEquals("new", Files.readString(target));
    }

    @Test
    void writtenFilesAreReadableByOthersLikeAnyNewFile() throws IOException {
        Path target = dir.resolve("plot.png");
        AtomicFiles.write(target, new byte[]{1, 2, 3});
        Path plain = Files.write(dir.resolve("plain.bin"), new byte[]{1});
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(target),
                "atomic writes should get the same permissions as a plain new file (not owner-only)");
        assertTrue(Files.getPosixFilePermissions(target).contains(PosixFilePermission.OWNER_READ));
    }
}
