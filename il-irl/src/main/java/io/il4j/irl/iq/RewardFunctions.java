package io.il4j.irl.iq;

import com.fasterxml.jackson.databind.JsonNode;
import io.il4j.core.data.Normalizer;
import io.il4j.core.nn.MlpWeights;
import io.il4j.core.policy.InvalidPolicyFileException;
import io.il4j.core.policy.PolicyArchive;
import io.il4j.core.report.Json;
import io.il4j.core.train.LibraryVersion;
import io.il4j.core.train.Provenance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Loads reward files written by {@link RewardFunction#save}: zip archives of kind {@value #KIND}. */
public final class RewardFunctions {
    public static final String KIND = "reward";

    private RewardFunctions() {
    }

    /**
     * A reward archive of {@code type} with the fields every reward file holds (soft-Q constants, the absorbing state's
     * reward, observation normalizer, provenance); the caller adds its networks and writes it.
     */
    static PolicyArchive.Writer writer(String type, double gamma, double temperature, double absorbingReward, Map<String, Object> extra,
                                       Normalizer observations, Provenance provenance) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("type", type);
        meta.put("gamma", gamma);
        meta.put("temperature", temperature);
        meta.put("absorbingReward", absorbingReward);
        meta.putAll(extra);
        return PolicyArchive.writer(KIND, LibraryVersion.get())
                .putText("reward.json", Json.toString(meta))
                .putText("normalizer.json", observations.toJson())
                .putText("provenance.json", Json.toString(provenance));
    }

    /** The file's absorbing-state reward; files written before it was recorded fixed the terminal value at 0. */
    static double absorbingReward(JsonNode meta) {
        return meta.path("absorbingReward").asDouble(0);
    }

    /**
     * A soft-Q reward {@code Q(s,a) - gamma V(s')}; after a termination {@code V(s')} is the absorbing state's value
     * {@code rho / (1 - gamma)} (0 for a model without absorbing states).
     */
    static double softQReward(double q, double gamma, double absorbingReward, boolean terminal, java.util.function.DoubleSupplier nextValue) {
        return q - gamma * (terminal ? absorbingReward / (1 - gamma) : nextValue.getAsDouble());
    }

    /** Reads a reward file; {@link InvalidPolicyFileException} (an IOException) names the file and what is wrong. */
    public static RewardFunction load(Path path) throws IOException {
        PolicyArchive archive = PolicyArchive.read(path);
        if (!KIND.equals(archive.kind()))
            throw new InvalidPolicyFileException(path + ": a " + archive.kind() + " file, not a reward file (kind '" + KIND + "')");
        JsonNode meta = archive.json("reward.json");
        String type = meta.path("type").asText();
        Provenance provenance = Json.fromString(archive.text("provenance.json"), Provenance.class);
        Normalizer normalizer = Normalizer.fromJson(archive.text("normalizer.json"));
        return switch (type) {
            case DiscreteSoftQReward.TYPE -> {
                MlpWeights q = MlpWeights.fromBytes(archive.entry("q.bin"));
                MlpWeights valueQ = archive.has(DiscreteSoftQReward.VALUE_Q) ? MlpWeights.fromBytes(archive.entry(DiscreteSoftQReward.VALUE_Q)) : q;
                yield new DiscreteSoftQReward(q, valueQ, normalizer, meta.path("gamma").asDouble(), meta.path("temperature").asDouble(),
                        absorbingReward(meta), provenance);
            }
            case ContinuousSoftQReward.TYPE -> ContinuousSoftQReward.read(archive, meta, normalizer, provenance);
            default -> throw new InvalidPolicyFileException(path + ": unknown reward type '" + type + "'");
        };
    }
}
