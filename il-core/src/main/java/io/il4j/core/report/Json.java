package io.il4j.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The one JSON configuration of il4j: pretty-printed, records supported, map keys sorted so files diff
 * cleanly, unknown properties rejected on read (a misspelt config key is an error, not a silent default).
 * Non-finite doubles are written as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}
 * (strict JSON has no such numbers) and read back as doubles. Writes are atomic. Thread-safe (the mapper
 * is configured once and never changed). Paths are written as {@link Path#toString()}, relative ones
 * staying relative.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            // paths as the user gave them ("runs/quickstart"), not Jackson's default absolute file:// URI
            .addModule(new com.fasterxml.jackson.databind.module.SimpleModule("il4j-paths")
                    .addSerializer(Path.class, new com.fasterxml.jackson.databind.ser.std.ToStringSerializerBase(Path.class) {
                        @Override
                        public String valueToString(Object value) {
                            return value.toString();
                        }
                    }))
            .build();

    private Json() {
    }

    /** The shared mapper; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String toString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize " + value.getClass().getName() + " to JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes {@code value} as pretty JSON to {@code file}, atomically, ending with a newline. */
    public static void write(Path file, Object value) throws IOException {
        AtomicFiles.writeString(file, toString(value) + "\n");
    }

    public static <T> T read(Path file, Class<T> type) throws IOException {
        return MAPPER.readValue(file.toFile(), type);
    }

    public static JsonNode readTree(Path file) throws IOException {
        return MAPPER.readTree(file.toFile());
    }

    public static <T> T fromString(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON for " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Converts a value to a tree (e.g. to embed a config record in a larger document). */
    public static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }
}
