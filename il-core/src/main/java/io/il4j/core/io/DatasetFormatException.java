package io.il4j.core.io;

import java.nio.file.Path;

/**
 * A demonstration file whose contents do not match the expected format. The message reads
 * {@code demo.csv:17: column 'obs_3': expected a number, got 'abc'} (file, line, column, problem) or
 * {@code demo.h5: /episode_3/actions: expected shape (T, act_dim) ...} for HDF5; the parts are also
 * available as fields. Immutable; thread-safe.
 */
public class DatasetFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final String column;
    private final String hdf5Path;
    private final String problem;

    /**
     * @param file     the file being read
     * @param line     1-based line number, or -1 when the problem is not tied to a line
     * @param column   the column involved, or null
     * @param hdf5Path the HDF5 object involved, or null
     * @param problem  what was wrong and what was expected
     */
    public DatasetFormatException(Path file, long line, String column, String hdf5Path, String problem) {
        super(format(file, line, column, hdf5Path, problem));
        this.file = file;
        this.line = line;
        this.column = column;
        this.hdf5Path = hdf5Path;
        this.problem = problem;
    }

    /** A problem at one line (and optionally one column) of a text file. */
    public static DatasetFormatException atLine(Path file, long line, String column, String problem) {
        return new DatasetFormatException(file, line, column, null, problem);
    }

    /** A problem with one object inside an HDF5 file. */
    public static DatasetFormatException atHdf5Path(Path file, String hdf5Path, String problem) {
        return new DatasetFormatException(file, -1, null, hdf5Path, problem);
    }

    /** A problem with the file as a whole (or an entry of an archive named in {@code problem}). */
    public static DatasetFormatException inFile(Path file, String problem) {
        return new DatasetFormatException(file, -1, null, null, problem);
    }

    public Path file() {
        return file;
    }

    /** 1-based line number, or -1. */
    public long line() {
        return line;
    }

    /** Column name, or null. */
    public String column() {
        return column;
    }

    /** HDF5 object path, or null. */
    public String hdf5Path() {
        return hdf5Path;
    }

    /** The message without the location prefix. */
    public String problem() {
        return problem;
    }

    private static String format(Path file, long line, String column, String hdf5Path, String problem) {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "<input>" : file.toString());
        if (line > 0) sb.append(':').append(line);
        sb.append(": ");
        if (hdf5Path != null) sb.append(hdf5Path).append(": ");
        if (column != null) sb.append("column '").append(column).append("': ");
        return sb.append(problem).toString();
    }
}
