package io.il4j.core.io.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.il4j.core.data.DatasetSpec;
import io.il4j.core.io.DatasetFormatException;
import io.il4j.core.space.ActionSpace;
import io.il4j.core.space.Box;
import io.il4j.core.space.Discrete;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link DatasetSpec} as JSON (the {@code spec_json} entry of our NPZ files):
 * <pre>
 * {"format": "il4j-dataset", "version": 1, "observation_names": [...],
 *  "action_space": {"type": "box", "low": [...], "high": [...]}  or  {"type": "discrete", "n": 4},
 *  "action_names": [...], "goal_names": [...], "has_rewards": true}
 * </pre>
 * Infinite bounds are written as the strings {@code "Infinity"}/{@code "-Infinity"} (JSON has no such numbers;
 * Python's {@code float()} parses both). Stateless; thread-safe.
 */
public final class SpecJson {
    public static final String FORMAT = "il4j-dataset";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SpecJson() {
    }

    public static byte[] encode(DatasetSpec spec) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        strings(root.putArray("observation_names"), spec.observationNames());
        ObjectNode space = root.putObject("action_space");
        if (spec.actionSpace() instanceof Discrete d) {
            space.put("type", "discrete");
            space.put("n", d.n());
        } else {
            Box b = (Box) spec.actionSpace();
            space.put("type", "box");
            bounds(space.putArray("low"), b.low());
            bounds(space.putArray("high"), b.high());
        }
        strings(root.putArray("action_names"), spec.actionNames());
        strings(root.putArray("goal_names"), spec.goalNames());
        root.put("has_rewards", spec.hasRewards());
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize " + spec, e);
        }
    }

    /** Parses {@code bytes}; errors name {@code file} and the entry {@code spec_json}. */
    public static DatasetSpec decode(byte[] bytes, Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw error(file, "is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) throw error(file, "is not a JSON object");
        if (!FORMAT.equals(root.path("format").asText()))
            throw error(file, "has format '" + root.path("format").asText() + "'; expected '" + FORMAT + "'");
        if (root.path("version").asInt(-1) != VERSION)
            throw error(file, "has version " + root.path("version") + "; expected " + VERSION);
        JsonNode space = root.path("action_space");
        ActionSpace actionSpace;
        try {
            actionSpace = switch (space.path("type").asText()) {
                case "discrete" -> new Discrete(space.path("n").asInt(-1));
                case "box" -> new Box(numbers(file, space.path("low"), "action_space.low"),
                        numbers(file, space.path("high"), "action_space.high"));
                default -> throw error(file, "has action_space.type '" + space.path("type").asText()
                        + "'; expected 'box' or 'discrete'");
            };
            return new DatasetSpec(strings(file, root, "observation_names"), actionSpace, strings(file, root, "action_names"),
                    strings(file, root, "goal_names"), root.path("has_rewards").asBoolean());
        } catch (DatasetFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw error(file, "describes an invalid spec: " + e.getMessage());
        }
    }

    private static void strings(ArrayNode out, List<String> values) {
        values.forEach(out::add);
    }

    private static void bounds(ArrayNode out, double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) out.add(v);
            else out.add(v > 0 ? "Infinity" : "-Infinity");
        }
    }

    private static List<String> strings(Path file, JsonNode root, String key) {
        JsonNode a = root.path(key);
        if (!a.isArray()) throw error(file, "lacks the string array '" + key + "'");
        List<String> out = new ArrayList<>();
        a.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static double[] numbers(Path file, JsonNode a, String key) {
        if (!a.isArray()) throw error(file, "lacks the number array '" + key + "'");
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode n = a.get(i);
            if (n.isNumber()) out[i] = n.asDouble();
            else if (n.isTextual() && n.asText().matches("[+-]?(Infinity|inf)")) out[i] = n.asText().contains("-")
                    ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            else throw error(file, "has " + key + "[" + i + "] = " + n + "; expected a number or \"Infinity\"/\"-Infinity\"");
        }
        return out;
    }

    private static DatasetFormatException error(Path file, String problem) {
        return DatasetFormatException.inFile(file, "entry 'spec_json' " + problem);
    }
}
