package io.il4j.core.io.internal;

/**
 * Parses decimal strings to float32 with the exact result of {@link Float#parseFloat}, faster for the common
 * case. Fast path (Clinger): a significand {@code w <= 2^53} and a power of ten {@code 10^e} with
 * {@code |e| <= 22} are both exact doubles, so {@code w * 10^e} (or {@code w / 10^-e}) is the correctly rounded
 * double. Narrowing that double to float rounds twice, which differs from rounding once only when the double lies
 * exactly halfway between two floats; that case, subnormal/overflowing results and any other syntax go to
 * {@link Float#parseFloat}. Stateless; thread-safe.
 */
public final class DecimalFloats {
    private static final double[] POW10 = new double[23];
    private static final long MAX_EXACT = 1L << 53;
    private static final long LOW29 = (1L << 29) - 1, HALF29 = 1L << 28;

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++, p *= 10) POW10[i] = p;
    }

    private DecimalFloats() {
    }

    /**
     * The float of the ASCII cell {@code b[from, to)} when the fast path decides it exactly, else NaN (the caller then
     * parses the cell's text with {@link #parse(String)}, which gives the same value or the error). NaN never
     * comes out for a cell the fast path accepts, since the fast path never yields NaN.
     */
    public static float parseOrNaN(byte[] b, int from, int to) {
        int i = from;
        if (i >= to) return Float.NaN;
        boolean negative = false;
        byte c = b[i];
        if (c == '-' || c == '+') {
            negative = c == '-';
            i++;
        }
        long w = 0;
        int significant = 0, exp10 = 0;
        boolean anyDigit = false, point = false;
        for (; i < to; i++) {
            c = b[i];
            if (c == '.' && !point) {
                point = true;
                continue;
            }
            if (c < '0' || c > '9') break;
            anyDigit = true;
            if (point) exp10--;
            if (w == 0 && c == '0') continue;
            if (++significant > 18) return Float.NaN;
            w = w * 10 + (c - '0');
        }
        if (!anyDigit) return Float.NaN;
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negativeExp = false;
            if (i < to && (b[i] == '-' || b[i] == '+')) negativeExp = b[i++] == '-';
            int start = i, e = 0;
            for (; i < to && b[i] >= '0' && b[i] <= '9'; i++) if (e < 100_000) e = e * 10 + (b[i] - '0');
            if (i == start) return Float.NaN;
            exp10 += negativeExp ? -e : e;
        }
        if (i != to) return Float.NaN;
        if (w == 0) return negative ? -0f : 0f;
        if (w > MAX_EXACT || exp10 < -22 || exp10 > 22) return Float.NaN;
        double d = exp10 >= 0 ? w * POW10[exp10] : w / POW10[-exp10];
        if (d < Float.MIN_NORMAL || d > Float.MAX_VALUE || (Double.doubleToRawLongBits(d) & LOW29) == HALF29) return Float.NaN;
        float f = (float) d;
        return negative ? -f : f;
    }

    /** As {@link Float#parseFloat(String)}, including its {@link NumberFormatException}. */
    public static float parse(String s) {
        // chars beyond Latin-1 become '?', which the fast path rejects like any other non-digit
        float f = parseOrNaN(s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, s.length());
        return Float.isNaN(f) ? Float.parseFloat(s) : f;
    }
}
