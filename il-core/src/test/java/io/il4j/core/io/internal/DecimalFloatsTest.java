package io.il4j.core.io.internal;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fast path must agree bit for bit with {@link Float#parseFloat}, also on the double-rounding traps. */
class DecimalFloatsTest {

    private static void same(String s) {
        assertEquals(Float.floatToRawIntBits(Float.parseFloat(s)), Float.floatToRawIntBits(DecimalFloats.parse(s)), s);
    }

    @Test
    void shortestRepresentationsOfRandomFloats() {
        Random rnd = new Random(1);
        for (int k = 0; k < 50_000; k++) {
            float f = Float.intBitsToFloat(rnd.nextInt());
            if (Float.isFinite(f)) same(Float.toString(f));
            same(Float.toString((float) rnd.nextGaussian()));
        }
    }

    @Test
    void randomDecimalStrings() {
        Random rnd = new Random(2);
        for (int k = 0; k < 50_000; k++) {
            StringBuilder sb = new StringBuilder();
            if (rnd.nextBoolean()) sb.append('-');
            int intDigits = rnd.nextInt(10), fracDigits = rnd.nextInt(14);
            for (int i = 0; i < intDigits; i++) sb.append((char) ('0' + rnd.nextInt(10)));
            if (fracDigits > 0 || intDigits == 0) sb.append('.');
            for (int i = 0; i < fracDigits || (intDigits == 0 && i == 0); i++) sb.append((char) ('0' + rnd.nextInt(10)));
            if (rnd.nextInt(3) == 0) sb.append(rnd.nextBoolean() ? 'e' : 'E').append(rnd.nextInt(61) - 30);
            same(sb.toString());
        }
    }

    @Test
    void midpointsBetweenAdjacentFloatsAndTheirNeighbours() {
        Random rnd = new Random(3);
        BigDecimal tiny = new BigDecimal("1e-60");
        for (int k = 0; k < 3_000; k++) {
            float f = Math.abs(Float.intBitsToFloat(rnd.nextInt()));
            if (!Float.isFinite(f) || f == Float.MAX_VALUE) continue;
            BigDecimal mid = new BigDecimal(f).add(new BigDecimal(Math.nextUp(f))).divide(BigDecimal.valueOf(2));
            for (BigDecimal v : new BigDecimal[]{mid, mid.add(tiny), mid.subtract(tiny), mid.round(new java.math.MathContext(17)),
                    mid.round(new java.math.MathContext(9))}) {
                same(v.toString());
                same(v.toPlainString().length() < 60 ? v.toPlainString() : v.toString());
            }
        }
        same("1.000000059604644775390625"); // 1 + 2^-24, exactly halfway between two floats
    }

    /**
     * The double-rounding trap of the fast path: a decimal {@code w * 10^3} (w <= 2^53) within half a double ulp of a
     * float midpoint {@code m = j * 2^36} (odd j), but not equal to it, rounds to exactly {@code m} as a double; narrowing
     * that double to float then ties to even, which is wrong for half of these inputs.
     */
    @Test
    void decimalsWhoseDoubleIsAFloatMidpoint() {
        int traps = 0, naiveWrong = 0;
        for (long j = (1L << 24) + 1; j < (1L << 24) + 400_000 && traps < 200; j += 2) {
            long m = j << 36, x = Math.round(m / 1000.0) * 1000;
            if (x == m || Math.abs(x - m) >= 128) continue;
            String s = (x / 1000) + "E3";
            traps++;
            if (Float.floatToRawIntBits((float) Double.parseDouble(s)) != Float.floatToRawIntBits(Float.parseFloat(s))) naiveWrong++;
            same(s);
        }
        assertEquals(200, traps);
        assertTrue(naiveWrong > 50, "only " + naiveWrong + " inputs would fool a naive double-to-float parse");
    }

    @Test
    void edgeCasesAndErrors() {
        for (String s : new String[]{"0", "-0", "-0.0", "+1", ".5", "5.", "1e0", "1E+2", "1e-45", "1.4E-45", "3.4028235E38",
                "3.4028236E38", "1e39", "-1e39", "1e-50", "123456789012345678901234567890", "0.000000000000000000000001",
                "16777217", "NaN", "-Infinity", "0x1p3", "1d", "1f"})
            same(s);
        for (String s : new String[]{"", "-", ".", "e5", "1e", "1.2.3", "abc", "1 2", "--1"}) {
            assertThrows(NumberFormatException.class, () -> DecimalFloats.parse(s), s);
            assertThrows(NumberFormatException.class, () -> Float.parseFloat(s), s);
        }
    }
}
