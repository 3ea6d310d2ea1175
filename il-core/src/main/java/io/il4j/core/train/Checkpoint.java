package io.il4j.core.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.il4j.core.data.MinibatchSampler;
import io.il4j.core.io.InputFiles;
import io.il4j.core.nn.Adam;
import io.il4j.core.nn.MlpWeights;
import io.il4j.core.report.AtomicFiles;
import io.il4j.core.report.Json;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Everything a trainer needs to continue a run exactly where it stopped: the gradient steps taken, the networks
 * (as {@link MlpWeights}), the optimizers' moments ({@link Adam.State}), the samplers' positions
 * ({@link MinibatchSampler.State}), the learning curve so far, and the trainer's own loop state (best validation
 * loss, early-stopping counters, ...) as JSON. {@code config} and {@code datasetHash} identify what was being
 * trained, so that a resume with another configuration or other data is refused ({@link #requireSameRun}).
 *
 * <p>File: a zip written atomically (temporary file, then move: an interrupted write leaves the previous checkpoint),
 * holding {@value #STATE} and one entry per network ({@code network-<name>.bin}) and optimizer
 * ({@code adam-<name>.bin}). Immutable apart from the arrays it carries; not meant to be shared while a trainer
 * still uses them (trainers hand in copies).
 *
 * @param trainer     the trainer that wrote it, e.g. {@code "bc"}
 * @param step        gradient steps taken
 * @param config      the trainer's configuration as JSON (compared on resume)
 * @param datasetHash {@link io.il4j.core.data.Dataset#contentHash()} of the training data (compared on resume)
 * @param networks    weights by name (e.g. {@code "policy"}, {@code "best"}, {@code "critic1"})
 * @param optimizers  Adam states by name
 * @param samplers    sampler positions by name
 * @param curve       the learning curve up to {@code step}
 * @param loop        the trainer's own state, JSON it reads back itself
 */
public record Checkpoint(String trainer, int step, JsonNode config, String datasetHash, Map<String, MlpWeights> networks,
                         Map<String, Adam.State> optimizers, Map<String, MinibatchSampler.State> samplers,
                         List<LearningCurvePoint> curve, JsonNode loop) {

    public static final String FORMAT = "il4j-checkpoint";
    public static final int FORMAT_VERSION = 1;
    static final String STATE = "checkpoint.json";
    private static final ObjectMapper JSON = Json.mapper();

    public Checkpoint {
        if (trainer == null || trainer.isBlank()) throw new IllegalArgumentException("trainer must not be blank");
        if (step < 0) throw new IllegalArgumentException("step must be >= 0, got " + step);
        networks = Map.copyOf(networks);
        optimizers = Map.copyOf(optimizers);
        samplers = Map.copyOf(samplers);
        curve = List.copyOf(curve);
        for (String name : networks.keySet()) checkName(name);
        for (String name : optimizers.keySet()) checkName(name);
    }

    /** The named network; a checkpoint without it is reported as such. */
    public MlpWeights network(String name) {
        MlpWeights w = networks.get(name);
        if (w == null) throw new IllegalArgumentException("the checkpoint holds no network '" + name + "' (it has " + networks.keySet() + ")");
        return w;
    }

    public Adam.State optimizer(String name) {
        Adam.State s = optimizers.get(name);
        if (s == null) throw new IllegalArgumentException("the checkpoint holds no optimizer '" + name + "' (it has " + optimizers.keySet() + ")");
        return s;
    }

    public MinibatchSampler.State sampler(String name) {
        MinibatchSampler.State s = samplers.get(name);
        if (s == null) throw new IllegalArgumentException("the checkpoint holds no sampler '" + name + "' (it has " + samplers.keySet() + ")");
        return s;
    }

    /**
     * Refuses to continue this checkpoint as a run of another trainer, configuration or dataset, naming the
     * configuration fields that differ.
     */
    public void requireSameRun(String trainer, JsonNode config, String datasetHash) {
        if (!this.trainer.equals(trainer))
            throw new IllegalArgumentException("the checkpoint was written by the " + this.trainer + " trainer, not " + trainer);
        if (!this.datasetHash.equals(datasetHash))
            throw new IllegalArgumentException("the checkpoint was written for other training data (dataset hash " + this.datasetHash
                    + ", this data " + datasetHash + "); resume with the same data file and options");
        if (!this.config.equals(config)) {
            StringBuilder diff = new StringBuilder();
            for (var it = config.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!config.get(f).equals(this.config.get(f)))
                    diff.append(diff.length() == 0 ? "" : ", ").append(f).append(" ").append(this.config.get(f)).append(" -> ").append(config.get(f));
            }
            throw new IllegalArgumentException("the checkpoint was written with another configuration (" + diff
                    + "); resume with the options of the interrupted run");
        }
    }

    // ---- file form -------------------------------------------------------------------------------

    /** Writes the checkpoint atomically: a reader (or a crash) never sees a half-written file. */
    public void write(Path file) throws IOException {
        ObjectNode state = JSON.createObjectNode();
        state.put("format", FORMAT);
        state.put("formatVersion", FORMAT_VERSION);
        state.put("trainer", trainer);
        state.put("step", step);
        state.set("config", config);
        state.put("datasetHash", datasetHash);
        ObjectNode s = state.putObject("samplers");
        samplers.forEach((k, v) -> s.put(k, v.batchesDrawn()));
        ObjectNode o = state.putObject("optimizerIterations");
        optimizers.forEach((k, v) -> o.put(k, v.iterations()));
        state.set("curve", JSON.valueToTree(curve));
        state.set("loop", loop);
        byte[] stateBytes = JSON.writeValueAsBytes(state);
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            put(zip, STATE, stateBytes);
            for (var e : networks.entrySet()) put(zip, "network-" + e.getKey() + ".bin", e.getValue().toBytes());
            for (var e : optimizers.entrySet()) put(zip, "adam-" + e.getKey() + ".bin", moments(e.getValue()));
            zip.finish(); // not close(): AtomicFiles owns the stream
        });
    }

    /** Reads a checkpoint; a file that is not one, or is damaged, gives an {@link IOException} naming file and entry. */
    public static Checkpoint read(Path file) throws IOException {
        InputFiles.requireRegularFile(file, "checkpoint file");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (var en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                try (InputStream in = zip.getInputStream(e)) {
                    entries.put(e.getName(), in.readAllBytes());
                } catch (ZipException ex) {
                    throw new IOException(file + ": entry '" + e.getName() + "' is corrupted (" + ex.getMessage() + ")", ex);
                }
            }
        } catch (ZipException ex) {
            throw new IOException(file + " is not a readable zip archive (" + ex.getMessage() + "); expected an il4j checkpoint", ex);
        }
        byte[] stateBytes = entries.get(STATE);
        if (stateBytes == null) throw new IOException(file + " is not an il4j checkpoint: it has no " + STATE);
        try {
            JsonNode st = JSON.readTree(stateBytes);
            if (!FORMAT.equals(st.path("format").asText()) || st.path("formatVersion").asInt() != FORMAT_VERSION)
                throw new IOException(file + ": " + STATE + " does not declare format " + FORMAT + " version " + FORMAT_VERSION);
            Map<String, MlpWeights> networks = new LinkedHashMap<>();
            Map<String, Adam.State> optimizers = new LinkedHashMap<>();
            Map<String, MinibatchSampler.State> samplers = new LinkedHashMap<>();
            for (var e : entries.entrySet()) {
                String n = e.getKey();
                try {
                    if (n.startsWith("network-") && n.endsWith(".bin"))
                        networks.put(n.substring(8, n.length() - 4), MlpWeights.fromBytes(e.getValue()));
                    else if (n.startsWith("adam-") && n.endsWith(".bin")) {
                        String name = n.substring(5, n.length() - 4);
                        JsonNode it = st.path("optimizerIterations").get(name);
                        if (it == null) throw new IOException("no iteration count for it in " + STATE);
                        optimizers.put(name, moments(e.getValue(), it.asLong()));
                    }
                } catch (IOException ex) {
                    throw new IOException(file + ": entry '" + n + "' is not valid: " + ex.getMessage(), ex);
                }
            }
            st.path("samplers").fields().forEachRemaining(e -> samplers.put(e.getKey(), new MinibatchSampler.State(e.getValue().asLong())));
            List<LearningCurvePoint> curve = JSON.convertValue(st.path("curve"), new TypeReference<List<LearningCurvePoint>>() {
            });
            return new Checkpoint(st.path("trainer").asText(), st.path("step").asInt(), st.path("config"),
                    st.path("datasetHash").asText(), networks, optimizers, samplers, curve, st.path("loop"));
        } catch (JsonProcessingException | IllegalArgumentException ex) {
            throw new IOException(file + ": " + STATE + " is malformed (" + ex.getMessage() + ")", ex);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** First then second moments: count, then big-endian float bits (DataOutputStream). */
    private static byte[] moments(Adam.State s) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(bos);
        for (float[] a : new float[][]{s.firstMoments(), s.secondMoments()}) {
            d.writeInt(a.length);
            for (float x : a) d.writeFloat(x);
        }
        d.flush();
        return bos.toByteArray();
    }

    private static Adam.State moments(byte[] bytes, long iterations) throws IOException {
        DataInputStream d = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            float[][] mv = new float[2][];
            for (int k = 0; k < 2; k++) {
                int n = d.readInt();
                if (n < 0 || n > bytes.length / 4) throw new IOException("declares " + n + " moments; the entry is too short");
                mv[k] = new float[n];
                for (int i = 0; i < n; i++) mv[k][i] = d.readFloat();
            }
            return new Adam.State(mv[0], mv[1], iterations);
        } catch (EOFException e) {
            throw new IOException("optimizer data end early (truncated?)", e);
        }
    }

    private static void checkName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_]+"))
            throw new IllegalArgumentException("checkpoint part name '" + name + "' must be letters, digits or '_'");
    }
}
