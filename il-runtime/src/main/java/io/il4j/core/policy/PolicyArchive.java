package io.il4j.core.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.il4j.core.io.InputFiles;
import io.il4j.core.report.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The container of a policy file: a zip whose {@value #MANIFEST} names the format, its version and
 * the policy kind, plus named entries (network, normalizers, spec, config, provenance) that the
 * kind's {@link PolicyFileReader} interprets. The manifest also holds the SHA-256 of every other entry
 * ({@value #HASHES}): a zip's CRC only catches accidental damage, while a file whose weights were altered and
 * re-zipped keeps valid CRCs. Reading checks that the file is a zip with intact entries (CRC), an il4j manifest
 * and, when the manifest lists hashes, that every entry matches its hash and no entry is unlisted, so corrupted,
 * altered and foreign files fail with a message naming the file and the entry. Files written before hashes
 * existed (no {@value #HASHES} in the manifest) still load. Immutable after reading; thread-safe.
 */
public final class PolicyArchive {

    public static final String MANIFEST = "manifest.json";
    public static final String FORMAT = "il4j-policy";
    public static final int FORMAT_VERSION = 1;
    /** The manifest field mapping each entry name to the lowercase hex SHA-256 of its bytes. */
    public static final String HASHES = "sha256";
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
        InputFiles.requireRegularFile(path, "policy file");
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
        if (m.has(HASHES)) verifyHashes(path, m.get(HASHES), entries);
        return new PolicyArchive(path, kind, m.path("libraryVersion").asText("unknown"), entries);
    }

    private static void verifyHashes(Path path, JsonNode hashes, Map<String, byte[]> entries) throws InvalidPolicyFileException {
        if (!hashes.isObject())
            throw new InvalidPolicyFileException(path + ": " + MANIFEST + " field '" + HASHES + "' is not an object of entry hashes");
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (e.getKey().equals(MANIFEST)) continue;
            JsonNode expected = hashes.get(e.getKey());
            if (expected == null)
                throw new InvalidPolicyFileException(path + ": entry '" + e.getKey() + "' is not listed in the manifest's hashes; "
                        + "the file was altered after il4j wrote it");
            if (!expected.asText().equalsIgnoreCase(sha256(e.getValue())))
                throw new InvalidPolicyFileException(path + ": entry '" + e.getKey() + "' does not match its SHA-256 in the manifest; "
                        + "the file was altered or damaged after il4j wrote it");
        }
        for (var it = hashes.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!entries.containsKey(name))
                throw new InvalidPolicyFileException(path + ": entry '" + name + "' is listed in the manifest but missing from the file");
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
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
        private final String kind;
        private final String libraryVersion;

        private Writer(String kind, String libraryVersion) {
            if (kind == null || kind.isBlank()) throw new IllegalArgumentException("policy kind must not be blank");
            this.kind = kind;
            this.libraryVersion = libraryVersion;
        }

        private byte[] manifest() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("format", FORMAT);
            m.put("formatVersion", FORMAT_VERSION);
            m.put("kind", kind);
            m.put("libraryVersion", libraryVersion);
            Map<String, String> hashes = new LinkedHashMap<>();
            for (Map.Entry<String, byte[]> e : entries.entrySet()) hashes.put(e.getKey(), sha256(e.getValue()));
            m.put(HASHES, hashes);
            try {
                return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m);
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
            byte[] manifest = manifest();
            AtomicFiles.write(path, out -> {
                ZipOutputStream zip = new ZipOutputStream(out);
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(manifest);
                zip.closeEntry();
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
