package io.il4j.core.io.internal;

/** Value checks shared by the binary readers (CSV cells are checked as they are parsed). Stateless; thread-safe. */
public final class FloatChecks {

    private FloatChecks() {
    }

    /** Index of the first NaN or infinite value, or -1. */
    public static int firstNonFinite(float[] values) {
        for (int i = 0; i < values.length; i++) if (!Float.isFinite(values[i])) return i;
        return -1;
    }

    /** Index of the first value that is not an integer in {@code [0, n)}, or -1. */
    public static int firstInvalidIndex(float[] values, int n) {
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            if (!(v >= 0 && v < n) || v != Math.rint(v)) return i;
        }
        return -1;
    }
}
