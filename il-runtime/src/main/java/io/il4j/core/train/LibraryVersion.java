package io.il4j.core.train;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The il4j version, from the build-filtered {@code version.properties} ("unknown" when absent). */
public final class LibraryVersion {
    private static final String VERSION = load();

    private LibraryVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = LibraryVersion.class.getResourceAsStream("/io/il4j/core/version.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
