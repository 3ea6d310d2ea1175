package io.il4j.bc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.il4j.core.data.DatasetSpec;
import io.il4j.core.space.ActionSpace;
import io.il4j.core.space.Box;
import io.il4j.core.space.Discrete;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link DatasetSpec} to and from JSON. Infinite box bounds are written as the strings
 * {@code "inf"}/{@code "-inf"} (JSON has no infinity).
 */
public final class SpecJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SpecJson() {
    }

    public static String write(DatasetSpec spec) {
        ObjectNode o = JSON.createObjectNode();
        strings(o.putArray("observationNames"), spec.observationNames());
        ObjectNode space = o.putObject("actionSpace");
        if (spec.actionSpace() instanceof Discrete d) {
            space.put("type", "discrete").put("n", d.n());
        } else {
            Box b = (Box) spec.actionSpace();
            space.put("type", "box");
            ArrayNode lo = space.putArray("low"), hi = space.putArray("high");
            for (int i = 0; i < b.dim(); i++) {
                bound(lo, b.low(i));
                bound(hi, b.high(i));
            }
        }
        strings(o.putArray("actionNames"), spec.actionNames());
        strings(o.putArray("goalNames"), spec.goalNames());
        o.put("hasRewards", spec.hasRewards());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses {@link #write} output; a malformed spec gives an IllegalArgumentException naming the field. */
    public static DatasetSpec read(JsonNode o) {
        JsonNode space = o.path("actionSpace");
        ActionSpace as = switch (space.path("type").asText("")) {
            case "discrete" -> new Discrete(space.path("n").asInt(0));
            case "box" -> {
                JsonNode lo = space.path("low"), hi = space.path("high");
                if (!lo.isArray() || !hi.isArray()) throw new IllegalArgumentException("spec: box action space lacks low/high arrays");
                double[] l = new double[lo.size()], h = new double[hi.size()];
                for (int i = 0; i < l.length; i++) l[i] = bound(lo.get(i));
                for (int i = 0; i < h.length; i++) h[i] = bound(hi.get(i));
                yield new Box(l, h);
            }
            default -> throw new IllegalArgumentException("spec: actionSpace.type must be 'box' or 'discrete', got '"
                    + space.path("type").asText("") + "'");
        };
        return new DatasetSpec(strings(o, "observationNames"), as, strings(o, "actionNames"), strings(o, "goalNames"),
                o.path("hasRewards").asBoolean(false));
    }

    private static void bound(ArrayNode a, double v) {
        if (v == Double.POSITIVE_INFINITY) a.add("inf");
        else if (v == Double.NEGATIVE_INFINITY) a.add("-inf");
        else a.add(v);
    }

    private static double bound(JsonNode n) {
        if (n.isNumber()) return n.asDouble();
        return switch (n.asText()) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> throw new IllegalArgumentException("spec: box bound '" + n + "' is not a number, 'inf' or '-inf'");
        };
    }

    private static void strings(ArrayNode a, List<String> values) {
        for (String s : values) a.add(s);
    }

    private static List<String> strings(JsonNode o, String field) {
        JsonNode a = o.path(field);
        if (!a.isArray()) throw new IllegalArgumentException("spec: field '" + field + "' must be an array of names");
        List<String> l = new ArrayList<>();
        for (JsonNode n : a) l.add(n.asText());
        return l;
    }
}
