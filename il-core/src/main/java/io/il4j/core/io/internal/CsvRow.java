package io.il4j.core.io.internal;

import java.nio.file.Path;

/**
 * One data row of a demonstration CSV as the reader's checks see it: either cells of text parsed on demand
 * ({@link Text}), or cells a worker thread already parsed ({@link ParsedCsvChunk}). Both give the same values, and
 * {@link Text} raises the located errors; a parsed row exists only when every cell it holds parsed cleanly.
 */
public interface CsvRow {

    int size();

    /** The episode id cell. */
    String id(int column);

    boolean isEmpty(int column);

    float number(Path file, long line, String name, int column);

    /** The cells {@code columns} as by {@link #number}, into {@code into[0, columns.length)}; names from {@code c}. */
    default void numbers(Path file, long line, CsvColumns c, int[] columns, float[] into) {
        for (int k = 0; k < columns.length; k++) into[k] = number(file, line, c.name(columns[k]), columns[k]);
    }

    long integer(Path file, long line, String name, int column, String expectation);

    boolean flag(Path file, long line, String name, int column);

    /** The cell's text (for error messages). */
    String text(int column);

    /** Cells of text, parsed by {@link CsvCells} when asked. */
    record Text(String[] cells) implements CsvRow {
        @Override
        public int size() {
            return cells.length;
        }

        @Override
        public String id(int column) {
            return cells[column];
        }

        @Override
        public boolean isEmpty(int column) {
            return cells[column].isEmpty();
        }

        @Override
        public float number(Path file, long line, String name, int column) {
            return CsvCells.parseFloat(file, line, name, cells[column]);
        }

        @Override
        public long integer(Path file, long line, String name, int column, String expectation) {
            return CsvCells.parseInteger(file, line, name, cells[column], expectation);
        }

        @Override
        public boolean flag(Path file, long line, String name, int column) {
            return CsvCells.parseFlag(file, line, name, cells[column]);
        }

        @Override
        public String text(int column) {
            return cells[column];
        }
    }
}
