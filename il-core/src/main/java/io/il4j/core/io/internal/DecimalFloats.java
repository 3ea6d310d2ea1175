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

    /** As {@link Float#parseFloat(String)}, including its {@link NumberFormatException}. */
    public static float parse(String s) {
        int n = s.length(), i = 0;
        if (n == 0) return Float.parseFloat(s);
        boolean negative = false;
        char c = s.charAt(0);
        if (c == '-' || c == '+') {
            negative = c == '-';
            i++;
        }
        long w = 0;
        int significant = 0, exp10 = 0;
        boolean anyDigit = false, point = false;
        for (; i < n; i++) {
            c = s.charAt(i);
            if (c == '.' && !point) {
                point = true;
                continue;
            }
            if (c < '0' || c > '9') break;
            anyDigit = true;
            if (point) exp10--;
            if (w == 0 && c == '0') continue; // leading zeros are not significant
            if (++significant > 18) return Float.parseFloat(s);
            w = w * 10 + (c - '0');
        }
        if (!anyDigit) return Float.parseFloat(s);
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            boolean negativeExp = false;
            if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) negativeExp = s.charAt(i++) == '-';
            int start = i, e = 0;
            for (; i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) if (e < 100_000) e = e * 10 + (s.charAt(i) - '0');
            if (i == start) return Float.parseFloat(s);
            exp10 += negativeExp ? -e : e;
        }
        if (i != n) return Float.parseFloat(s);
        if (w == 0) return negative ? -0f : 0f;
        if (w > MAX_EXACT || exp10 < -22 || exp10 > 22) return Float.parseFloat(s);
        double d = exp10 >= 0 ? w * POW10[exp10] : w / POW10[-exp10];
        if (d < Float.MIN_NORMAL || d > Float.MAX_VALUE || (Double.doubleToRawLongBits(d) & LOW29) == HALF29)
            return Float.parseFloat(s);
        float f = (float) d;
        return negative ? -f : f;
    }
}
