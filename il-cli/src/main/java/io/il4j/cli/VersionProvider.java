package io.il4j.cli;

import picocli.CommandLine;

/** Reports the il4j version from the jar manifest (or "development build" when run from classes). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[]{"il4j " + (v == null ? "development build" : v),
                "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name") + " " + System.getProperty("os.arch")};
    }
}
