package io.il4j.core.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.il4j.core.space.ActionSpace;
import io.il4j.core.space.Box;
import io.il4j.core.space.Discrete;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one JSON form of a {@link DatasetSpec}, used by NPZ datasets ({@code spec_json}) and policy files
 * ({@code spec.json}) alike:
 * <pre>
 * {"format": "il4j-dataset", "version": 1, "observation_names": [...],
 *  "action_space": {"type": "box", "low": [...], "high": [...]}  or  {"type": "discrete", "n": 4},
 *  "action_names": [...], "goal_names": [...], "has_rewards": true}
 * </pre>
 * Infinite bounds are the strings {@code "Infinity"}/{@code "-Infinity"} (JSON has no such numbers; Python's
 * {@code float()} parses both). {@link #decode} also reads the camelCase form without format and version
 * ({@code observationNames}, {@code actionSpace}, bounds {@code "inf"}) that policy files written before
 * this format was shared hold. Stateless; thread-safe.
 */
public final class DatasetSpecJson {
    public static final String FORMAT = "il4j-dataset";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private DatasetSpecJson() {
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

    /** Parses JSON text; a malformed spec gives an {@link IllegalArgumentException} naming the field. */
    public static DatasetSpec decode(byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        return decode(root);
    }

    /** Parses a JSON tree (either form, see the class comment); errors name the field. */
    public static DatasetSpec decode(JsonNode root) {
        if (root == null || !root.isObject()) throw new IllegalArgumentException("is not a JSON object");
        boolean legacy = !root.has("format") && root.has("actionSpace");
        if (!legacy) {
            if (!FORMAT.equals(root.path("format").asText()))
                throw new IllegalArgumentException("has format '" + root.path("format").asText() + "'; expected '" + FORMAT + "'");
            if (root.path("version").asInt(-1) != VERSION)
                throw new IllegalArgumentException("has version " + root.path("version") + "; expected " + VERSION);
        }
        String spaceKey = legacy ? "actionSpace" : "action_space";
        JsonNode space = root.path(spaceKey);
        ActionSpace actionSpace = switch (space.path("type").asText()) {
            case "discrete" -> new Discrete(space.path("n").asInt(-1));
            case "box" -> new Box(numbers(space.path("low"), spaceKey + ".low"), numbers(space.path("high"), spaceKey + ".high"));
            default -> throw new IllegalArgumentException("has " + spaceKey + ".type '" + space.path("type").asText()
                    + "'; expected 'box' or 'discrete'");
        };
        return new DatasetSpec(strings(root, legacy ? "observationNames" : "observation_names"), actionSpace,
                strings(root, legacy ? "actionNames" : "action_names"), strings(root, legacy ? "goalNames" : "goal_names"),
                root.path(legacy ? "hasRewards" : "has_rewards").asBoolean());
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

    private static List<String> strings(JsonNode root, String key) {
        JsonNode a = root.path(key);
        if (!a.isArray()) throw new IllegalArgumentException("lacks the string array '" + key + "'");
        List<String> out = new ArrayList<>();
        a.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static double[] numbers(JsonNode a, String key) {
        if (!a.isArray()) throw new IllegalArgumentException("lacks the number array '" + key + "'");
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode n = a.get(i);
            if (n.isNumber()) out[i] = n.asDouble();
            else if (n.isTextual() && n.asText().matches("[+-]?(Infinity|inf)")) out[i] = n.asText().contains("-")
                    ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            else throw new IllegalArgumentException("has " + key + "[" + i + "] = " + n + "; expected a number or \"Infinity\"/\"-Infinity\"");
        }
        return out;
    }
}
