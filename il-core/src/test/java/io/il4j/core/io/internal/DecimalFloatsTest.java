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

    /** Decimals of 1-18 significant digits over every exponent of a normal float (the near path) and beyond. */
    @Test
    void randomDecimalsOverTheWholeExponentRange() {
        Random rnd = new Random(4);
        for (int k = 0; k < 100_000; k++) {
            StringBuilder sb = new StringBuilder(rnd.nextBoolean() ? "-" : "");
            int digits = 1 + rnd.nextInt(18);
            sb.append((char) ('1' + rnd.nextInt(9)));
            for (int i = 1; i < digits; i++) sb.append((char) ('0' + rnd.nextInt(10)));
            same(sb.append('E').append(rnd.nextInt(121) - 75).toString());
        }
    }

    /**
     * Decimals of 15-18 digits closest to a float midpoint (and a few units of the last digit away) with exponents
     * beyond ±22: the near path's product lands within a few double ulps of the midpoint, where only the margin keeps
     * it from rounding to the wrong float.
     */
    @Test
    void nearMidpointsWithLargeExponents() {
        Random rnd = new Random(5);
        int tested = 0;
        while (tested < 4_000) {
            float f = Float.intBitsToFloat(rnd.nextInt() & 0x7FFF_FFFF);
            if (!Float.isFinite(f) || f == Float.MAX_VALUE || f < Float.MIN_NORMAL || Math.abs(Math.getExponent(f)) < 80) continue;
            BigDecimal mid = new BigDecimal(f).add(new BigDecimal(Math.nextUp(f))).divide(BigDecimal.valueOf(2));
            for (int precision = 15; precision <= 18; precision++) {
                BigDecimal r = mid.round(new java.math.MathContext(precision));
                for (int delta = -2; delta <= 2; delta++) {
                    java.math.BigInteger w = r.unscaledValue().add(java.math.BigInteger.valueOf(delta));
                    same(w + "E" + (-r.scale()));
                }
            }
            tested++;
        }
    }

    /** The cells simulators write with large exponents take the fast path, not the JDK's slow one. */
    @Test
    void shortestFloatsWithLargeExponentsTakeTheFastPath() {
        Random rnd = new Random(6);
        int large = 0, fast = 0;
        for (int k = 0; k < 20_000; k++) {
            float f = (float) (rnd.nextGaussian() * Math.pow(10, -45 + rnd.nextInt(80)));
            String s = Float.toString(f);
            if (!s.contains("E") || Math.abs(f) < Float.MIN_NORMAL || Math.abs(Math.getExponent(f)) < 75) continue;
            large++;
            byte[] b = s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            if (!Float.isNaN(DecimalFloats.parseOrNaN(b, 0, b.length))) fast++;
            same(s);
        }
        assertTrue(large > 5_000, "only " + large + " samples");
        assertTrue(fast > large * 0.999, fast + " of " + large + " took the fast path");
    }

    @Test
    void scanStopsAfterTheNumber() {
        byte[] b = "-6.938894E-19,7".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        long r = DecimalFloats.scan(b, 0, b.length);
        assertEquals(13, DecimalFloats.end(r));
        assertEquals(Float.floatToRawIntBits(-6.938894E-19f), Float.floatToRawIntBits(DecimalFloats.value(r)));
        assertEquals(DecimalFloats.REJECTED, DecimalFloats.scan(b, 13, b.length));
        assertEquals(DecimalFloats.REJECTED, DecimalFloats.scan("1e,".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, 3));
    }

    @Test
    void edgeCasesAndErrors() {
        for (String s : new String[]{"0", "-0", "-0.0", "+1", ".5", "5.", "1e0", "1E+2", "1e-45", "1.4E-45", "3.4028235E38",
                "3.4028236E38", "1e39", "-1e39", "1e-50", "123456789012345678901234567890", "0.000000000000000000000001",
                "16777217", "1.1754942E-38", "1.17549435E-38", "3.4028235677973366E38", "-6.938894E-19", "9.99999999999999999E-39",
                "0.000000000000000000001234567", "00000000000000000001.5", "1234567890123456789", "999999999999999999.5", "NaN", "-Infinity", "0x1p3", "1d", "1f"})
            same(s);
        for (String s : new String[]{"", "-", ".", "e5", "1e", "1.2.3", "abc", "1 2", "--1"}) {
            assertThrows(NumberFormatException.class, () -> DecimalFloats.parse(s), s);
            assertThrows(NumberFormatException.class, () -> Float.parseFloat(s), s);
        }
    }

    @Test
    void exponentsTooLongToReadAreLeftToTheJdkNotClamped() {
        // a long fraction brings a clamped exponent back into range: 0.(99,999 zeros)1e1000000 is +Infinity, not 1
        String zeros = "0".repeat(99_999);
        same("0." + zeros + "1e1000000");
        same("0." + zeros + "1e99999");
        same("1e-" + "9".repeat(12));
        same("1e00000000000000005");
    }
}
