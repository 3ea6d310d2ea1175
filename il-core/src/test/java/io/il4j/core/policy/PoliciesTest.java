package io.il4j.core.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.*;

class PoliciesTest {

    @TempDir
    Path dir;

    private Path writeConstant(String name) throws IOException {
        Path p = dir.resolve(name);
        PolicyArchive.writer("constant", "test").putText("value.txt", "1.5,-2").putText("padding.txt", "x".repeat(5000)).writeTo(p);
        return p;
    }

    @Test
    void loadDispatchesOnTheManifestKind() throws IOException {
        Path p = writeConstant("c.zip");
        assertArrayEquals(new double[]{1.5, -2}, Policies.load(p).act(new double[]{0}));
        PolicyArchive a = PolicyArchive.read(p);
        assertEquals("constant", a.kind());
        assertEquals("test", a.libraryVersion());
        assertFalse(Files.list(dir).anyMatch(f -> f.toString().endsWith(".tmp")), "no temp file left behind");
    }

    @Test
    void corruptedZipIsReportedAsCorrupted() throws IOException {
        Path p = writeConstant("c.zip");
        byte[] bytes = Files.readAllBytes(p);
        // flip bytes inside the compressed data of the large entry (after the local headers)
        for (int i = bytes.length / 2; i < bytes.length / 2 + 8; i++) bytes[i] ^= 0x5A;
        Files.write(p, bytes);
        var e = assertThrows(InvalidPolicyFileException.class, () -> Policies.load(p));
        assertTrue(e.getMessage().contains("corrupted") || e.getMessage().contains("not a readable zip"), e.getMessage());

        Path truncated = writeConstant("t.zip");
        byte[] t = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(t, t.length / 2));
        e = assertThrows(InvalidPolicyFileException.class, () -> Policies.load(truncated));
        assertTrue(e.getMessage().contains("not a readable zip"), e.getMessage());

        Path text = dir.resolve("notes.zip");
        Files.writeString(text, "hello, not a zip");
        e = assertThrows(InvalidPolicyFileException.class, () -> Policies.load(text));
        assertTrue(e.getMessage().contains("not a readable zip"), e.getMessage());
    }

    @Test
    void foreignZipsAreRejectedNamingWhatIsMissing() throws IOException {
        Path foreign = dir.resolve("foreign.zip");
        try (OutputStream os = Files.newOutputStream(foreign); ZipOutputStream z = new ZipOutputStream(os)) {
            z.putNextEntry(new ZipEntry("model.pt"));
            z.write(new byte[]{1, 2, 3});
            z.closeEntry();
        }
        var e = assertThrows(InvalidPolicyFileException.class, () -> Policies.load(foreign));
        assertTrue(e.getMessage().contains("not an il4j policy") && e.getMessage().contains("model.pt"), e.getMessage());

        Path otherFormat = dir.resolve("other.zip");
        try (OutputStream os = Files.newOutputStream(otherFormat); ZipOutputStream z = new ZipOutputStream(os)) {
            z.putNextEntry(new ZipEntry(PolicyArchive.MANIFEST));
            z.write("{\"format\":\"something-else\"}".getBytes());
            z.closeEntry();
        }
        e = assertThrows(InvalidPolicyFileException.class, () -> Policies.load(otherFormat));
        assertTrue(e.getMessage().contains("does not declare format"), e.getMessage());

        Path unknownKind = dir.resolve("u.zip");
        PolicyArchive.writer("hovercraft", "test").writeTo(unknownKind);
        e = assertThrows(InvalidPolicyFileException.class, () -> Policies.load(unknownKind));
        assertTrue(e.getMessage().contains("'hovercraft'") && e.getMessage().contains("constant"), e.getMessage());

        Path missingEntry = dir.resolve("m.zip");
        PolicyArchive.writer("constant", "test").writeTo(missingEntry);
        e = assertThrows(InvalidPolicyFileException.class, () -> Policies.load(missingEntry));
        assertTrue(e.getMessage().contains("lacks entry 'value.txt'"), e.getMessage());

        assertThrows(java.nio.file.NoSuchFileException.class, () -> Policies.load(dir.resolve("absent.zip")));
        var d = assertThrows(java.nio.file.FileSystemException.class, () -> Policies.load(dir));
        assertTrue(d.getMessage().contains("is a directory; expected a policy file"), d.getMessage());
    }

    @Test
    void anEntryListedInTheManifestButRemovedIsNamed() throws IOException {
        Path p = writeConstant("c.zip");
        try (var fs = java.nio.file.FileSystems.newFileSystem(p)) {
            Files.delete(fs.getPath("padding.txt"));
        }
        var e = assertThrows(InvalidPolicyFileException.class, () -> Policies.load(p));
        assertTrue(e.getMessage().contains("entry 'padding.txt' is listed in the manifest but missing"), e.getMessage());
    }
}
