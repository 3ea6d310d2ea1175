package io.il4j.core.io.internal;

/**
 * Parses decimal strings to float32 with the exact result of {@link Float#parseFloat}, faster for the common case.
 * A decimal {@code w * 10^q} (at most 18 significant digits) is converted in double arithmetic, then narrowed:
 * <ul>
 *   <li>Exact path (Clinger): {@code w <= 2^53} and {@code |q| <= 22} make {@code w} and {@code 10^|q|} exact doubles,
 *   so {@code w * 10^q} (or {@code w / 10^-q}) is the correctly rounded double. Narrowing it to float rounds twice,
 *   which differs from rounding once only when that double is exactly a float midpoint: such cells are left to
 *   {@link Float#parseFloat}.</li>
 *   <li>Near path, for every other exponent of a normal float (simulators write {@code -6.938894E-19} often) and for
 *   significands beyond {@code 2^53}: {@code w} and {@code 10^q} are each the nearest double, so their product is within
 *   {@link #MIDPOINT_MARGIN} double ulps of the true value (three roundings of relative error at most 2^-53 each, at
 *   most 3 ulps). A float midpoint is a double whose low 29 mantissa bits are {@code 2^28}; when the product is
 *   farther than the margin from every midpoint, the true value lies on the same side of the same midpoints, so both
 *   round to the same float. Products that close to a midpoint (about one in 10^7) go to {@link Float#parseFloat}.</li>
 * </ul>
 * Subnormal and overflowing results and any other syntax also go to {@link Float#parseFloat}. Stateless; thread-safe.
 */
public final class DecimalFloats {
    /** What {@link #scan} returns when it cannot decide: the caller parses the cell's text instead. */
    public static final long REJECTED = -1L;

    private static final double[] EXACT_POW10 = new double[23];
    private static final int MIN_NEAR_EXP = -70, MAX_NEAR_EXP = 40; // covers every normal float from an 18-digit w
    private static final double[] NEAREST_POW10 = new double[MAX_NEAR_EXP - MIN_NEAR_EXP + 1];
    private static final long MAX_EXACT = 1L << 53;
    private static final long LOW29 = (1L << 29) - 1, HALF29 = 1L << 28;
    /** Double ulps around a float midpoint inside which the near path does not trust its product (3 would do). */
    static final long MIDPOINT_MARGIN = 8;

    static {
        double p = 1;
        for (int i = 0; i < EXACT_POW10.length; i++, p *= 10) EXACT_POW10[i] = p;
        // the JDK's double parsing is correctly rounded, so each entry is the double nearest 10^q
        for (int q = MIN_NEAR_EXP; q <= MAX_NEAR_EXP; q++) NEAREST_POW10[q - MIN_NEAR_EXP] = Double.parseDouble("1e" + q);
    }

    private DecimalFloats() {
    }

    /**
     * Reads the longest decimal number ({@code [sign] digits [. digits] [e|E [sign] digits]}) at the start of the
     * ASCII bytes {@code b[from, to)}. Returns its float and the index just past it, packed (see {@link #value} and
     * {@link #end}), or {@link #REJECTED} when there is no such number or the fast paths cannot decide its float.
     * The caller checks that the number ends where the cell ends.
     */
    public static long scan(byte[] b, int from, int to) {
        int i = from;
        if (i >= to) return REJECTED;
        boolean negative = false;
        byte c = b[i];
        if (c == '-' || c == '+') {
            negative = c == '-';
            i++;
        }
        // the digits before and after the point, as one integer w (leading zeros add nothing to it)
        long w = 0;
        int start = i;
        for (; i < to && (c = b[i]) >= '0' && c <= '9'; i++) w = w * 10 + (c - '0');
        int digits = i - start, exp10 = 0;
        if (i < to && b[i] == '.') {
            int fraction = ++i;
            for (; i < to && (c = b[i]) >= '0' && c <= '9'; i++) w = w * 10 + (c - '0');
            exp10 = fraction - i;
            digits -= exp10;
        }
        if (digits == 0) return REJECTED;
        if (digits > 18 && significantDigits(b, start, i) > 18) return REJECTED; // beyond a long's exact digits
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negativeExp = false;
            if (i < to && (b[i] == '-' || b[i] == '+')) negativeExp = b[i++] == '-';
            int expStart = i, e = 0;
            boolean hugeExponent = false;
            for (; i < to && b[i] >= '0' && b[i] <= '9'; i++) {
                if (e < 100_000) e = e * 10 + (b[i] - '0');
                else hugeExponent = true;
            }
            // an exponent this long is not clamped (a long fraction could bring a clamped one back into range): the
            // JDK decides such a cell
            if (i == expStart || hugeExponent) return REJECTED;
            exp10 += negativeExp ? -e : e;
        }
        float f = toFloat(w, exp10);
        if (Float.isNaN(f)) return REJECTED;
        return (long) i << 32 | Float.floatToRawIntBits(negative ? -f : f) & 0xFFFF_FFFFL;
    }

    /** Digits in {@code b[from, to)} (digits with at most one point) after the leading zeros. */
    private static int significantDigits(byte[] b, int from, int to) {
        int i = from;
        while (i < to && (b[i] == '0' || b[i] == '.')) i++;
        int n = 0;
        for (; i < to; i++) if (b[i] != '.') n++;
        return n;
    }

        /** The float of a {@link #scan} result other than {@link #REJECTED}. */
    public static float value(long scanned) {
        return Float.intBitsToFloat((int) scanned);
    }

    /** The index just past the number of a {@link #scan} result other than {@link #REJECTED}. */
    public static int end(long scanned) {
        return (int) (scanned >>> 32);
    }

    /**
     * The float of the ASCII cell {@code b[from, to)} when the fast paths decide it exactly, else NaN (the caller then
     * parses the cell's text with {@link #parse(String)}, which gives the same value or the error). NaN never
     * comes out for a cell the fast paths accept, since they never yield NaN.
     */
    public static float parseOrNaN(byte[] b, int from, int to) {
        long r = scan(b, from, to);
        return r != REJECTED && end(r) == to ? value(r) : Float.NaN;
    }

    /** As {@link Float#parseFloat(String)}, including its {@link NumberFormatException}. */
    public static float parse(String s) {
        // chars beyond Latin-1 become '?', which the fast path rejects like any other non-digit
        float f = parseOrNaN(s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, s.length());
        return Float.isNaN(f) ? Float.parseFloat(s) : f;
    }

    /** The float nearest {@code w * 10^exp10} (w >= 0, below 10^18), or NaN when the fast paths cannot decide it. */
    private static float toFloat(long w, int exp10) {
        if (w == 0) return 0f;
        double d;
        boolean exact = w <= MAX_EXACT && exp10 >= -22 && exp10 <= 22;
        if (exact) d = exp10 >= 0 ? w * EXACT_POW10[exp10] : w / EXACT_POW10[-exp10];
        else if (exp10 >= MIN_NEAR_EXP && exp10 <= MAX_NEAR_EXP) d = w * NEAREST_POW10[exp10 - MIN_NEAR_EXP];
        else return Float.NaN;
        if (d < Float.MIN_NORMAL || d > Float.MAX_VALUE) return Float.NaN;
        long low = Double.doubleToRawLongBits(d) & LOW29;
        if (exact ? low == HALF29 : Math.abs(low - HALF29) <= MIDPOINT_MARGIN) return Float.NaN;
        return (float) d;
    }
}
