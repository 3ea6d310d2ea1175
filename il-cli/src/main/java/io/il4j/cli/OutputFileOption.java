package io.il4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks of a command's output-file option, shared by the commands that write one file. */
final class OutputFileOption {
    private OutputFileOption() {
    }

    /** Refuses a directory given where a file is to be written (before any work is done). */
    static void requireNotDirectory(Path out) {
        if (Files.isDirectory(out)) throw new IllegalArgumentException("--out " + out + " is a directory; give a file name");
    }
}
