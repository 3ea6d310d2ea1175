package io.il4j.core.nn;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The exported weights of a feed-forward network: dense layers from input to output. This is what a
 * policy file stores and what {@link MlpForward} evaluates. Immutable by contract; thread-safe.
 */
public final class MlpWeights {

    private static final byte[] MAGIC = "IL4JMLP1".getBytes(StandardCharsets.US_ASCII);
    private final List<DenseWeights> layers;

    public MlpWeights(List<DenseWeights> layers) {
        if (layers == null || layers.isEmpty()) throw new IllegalArgumentException("a network needs at least one layer");
        this.layers = List.copyOf(layers);
        for (int i = 1; i < this.layers.size(); i++) {
            int prevOut = this.layers.get(i - 1).out(), in = this.layers.get(i).in();
            if (prevOut != in)
                throw new IllegalArgumentException("layer " + i + " takes " + in + " inputs but layer " + (i - 1) + " has " + prevOut + " outputs");
        }
    }

    /**
     * Freshly initialized weights for {@code inputDim -> trunk -> outputDim}, drawn from {@code seed}
     * in plain Java (so every engine and every run starts from the same weights): He-normal hidden
     * weights for ReLU-family activations, Xavier-normal for tanh, Xavier-uniform output weights;
     * zero biases; unit layer-norm gains.
     */
    public static MlpWeights initialize(int inputDim, MlpSpec trunk, int outputDim, long seed) {
        if (inputDim < 1 || outputDim < 1)
            throw new IllegalArgumentException("network needs inputDim, outputDim >= 1, got " + inputDim + ", " + outputDim);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        List<DenseWeights> layers = new ArrayList<>();
        int in = inputDim;
        for (int width : trunk.hiddenSizes()) {
            double std = trunk.activation() == Activation.TANH ? Math.sqrt(2.0 / (in + width)) : Math.sqrt(2.0 / in);
            float[] w = new float[in * width];
            for (int i = 0; i < w.length; i++) w[i] = (float) (rng.nextGaussian() * std);
            float[] g = null;
            if (trunk.layerNorm()) {
                g = new float[width];
                java.util.Arrays.fill(g, 1f);
            }
            layers.add(new DenseWeights(in, width, w, new float[width], g, trunk.activation()));
            in = width;
        }
        double limit = Math.sqrt(6.0 / (in + outputDim));
        float[] w = new float[in * outputDim];
        for (int i = 0; i < w.length; i++) w[i] = (float) ((2 * rng.nextDouble() - 1) * limit);
        layers.add(new DenseWeights(in, outputDim, w, new float[outputDim], null, Activation.IDENTITY));
        return new MlpWeights(layers);
    }

    public List<DenseWeights> layers() {
        return layers;
    }

    public int inputDim() {
        return layers.get(0).in();
    }

    public int outputDim() {
        return layers.get(layers.size() - 1).out();
    }

    /** The widest layer output (the size of the forward pass's scratch buffers). */
    public int maxWidth() {
        int m = 0;
        for (DenseWeights l : layers) m = Math.max(m, l.out());
        return m;
    }

    public long parameterCount() {
        long n = 0;
        for (DenseWeights l : layers) n += (long) l.in() * l.out() + l.out() + (l.gain() == null ? 0 : l.out());
        return n;
    }

    public MlpWeights copy() {
        List<DenseWeights> c = new ArrayList<>(layers.size());
        for (DenseWeights l : layers) c.add(l.copy());
        return new MlpWeights(c);
    }

    /** Writes the binary form: magic, layer count, then per layer shape, activation, flags and little-endian floats. */
    public void write(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.write(MAGIC);
        d.writeInt(layers.size());
        for (DenseWeights l : layers) {
            d.writeInt(l.in());
            d.writeInt(l.out());
            d.writeUTF(l.activation().name());
            d.writeBoolean(l.gain() != null);
            writeFloats(d, l.weights());
            writeFloats(d, l.bias());
            if (l.gain() != null) writeFloats(d, l.gain());
        }
        d.flush();
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try {
            write(bos);
        } catch (IOException e) {
            throw new IllegalStateException(e); // in-memory stream cannot fail
        }
        return bos.toByteArray();
    }

    /**
     * Reads the form written by {@link #write}; a stream that is not one (wrong magic, truncated,
     * inconsistent shapes, unknown activation) gives an {@link IOException} saying what was wrong.
     */
    public static MlpWeights read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        byte[] magic = new byte[MAGIC.length];
        try {
            d.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC))
                throw new IOException("not an il4j network: the stream does not start with " + new String(MAGIC, StandardCharsets.US_ASCII));
            int n = d.readInt();
            if (n < 1 || n > 1000) throw new IOException("network declares " + n + " layers; expected 1..1000");
            List<DenseWeights> layers = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int inDim = d.readInt(), outDim = d.readInt();
                if (inDim < 1 || outDim < 1 || (long) inDim * outDim > 100_000_000L)
                    throw new IOException("layer " + i + " declares shape " + inDim + "x" + outDim + "; expected positive dims up to 1e8 weights");
                String actName = d.readUTF();
                Activation act;
                try {
                    act = Activation.valueOf(actName);
                } catch (IllegalArgumentException e) {
                    throw new IOException("layer " + i + " has unknown activation '" + actName + "'");
                }
                boolean ln = d.readBoolean();
                float[] w = readFloats(d, inDim * outDim), b = readFloats(d, outDim), g = ln ? readFloats(d, outDim) : null;
                layers.add(new DenseWeights(inDim, outDim, w, b, g, act));
            }
            return new MlpWeights(layers);
        } catch (java.io.EOFException e) {
            throw new IOException("network data end early (truncated file?)", e);
        } catch (IllegalArgumentException e) {
            throw new IOException("inconsistent network data: " + e.getMessage(), e);
        }
    }

    public static MlpWeights fromBytes(byte[] bytes) throws IOException {
        return read(new java.io.ByteArrayInputStream(bytes));
    }

    private static void writeFloats(DataOutputStream d, float[] a) throws IOException {
        ByteBuffer bb = ByteBuffer.allocate(4 * a.length).order(ByteOrder.LITTLE_ENDIAN);
        bb.asFloatBuffer().put(a);
        d.write(bb.array());
    }

    private static float[] readFloats(DataInputStream d, int n) throws IOException {
        byte[] bytes = new byte[4 * n];
        d.readFully(bytes);
        float[] a = new float[n];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(a);
        return a;
    }
}
