package io.il4j.core.io.internal;

import io.il4j.core.io.DatasetFormatException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a numpy {@code .npy} array: magic {@code \x93NUMPY}, version (1.0: 2-byte header length, 2.0/3.0:
 * 4-byte), then a Python dict literal {@code {'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }} padded
 * with spaces to a multiple of 64 bytes and ended by a newline. Only simple (non-structured) dtypes are read.
 * Immutable.
 *
 * @param order    byte order of multi-byte elements
 * @param kind     numpy kind character: f (float), i (signed int), u (unsigned int), b (bool)
 * @param itemSize bytes per element
 * @param fortranOrder whether the data are column-major
 * @param shape    the array shape ({@code ()} for a scalar)
 */
public record NpyHeader(ByteOrder order, char kind, int itemSize, boolean fortranOrder, long[] shape) {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=]?)([a-zA-Z])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    private static final int ALIGN = 64;

    /** Reads and parses the header at the start of {@code in}; errors name {@code file} and {@code entry}. */
    public static NpyHeader read(InputStream in, Path file, String entry) throws IOException {
        byte[] pre = in.readNBytes(8);
        if (pre.length < 8 || !Arrays.equals(Arrays.copyOf(pre, 6), MAGIC))
            throw error(file, entry, "does not start with the .npy magic \\x93NUMPY; expected a numpy array file");
        int major = pre[6];
        int headerLen;
        if (major == 1) {
            byte[] b = readFully(in, 2, file, entry);
            headerLen = (b[0] & 0xff) | (b[1] & 0xff) << 8;
        } else if (major == 2 || major == 3) {
            byte[] b = readFully(in, 4, file, entry);
            headerLen = (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
            if (headerLen < 0 || headerLen > 1 << 24) throw error(file, entry, "has an implausible header length " + headerLen);
        } else {
            throw error(file, entry, "has .npy format version " + major + "." + pre[7] + "; expected 1.0, 2.0 or 3.0");
        }
        String dict = new String(readFully(in, headerLen, file, entry),
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return parse(dict, file, entry);
    }

    static NpyHeader parse(String dict, Path file, String entry) {
        Matcher d = DESCR.matcher(dict), f = FORTRAN.matcher(dict), s = SHAPE.matcher(dict);
        if (!d.find())
            throw error(file, entry, "has dtype descriptor " + field(dict, "descr") + "; expected a simple dtype such as "
                    + "'<f4', '<f8', '<i8', '<i4', '|b1' or '|u1' (structured arrays are not supported)");
        if (!f.find() || !s.find()) throw error(file, entry, "has a malformed header " + dict.strip());
        char kind = d.group(2).charAt(0);
        int size = Integer.parseInt(d.group(3));
        boolean ok = switch (kind) {
            case 'f' -> size == 4 || size == 8;
            case 'i', 'u' -> size == 1 || size == 2 || size == 4 || size == 8;
            case 'b' -> size == 1;
            default -> false;
        };
        if (!ok) throw error(file, entry, "has dtype '" + d.group(1) + kind + size + "'; expected one of f4, f8, i1-i8, u1-u8, b1");
        ByteOrder order = ">".equals(d.group(1)) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        String[] dims = s.group(1).split(",");
        long[] shape = Arrays.stream(dims).map(String::strip).filter(x -> !x.isEmpty())
                .mapToLong(x -> parseDim(x, file, entry)).toArray();
        return new NpyHeader(order, kind, size, f.group(1).equals("True"), shape);
    }

    /** Header bytes (version 1.0, or 2.0 when the dict exceeds 64 KiB) for a little-endian C-order array. */
    public static byte[] encode(String descr, long... shape) {
        StringBuilder dims = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) dims.append(i > 0 ? ", " : "").append(shape[i]);
        if (shape.length == 1) dims.append(',');
        dims.append(')');
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + dims + ", }";
        boolean v2 = dict.length() + 12 > 0xffff;
        int prefix = v2 ? 12 : 10;
        int total = ((prefix + dict.length() + 1 + ALIGN - 1) / ALIGN) * ALIGN;
        int headerLen = total - prefix;
        byte[] out = new byte[total];
        System.arraycopy(MAGIC, 0, out, 0, 6);
        out[6] = (byte) (v2 ? 2 : 1);
        out[7] = 0;
        for (int i = 0; i < (v2 ? 4 : 2); i++) out[8 + i] = (byte) (headerLen >>> (8 * i));
        byte[] text = dict.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(text, 0, out, prefix, text.length);
        Arrays.fill(out, prefix + text.length, total - 1, (byte) ' ');
        out[total - 1] = '\n';
        return out;
    }

    /** Number of elements (1 for a scalar). */
    public long count() {
        long n = 1;
        for (long d : shape) n = Math.multiplyExact(n, d);
        return n;
    }

    /** The shape as numpy prints it, e.g. {@code (3, 2)}. */
    public String shapeString() {
        return shapeString(shape);
    }

    public static String shapeString(long... shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) sb.append(i > 0 ? ", " : "").append(shape[i]);
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }

    /** The dtype as numpy prints it, e.g. {@code <f4}. */
    public String descr() {
        return (itemSize == 1 ? "|" : order == ByteOrder.BIG_ENDIAN ? ">" : "<") + kind + itemSize;
    }

    private static long parseDim(String x, Path file, String entry) {
        try {
            long v = Long.parseLong(x.endsWith("L") ? x.substring(0, x.length() - 1) : x);
            if (v < 0) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw error(file, entry, "has shape dimension '" + x + "'; expected a non-negative integer");
        }
    }

    private static String field(String dict, String key) {
        int i = dict.indexOf("'" + key + "'");
        return i < 0 ? "(missing)" : dict.substring(i, Math.min(dict.length(), i + 60)).strip();
    }

    private static byte[] readFully(InputStream in, int n, Path file, String entry) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) throw error(file, entry, "ends inside its .npy header; expected " + n + " more bytes");
        return b;
    }

    static DatasetFormatException error(Path file, String entry, String problem) {
        return DatasetFormatException.inFile(file, "entry '" + entry + "' " + problem);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyHeader h && order.equals(h.order) && kind == h.kind && itemSize == h.itemSize
                && fortranOrder == h.fortranOrder && Arrays.equals(shape, h.shape);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * kind + itemSize) + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "NpyHeader[" + descr() + ", fortran_order=" + fortranOrder + ", shape=" + shapeString() + "]";
    }
}
