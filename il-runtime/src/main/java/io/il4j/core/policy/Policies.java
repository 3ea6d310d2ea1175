package io.il4j.core.policy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Entry point for policy files:
 * <pre>
 * Policy policy = Policies.load(Path.of("policy.zip"));
 * double[] action = policy.act(observation);
 * </pre>
 * The file's kind (e.g. {@code "bc"}) selects a {@link PolicyFileReader} registered by the module that
 * wrote it (il-bc for BC and GCBC policies), which must be on the classpath. Thread-safe.
 */
public final class Policies {

    private Policies() {
    }

    /**
     * Loads a policy file. A file that is not a zip, is corrupted, is not an il4j policy, or whose kind
     * has no reader on the classpath gives an {@link InvalidPolicyFileException} saying which.
     */
    public static Policy load(Path path) throws IOException {
        PolicyArchive archive = PolicyArchive.read(path);
        List<String> known = new ArrayList<>();
        for (PolicyFileReader r : ServiceLoader.load(PolicyFileReader.class, Policies.class.getClassLoader())) {
            if (r.kind().equals(archive.kind())) return r.read(archive);
            known.add(r.kind());
        }
        throw new InvalidPolicyFileException(path + " holds a '" + archive.kind() + "' policy but no reader for that kind is on the "
                + "classpath (readers found: " + known + "); add the il4j module that wrote it (e.g. il-bc for 'bc')");
    }
}
