package io.il4j.dagger.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.il4j.core.report.Json;

import java.io.UncheckedIOException;

/** JSON helpers for configuration records, on top of il4j's shared {@link Json} mapper. */
public final class Configs {
    private Configs() {
    }

    /** Parses a configuration record; a value its constructor rejects comes out as that IllegalArgumentException. */
    public static <T> T parse(String json, Class<T> type) {
        try {
            return Json.fromString(json, type);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof ValueInstantiationException v && v.getCause() instanceof IllegalArgumentException inner)
                throw inner;
            throw e;
        }
    }

    /**
     * The JSON tree of {@code value} as it reads back from text, so it compares equal to a tree read from a
     * file ({@code valueToTree} keeps a {@code long} 0 as a LongNode, never equal to the IntNode 0 parsed back).
     */
    public static JsonNode tree(Object value) {
        try {
            return Json.mapper().readTree(Json.toString(value));
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
