package io.il4j.core.io.internal;

import io.il4j.core.io.DatasetFormatException;

import java.nio.file.Path;

/** Strict parsing of single CSV cells, with errors naming file, line and column. Stateless; thread-safe. */
public final class CsvCells {

    private CsvCells() {
    }

    /**
     * A finite float. Rejects empty cells, text, NaN/Inf (also numpy's {@code nan}/{@code inf}) and Java-only
     * suffixes such as {@code 1f}/{@code 2d} that numpy would not read.
     */
    public static float parseFloat(Path file, long line, String column, String cell) {
        if (cell.isEmpty()) throw DatasetFormatException.atLine(file, line, column, "expected a number, got an empty cell");
        char last = cell.charAt(cell.length() - 1);
        float v;
        try {
            if (!(last == '.' || (last >= '0' && last <= '9')) && !isNonFinite(cell)) throw new NumberFormatException();
            v = DecimalFloats.parse(cell);
        } catch (NumberFormatException e) {
            if (isNonFinite(cell))
                throw DatasetFormatException.atLine(file, line, column, "expected a finite number, got '" + cell + "' (NaN/Inf)");
            throw DatasetFormatException.atLine(file, line, column, "expected a number, got '" + abbreviate(cell) + "'");
        }
        if (!Float.isFinite(v)) {
            String why = Float.isNaN(v) || isNonFinite(cell) ? " (NaN/Inf)" : " (overflows float32)";
            throw DatasetFormatException.atLine(file, line, column, "expected a finite number, got '" + cell + "'" + why);
        }
        return v;
    }

    /** A flag: 0/1 (also 0.0/1.0 as pandas writes them), true/false in any case, or an empty cell (false). */
    public static boolean parseFlag(Path file, long line, String column, String cell) {
        switch (cell) {
            case "", "0", "0.0", "false", "False", "FALSE":
                return false;
            case "1", "1.0", "true", "True", "TRUE":
                return true;
            default:
                if (cell.equalsIgnoreCase("true")) return true;
                if (cell.equalsIgnoreCase("false")) return false;
                throw DatasetFormatException.atLine(file, line, column, "expected 0/1 or true/false, got '" + abbreviate(cell) + "'");
        }
    }

    /** A whole number (also written as {@code 3.0}). */
    public static long parseInteger(Path file, long line, String column, String cell, String expectation) {
        if (cell.isEmpty()) throw DatasetFormatException.atLine(file, line, column, "expected " + expectation + ", got an empty cell");
        Long v = wholeNumber(cell);
        if (v == null)
            throw DatasetFormatException.atLine(file, line, column, "expected " + expectation + ", got '" + abbreviate(cell) + "'");
        return v;
    }

    /** True when {@link #parseInteger} accepts {@code cell}. */
    public static boolean isInteger(String cell) {
        return wholeNumber(cell) != null;
    }

    private static Long wholeNumber(String cell) {
        try {
            return Long.parseLong(cell);
        } catch (NumberFormatException e) {
            try {
                double d = Double.parseDouble(cell);
                if (d == Math.rint(d) && Math.abs(d) < 1L << 53 && Character.isDigit(cell.charAt(cell.length() - 1)))
                    return (long) d;
            } catch (NumberFormatException ignored) {
                // not a number at all
            }
            return null;
        }
    }

    private static boolean isNonFinite(String cell) {
        String s = cell.startsWith("-") || cell.startsWith("+") ? cell.substring(1) : cell;
        return s.equalsIgnoreCase("nan") || s.equalsIgnoreCase("inf") || s.equalsIgnoreCase("infinity");
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
