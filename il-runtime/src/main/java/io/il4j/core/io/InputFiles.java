package io.il4j.core.io;

import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Checks a path that must name an existing regular file before it is opened, so that a directory given where a
 * file is expected is reported as a directory (the JDK's own errors say "no such file" or "Is a directory" in
 * varying forms). Stateless; thread-safe.
 */
public final class InputFiles {

    private InputFiles() {
    }

    /**
     * Throws {@link NoSuchFileException} when {@code path} does not exist and {@link FileSystemException} when it is
     * a directory or another non-regular file; {@code role} (e.g. "policy file") names what was expected.
     */
    public static void requireRegularFile(Path path, String role) throws FileSystemException {
        if (Files.isRegularFile(path)) return;
        rejectDirectory(path, role);
        if (!Files.exists(path)) throw new NoSuchFileException(path.toString(), null, role + " does not exist");
        throw new FileSystemException(path.toString(), null, "is not a regular file; expected a " + role);
    }

    /** Throws {@link FileSystemException} when {@code path} is a directory (checked before anything else about it). */
    public static void rejectDirectory(Path path, String role) throws FileSystemException {
        if (Files.isDirectory(path))
            throw new FileSystemException(path.toString(), null, "is a directory; expected a " + role);
    }
}
