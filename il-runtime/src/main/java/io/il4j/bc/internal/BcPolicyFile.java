package io.il4j.bc.internal;

import io.il4j.core.data.DatasetSpecJson;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.il4j.bc.BcConfig;
import io.il4j.bc.BcNormalizers;
import io.il4j.bc.BcPolicy;
import io.il4j.core.train.LibraryVersion;
import io.il4j.core.train.Provenance;
import io.il4j.core.data.DatasetSpec;
import io.il4j.core.data.Normalizer;
import io.il4j.core.nn.MlpWeights;
import io.il4j.core.policy.InvalidPolicyFileException;
import io.il4j.core.policy.PolicyArchive;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The entries of a {@code "bc"} policy file: {@code network.bin} ({@link MlpWeights}),
 * {@code normalizers.json}, {@code spec.json}, {@code config.json} ({@link BcConfig}) and
 * {@code provenance.json} ({@link Provenance}).
 */
public final class BcPolicyFile {
    public static final String KIND = "bc";
    static final String NETWORK = "network.bin", NORMALIZERS = "normalizers.json", SPEC = "spec.json",
            CONFIG = "config.json", PROVENANCE = "provenance.json";
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** What a file holds. */
    public record Contents(BcPolicy policy, Provenance provenance) {
    }

    private BcPolicyFile() {
    }

    public static void write(BcPolicy policy, Provenance provenance, Path path) throws IOException {
        BcNormalizers n = policy.normalizers();
        ObjectNode norms = JSON.createObjectNode();
        norms.set("observation", JSON.readTree(n.observation().toJson()));
        norms.set("goal", n.goal() == null ? null : JSON.readTree(n.goal().toJson()));
        norms.set("action", n.action() == null ? null : JSON.readTree(n.action().toJson()));
        PolicyArchive.writer(KIND, LibraryVersion.get())
                .put(NETWORK, policy.weights().toBytes())
                .putText(NORMALIZERS, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(norms))
                .putText(SPEC, new String(DatasetSpecJson.encode(policy.spec()), java.nio.charset.StandardCharsets.UTF_8))
                .putText(CONFIG, policy.config().toJson())
                .putText(PROVENANCE, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(provenance))
                .writeTo(path);
    }

    public static Contents read(PolicyArchive a) throws IOException {
        MlpWeights weights;
        try {
            weights = MlpWeights.fromBytes(a.entry(NETWORK));
        } catch (InvalidPolicyFileException e) {
            throw e;
        } catch (IOException e) {
            throw new InvalidPolicyFileException(a.source() + ": entry '" + NETWORK + "' is not a valid network: " + e.getMessage(), e);
        }
        JsonNode nj = a.json(NORMALIZERS);
        BcConfig config;
        DatasetSpec spec;
        BcNormalizers norms;
        try {
            config = BcConfig.fromJson(a.text(CONFIG));
        } catch (IllegalArgumentException e) {
            throw new InvalidPolicyFileException(a.source() + ": entry '" + CONFIG + "': " + e.getMessage(), e);
        }
        try {
            spec = DatasetSpecJson.decode(a.json(SPEC));
        } catch (IllegalArgumentException e) {
            throw new InvalidPolicyFileException(a.source() + ": entry '" + SPEC + "': " + e.getMessage(), e);
        }
        try {
            norms = new BcNormalizers(normalizer(nj, "observation"), normalizer(nj, "goal"), normalizer(nj, "action"));
        } catch (IllegalArgumentException e) {
            throw new InvalidPolicyFileException(a.source() + ": entry '" + NORMALIZERS + "': " + e.getMessage(), e);
        }
        BcPolicy policy;
        try {
            policy = new BcPolicy(weights, config, spec, norms);
        } catch (IllegalArgumentException e) {
            throw new InvalidPolicyFileException(a.source() + ": the parts of the policy do not fit together: " + e.getMessage(), e);
        }
        Provenance prov = null;
        if (a.has(PROVENANCE)) {
            try {
                prov = JSON.treeToValue(a.json(PROVENANCE), Provenance.class);
            } catch (IOException | IllegalArgumentException e) {
                throw new InvalidPolicyFileException(a.source() + ": entry '" + PROVENANCE + "' is malformed: " + e.getMessage(), e);
            }
        }
        return new Contents(policy, prov);
    }

    private static Normalizer normalizer(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            if (field.equals("observation")) throw new IllegalArgumentException("the observation normalizer is missing");
            return null;
        }
        return Normalizer.fromJson(n.toString());
    }
}
