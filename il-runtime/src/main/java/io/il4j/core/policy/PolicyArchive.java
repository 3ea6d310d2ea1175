package io.il4j.core.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.il4j.core.report.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The container of a policy file: a zip whose {@value #MANIFEST} names the format, its version and
 * the policy kind, plus named entries (network, normalizers, spec, config, provenance) that the
 * kind's {@link PolicyFileReader} interprets. Reading checks that the file is a zip with intact
 * entries (CRC) and an il4j manifest, so corrupted and foreign files fail with a message saying so.
 * Immutable after reading; thread-safe.
 */
public final class PolicyArchive {

    public static final String MANIFEST = "manifest.json";
    public static final String FORMAT = "il4j-policy";
    public static final int FORMAT_VERSION = 1;
    private static final long MAX_TOTAL_BYTES = 1L << 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path source;
    private final String kind;
    private final String libraryVersion;
    private final Map<String, byte[]> entries;

    private PolicyArchive(Path source, String kind, String libraryVersion, Map<String, byte[]> entries) {
        this.source = source;
        this.kind = kind;
        this.libraryVersion = libraryVersion;
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** Reads and checks a policy file. */
    public static PolicyArchive read(Path path) throws IOException {
        if (!Files.exists(path)) throw new NoSuchFileException(path.toString(), null, "policy file does not exist");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(path.toFile())) {
            long total = 0;
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                if (e.isDirectory()) continue;
                try (InputStream in = zip.getInputStream(e)) {
                    byte[] bytes = in.readAllBytes();
                    total += bytes.length;
                    if (total > MAX_TOTAL_BYTES)
                        throw new InvalidPolicyFileException(path + ": entries exceed " + MAX_TOTAL_BYTES + " bytes; not a policy file");
                    entries.put(e.getName(), bytes);
                } catch (ZipException ex) {
                    throw new InvalidPolicyFileException(path + ": entry '" + e.getName() + "' is corrupted (" + ex.getMessage() + ")", ex);
                }
            }
        } catch (ZipException ex) {
            throw new InvalidPolicyFileException(path + " is not a readable zip archive (" + ex.getMessage()
                    + "); a policy file is the zip written by il4j", ex);
        }
        byte[] manifest = entries.get(MANIFEST);
        if (manifest == null)
            throw new InvalidPolicyFileException(path + " is a zip but not an il4j policy: it has no " + MANIFEST
                    + " (entries: " + entries.keySet() + ")");
        JsonNode m;
        try {
            m = JSON.readTree(manifest);
        } catch (JsonProcessingException ex) {
            throw new InvalidPolicyFileException(path + ": " + MANIFEST + " is not valid JSON (" + ex.getOriginalMessage() + ")", ex);
        }
        if (m == null || !FORMAT.equals(m.path("format").asText(null)))
            throw new InvalidPolicyFileException(path + ": " + MANIFEST + " does not declare format '" + FORMAT + "'; not an il4j policy");
        int version = m.path("formatVersion").asInt(-1);
        if (version < 1 || version > FORMAT_VERSION)
            throw new InvalidPolicyFileException(path + ": policy format version " + m.path("formatVersion") + ", written by il4j "
                    + m.path("libraryVersion").asText("(unknown version)") + ", is not supported by this il4j " + io.il4j.core.train.LibraryVersion.get()
                    + " (reads format versions 1.." + FORMAT_VERSION + "); load it with il4j " + m.path("libraryVersion").asText("of that version")
                    + " or later");
        String kind = m.path("kind").asText("");
        if (kind.isEmpty()) throw new InvalidPolicyFileException(path + ": " + MANIFEST + " names no policy kind");
        return new PolicyArchive(path, kind, m.path("libraryVersion").asText("unknown"), entries);
    }

    public Path source() {
        return source;
    }

    /** The policy kind named in the manifest, e.g. {@code "bc"}. */
    public String kind() {
        return kind;
    }

    /** The il4j version that wrote the file. */
    public String libraryVersion() {
        return libraryVersion;
    }

    public boolean has(String name) {
        return entries.containsKey(name);
    }

    /** The bytes of a required entry. */
    public byte[] entry(String name) throws InvalidPolicyFileException {
        byte[] b = entries.get(name);
        if (b == null)
            throw new InvalidPolicyFileException(source + ": the " + kind + " policy lacks entry '" + name + "' (entries: "
                    + entries.keySet() + ")");
        return b;
    }

    /** A required entry as UTF-8 text. */
    public String text(String name) throws InvalidPolicyFileException {
        return new String(entry(name), StandardCharsets.UTF_8);
    }

    /** A required entry parsed as JSON. */
    public JsonNode json(String name) throws InvalidPolicyFileException {
        try {
            return JSON.readTree(entry(name));
        } catch (IOException ex) {
            throw new InvalidPolicyFileException(source + ": entry '" + name + "' is not valid JSON", ex);
        }
    }

    public static Writer writer(String kind, String libraryVersion) {
        return new Writer(kind, libraryVersion);
    }

    /** Collects entries and writes them atomically (temp file, then move). Not thread-safe. */
    public static final class Writer {
        private final Map<String, byte[]> entries = new LinkedHashMap<>();

        private Writer(String kind, String libraryVersion) {
            if (kind == null || kind.isBlank()) throw new IllegalArgumentException("policy kind must not be blank");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("format", FORMAT);
            m.put("formatVersion", FORMAT_VERSION);
            m.put("kind", kind);
            m.put("libraryVersion", libraryVersion);
            try {
                entries.put(MANIFEST, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        public Writer put(String name, byte[] bytes) {
            if (MANIFEST.equals(name)) throw new IllegalArgumentException(MANIFEST + " is written by the archive itself");
            entries.put(name, bytes.clone());
            return this;
        }

        public Writer putText(String name, String text) {
            return put(name, text.getBytes(StandardCharsets.UTF_8));
        }

        /** Writes the zip to {@code path} via {@link AtomicFiles}: a reader never sees a half-written file. */
        public void writeTo(Path path) throws IOException {
            AtomicFiles.write(path, out -> {
                ZipOutputStream zip = new ZipOutputStream(out);
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
                zip.finish(); // not close(): AtomicFiles owns the stream
            });
        }
    }
}
