package io.il4j.core.io.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Reads the data part of a {@code .npy} array (after its {@link NpyHeader}) into Java primitive arrays,
 * converting from the stored dtype, and writes little-endian data. Works in 64 KiB chunks so that no second
 * full-size byte copy is made. Stateless; thread-safe.
 */
public final class NpyData {
    private static final int CHUNK = 1 << 16;

    private NpyData() {
    }

    /** Floats from any float, integer or bool dtype (f8 is rounded to float32); C order, flattened. */
    public static float[] readFloats(InputStream in, NpyHeader h, Path file, String entry) throws IOException {
        float[] out = new float[arrayLength(h, file, entry)];
        if (h.kind() == 'f' && h.itemSize() == 4) {
            readChunks(in, h, file, entry, (bb, at, n) -> bb.asFloatBuffer().get(out, at, n));
        } else {
            readChunks(in, h, file, entry, (bb, at, n) -> {
                for (int i = 0; i < n; i++) out[at + i] = (float) element(bb, h);
            });
        }
        return h.fortranOrder() ? cOrder(out, h, file, entry) : out;
    }

    /** Integers from an integer dtype. */
    public static long[] readLongs(InputStream in, NpyHeader h, Path file, String entry) throws IOException {
        if (h.kind() != 'i' && h.kind() != 'u')
            throw NpyHeader.error(file, entry, "has dtype '" + h.descr() + "'; expected an integer dtype such as '<i8'");
        long[] out = new long[arrayLength(h, file, entry)];
        if (h.kind() == 'i' && h.itemSize() == 8) {
            readChunks(in, h, file, entry, (bb, at, n) -> bb.asLongBuffer().get(out, at, n));
        } else {
            readChunks(in, h, file, entry, (bb, at, n) -> {
                for (int i = 0; i < n; i++) out[at + i] = (long) element(bb, h);
            });
        }
        return out;
    }

    /** Booleans (non-zero is true) from a bool or integer dtype. */
    public static boolean[] readBooleans(InputStream in, NpyHeader h, Path file, String entry) throws IOException {
        if (h.kind() == 'f')
            throw NpyHeader.error(file, entry, "has dtype '" + h.descr() + "'; expected a bool dtype '|b1' (or an integer one)");
        boolean[] out = new boolean[arrayLength(h, file, entry)];
        readChunks(in, h, file, entry, (bb, at, n) -> {
            for (int i = 0; i < n; i++) out[at + i] = element(bb, h) != 0;
        });
        return out;
    }

    /** Raw bytes of a one-byte integer dtype ({@code |u1}, {@code |i1}). */
    public static byte[] readBytes(InputStream in, NpyHeader h, Path file, String entry) throws IOException {
        if (h.itemSize() != 1 || (h.kind() != 'u' && h.kind() != 'i'))
            throw NpyHeader.error(file, entry, "has dtype '" + h.descr() + "'; expected bytes '|u1'");
        byte[] out = new byte[arrayLength(h, file, entry)];
        readChunks(in, h, file, entry, (bb, at, n) -> bb.get(out, at, n));
        return out;
    }

    public static void writeFloats(OutputStream out, float[] data) throws IOException {
        ByteBuffer bb = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at < data.length; ) {
            int n = Math.min(CHUNK / 4, data.length - at);
            bb.clear();
            bb.asFloatBuffer().put(data, at, n);
            out.write(bb.array(), 0, n * 4);
            at += n;
        }
    }

    public static void writeLongs(OutputStream out, long[] data) throws IOException {
        ByteBuffer bb = ByteBuffer.allocate(data.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        bb.asLongBuffer().put(data);
        out.write(bb.array());
    }

    public static void writeBooleans(OutputStream out, boolean[] data) throws IOException {
        byte[] b = new byte[data.length];
        for (int i = 0; i < data.length; i++) b[i] = (byte) (data[i] ? 1 : 0);
        out.write(b);
    }

    @FunctionalInterface
    private interface ChunkSink {
        /** Consumes {@code n} elements from {@code bb} (positioned at the chunk start) into output index {@code at}. */
        void take(ByteBuffer bb, int at, int n);
    }

    private static void readChunks(InputStream in, NpyHeader h, Path file, String entry, ChunkSink sink) throws IOException {
        int size = h.itemSize();
        long count = h.count();
        byte[] buf = new byte[CHUNK - CHUNK % size];
        ByteBuffer bb = ByteBuffer.wrap(buf).order(h.order());
        int done = 0;
        while (done < count) {
            int n = (int) Math.min(buf.length / size, count - done);
            int got = in.readNBytes(buf, 0, n * size);
            if (got < n * size)
                throw NpyHeader.error(file, entry, "ends after " + ((long) done * size + got) + " data bytes; its header "
                        + "promises " + count * size + " (" + h.descr() + " " + h.shapeString() + ")");
            bb.clear();
            sink.take(bb, done, n);
            done += n;
        }
    }

    /** The next element of {@code bb} as a double (exact for every integer up to 2^53). */
    private static double element(ByteBuffer bb, NpyHeader h) {
        return switch (h.kind()) {
            case 'f' -> h.itemSize() == 4 ? bb.getFloat() : bb.getDouble();
            case 'b' -> bb.get();
            case 'u' -> switch (h.itemSize()) {
                case 1 -> bb.get() & 0xff;
                case 2 -> bb.getShort() & 0xffff;
                case 4 -> bb.getInt() & 0xffffffffL;
                default -> {
                    long v = bb.getLong();
                    yield v >= 0 ? v : Math.pow(2, 64) + v;
                }
            };
            default -> switch (h.itemSize()) {
                case 1 -> bb.get();
                case 2 -> bb.getShort();
                case 4 -> bb.getInt();
                default -> bb.getLong();
            };
        };
    }

    private static int arrayLength(NpyHeader h, Path file, String entry) {
        long n = h.count();
        if (n > Integer.MAX_VALUE - 8)
            throw NpyHeader.error(file, entry, "holds " + n + " elements " + h.shapeString() + "; at most "
                    + (Integer.MAX_VALUE - 8) + " fit in one Java array");
        return (int) n;
    }

    /** Column-major (Fortran) 2-D data to row-major; 1-D data are the same either way. */
    private static float[] cOrder(float[] f, NpyHeader h, Path file, String entry) {
        long[] s = h.shape();
        if (s.length <= 1) return f;
        if (s.length > 2) throw NpyHeader.error(file, entry, "is a Fortran-order array of rank " + s.length + "; expected rank <= 2");
        int rows = (int) s[0], cols = (int) s[1];
        float[] c = new float[f.length];
        for (int j = 0; j < cols; j++)
            for (int i = 0; i < rows; i++) c[i * cols + j] = f[j * rows + i];
        return c;
    }
}
