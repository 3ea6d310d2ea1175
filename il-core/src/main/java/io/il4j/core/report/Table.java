package io.il4j.core.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An aligned plain-text table: every command's summary goes through it, so all output looks alike.
 *
 * <pre>
 * Table t = new Table("policy", "return", "success").decimals(1, 1);
 * t.addRow("BC", 812.44, 0.9);
 * System.out.print(t);
 * </pre>
 *
 * Cells are formatted when the table is rendered: integers as they are, floating-point numbers with the
 * column's fixed decimals or, by default, {@link #formatNumber(double) four significant digits}; NaN
 * prints as {@code n/a}. Columns whose cells are all numbers are right-aligned, others left-aligned,
 * unless {@link #align} says otherwise. Output is ASCII only (terminals in a C locale print anything
 * else as '?'). Not thread-safe.
 */
public final class Table {

    /** Horizontal alignment of a column. */
    public enum Align { LEFT, RIGHT }

    private static final String GAP = "  ";
    private final String[] headers;
    private final int[] decimals;
    private final Align[] align;
    private final List<Object[]> rows = new ArrayList<>();
    private String title;

    public Table(String... headers) {
        if (headers == null || headers.length == 0) throw new IllegalArgumentException("a table needs at least one column");
        for (int i = 0; i < headers.length; i++)
            if (headers[i] == null) throw new IllegalArgumentException("header of column " + i + " is null");
        this.headers = headers.clone();
        this.decimals = new int[headers.length];
        Arrays.fill(decimals, -1);
        this.align = new Align[headers.length];
    }

    public Table(List<String> headers) {
        this(headers.toArray(String[]::new));
    }

    /** A line printed above the header. */
    public Table title(String title) {
        this.title = title;
        return this;
    }

    /** Prints floating-point cells of {@code column} with exactly {@code digits} decimals. */
    public Table decimals(int column, int digits) {
        checkColumn(column);
        if (digits < 0 || digits > 12) throw new IllegalArgumentException("decimals must be in [0, 12], got " + digits);
        decimals[column] = digits;
        return this;
    }

    /** Overrides the automatic alignment of {@code column}. */
    public Table align(int column, Align a) {
        checkColumn(column);
        align[column] = a;
        return this;
    }

    /** Adds a row; it must have one cell per column ({@code null} prints as an empty cell). */
    public Table addRow(Object... cells) {
        if (cells.length != headers.length)
            throw new IllegalArgumentException("row " + rows.size() + " has " + cells.length + " cells; the table has "
                    + headers.length + " columns " + Arrays.toString(headers));
        rows.add(cells.clone());
        return this;
    }

    public Table addRow(List<?> cells) {
        return addRow(cells.toArray());
    }

    public int numRows() {
        return rows.size();
    }

    public int numColumns() {
        return headers.length;
    }

    /** The table as aligned text, one line per row, each ending with a newline. */
    public String render() {
        String[][] cells = formattedCells();
        int[] width = new int[headers.length];
        for (int c = 0; c < headers.length; c++) {
            width[c] = headers[c].length();
            for (String[] row : cells) width[c] = Math.max(width[c], row[c].length());
        }
        Align[] a = effectiveAlignment();
        StringBuilder sb = new StringBuilder();
        if (title != null) sb.append(title).append('\n');
        appendLine(sb, headers, width, a);
        for (int c = 0; c < headers.length; c++) {
            if (c > 0) sb.append(GAP);
            sb.append("-".repeat(width[c]));
        }
        sb.append('\n');
        for (String[] row : cells) appendLine(sb, row, width, a);
        return sb.toString();
    }

    /** The table as a GitHub-flavoured Markdown table (for READMEs and result notes). */
    public String toMarkdown() {
        String[][] cells = formattedCells();
        Align[] a = effectiveAlignment();
        StringBuilder sb = new StringBuilder();
        sb.append("| ").append(String.join(" | ", escapeMarkdown(headers))).append(" |\n|");
        for (Align x : a) sb.append(x == Align.RIGHT ? " ---: |" : " --- |");
        sb.append('\n');
        for (String[] row : cells) sb.append("| ").append(String.join(" | ", escapeMarkdown(row))).append(" |\n");
        return sb.toString();
    }

    public void print(PrintStream out) {
        out.print(render());
        out.flush();
    }

    @Override
    public String toString() {
        return render();
    }

    /**
     * Formats a number the way tables show it by default: four significant digits, scientific notation
     * below 1e-3 or from 1e6 on in magnitude, {@code n/a} for NaN, {@code inf}/{@code -inf}.
     */
    public static String formatNumber(double v) {
        if (Double.isNaN(v)) return "n/a";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return "0";
        double abs = Math.abs(v);
        if (abs >= 1e6 || abs < 1e-3) return String.format(Locale.ROOT, "%.3e", v);
        int digits = Math.max(0, 3 - (int) Math.floor(Math.log10(abs)));
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    /** Formats {@code v} with a fixed number of decimals (NaN as {@code n/a}). */
    public static String formatNumber(double v, int decimals) {
        if (Double.isNaN(v)) return "n/a";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** {@code "mean +- halfWidth"} with the default number format, for "value with uncertainty" cells. */
    public static String plusMinus(double mean, double halfWidth) {
        return formatNumber(mean) + " +- " + formatNumber(halfWidth);
    }

    private String[][] formattedCells() {
        String[][] out = new String[rows.size()][headers.length];
        for (int r = 0; r < rows.size(); r++)
            for (int c = 0; c < headers.length; c++) out[r][c] = format(rows.get(r)[c], decimals[c]);
        return out;
    }

    private static String format(Object cell, int decimals) {
        if (cell == null) return "";
        if (cell instanceof Double || cell instanceof Float) {
            double v = ((Number) cell).doubleValue();
            return decimals >= 0 ? formatNumber(v, decimals) : formatNumber(v);
        }
        if (cell instanceof Number n) return n.toString(); // integers, BigDecimal: exact
        return cell.toString();
    }

    private Align[] effectiveAlignment() {
        Align[] a = new Align[headers.length];
        for (int c = 0; c < headers.length; c++) {
            if (align[c] != null) {
                a[c] = align[c];
                continue;
            }
            boolean numeric = !rows.isEmpty();
            for (Object[] row : rows) if (row[c] != null && !(row[c] instanceof Number)) numeric = false;
            a[c] = numeric ? Align.RIGHT : Align.LEFT;
        }
        return a;
    }

    private static void appendLine(StringBuilder sb, String[] cells, int[] width, Align[] a) {
        int start = sb.length();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) sb.append(GAP);
            String pad = " ".repeat(width[c] - cells[c].length());
            if (a[c] == Align.RIGHT) sb.append(pad).append(cells[c]);
            else sb.append(cells[c]).append(pad);
        }
        // no trailing blanks: they confuse diffs and copy-paste
        int end = sb.length();
        while (end > start && sb.charAt(end - 1) == ' ') end--;
        sb.setLength(end);
        sb.append('\n');
    }

    private static String[] escapeMarkdown(String[] cells) {
        String[] out = new String[cells.length];
        for (int i = 0; i < cells.length; i++) out[i] = cells[i].replace("|", "\\|");
        return out;
    }

    private void checkColumn(int column) {
        if (column < 0 || column >= headers.length)
            throw new IllegalArgumentException("column " + column + " does not exist; the table has " + headers.length + " columns");
    }
}
