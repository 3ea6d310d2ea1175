package io.il4j.core.io.internal;

import io.il4j.core.data.DatasetSpec;
import io.il4j.core.io.CsvOptions;
import io.il4j.core.io.DatasetFormatException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each role of the CSV schema sits in one file's header: resolved once from the header line and the
 * {@link CsvOptions}, then used by index for every row. Rejects missing and duplicated columns. Immutable.
 */
public final class CsvColumns {
    private static final int HEADER_LINE = 1;
    private static final char[] OTHER_SEPARATORS = {';', '\t', ',', '|'};

    public final int width;
    public final int episode;
    /** Index of the optional columns, or -1 when absent. */
    public final int time, reward, terminated, truncated;
    public final int[] observations, actions, goals;
    public final boolean discrete;
    public final List<String> observationNames, actionNames, goalNames;
    /** Columns that the schema does not use, in header order. */
    public final List<String> ignored;
    private final List<String> header;

    private CsvColumns(Path file, List<String> header, CsvOptions o) {
        this.header = header;
        this.width = header.size();
        if (width == 1) rejectOtherSeparator(file, header.get(0), o.delimiter());
        Map<String, Integer> index = indexHeader(file, header);
        boolean[] used = new boolean[width];

        Integer ep = index.get(o.episodeColumn());
        if (ep == null)
            throw DatasetFormatException.atLine(file, HEADER_LINE, o.episodeColumn(),
                    "missing from the header; expected a column holding the episode id (header: " + headerSummary() + ")");
        episode = use(used, ep);
        time = optional(index, used, o.timeColumn());
        reward = optional(index, used, o.rewardColumn());
        terminated = optional(index, used, o.terminatedColumn());
        truncated = optional(index, used, o.truncatedColumn());

        observationNames = o.observationColumns().isEmpty() ? withPrefix(DatasetSpec.OBS_PREFIX) : o.observationColumns();
        if (observationNames.isEmpty())
            throw DatasetFormatException.atLine(file, HEADER_LINE, null, "no observation columns; expected columns named "
                    + "obs_0, obs_1, ... or the columns given as observation columns (header: " + headerSummary() + ")");
        observations = resolve(file, index, used, observationNames, "an observation");

        String discreteName = o.discreteActionColumn();
        List<String> continuous = o.actionColumns();
        if (discreteName == null && continuous.isEmpty()) {
            continuous = withPrefix(DatasetSpec.ACT_PREFIX);
            boolean plainAct = index.containsKey(CsvOptions.DISCRETE_ACTION);
            if (continuous.isEmpty() && plainAct) {
                discreteName = CsvOptions.DISCRETE_ACTION;
            } else if (continuous.isEmpty()) {
                throw DatasetFormatException.atLine(file, HEADER_LINE, null, "no action columns; expected columns named "
                        + "act_0, act_1, ... (continuous) or a single integer 'act' column (discrete), or the columns "
                        + "given as action columns (header: " + headerSummary() + ")");
            } else if (plainAct) {
                throw DatasetFormatException.atLine(file, HEADER_LINE, CsvOptions.DISCRETE_ACTION, "a discrete 'act' column "
                        + "next to act_* columns " + continuous + "; expected one or the other (choose with the action "
                        + "column options)");
            }
        }
        discrete = discreteName != null;
        actionNames = discrete ? List.of(discreteName) : continuous;
        actions = resolve(file, index, used, actionNames, discrete ? "the discrete action" : "an action");

        goalNames = o.goalColumns().isEmpty() ? withPrefix(DatasetSpec.GOAL_PREFIX) : o.goalColumns();
        goals = resolve(file, index, used, goalNames, "a goal");

        List<String> rest = new ArrayList<>();
        for (int i = 0; i < width; i++) if (!used[i]) rest.add(header.get(i));
        ignored = List.copyOf(rest);
    }

    /** Resolves the header line of {@code file}; throws {@link DatasetFormatException} at line 1 when it does not fit. */
    public static CsvColumns resolve(Path file, List<String> header, CsvOptions options) {
        return new CsvColumns(file, header, options);
    }

    /** Name of column {@code i}. */
    public String name(int i) {
        return header.get(i);
    }

    /**
     * A header that is one cell holding another common separator means the file uses that separator; saying
     * so beats the "missing from the header" that would follow.
     */
    private static void rejectOtherSeparator(Path file, String cell, char delimiter) {
        for (char c : OTHER_SEPARATORS) {
            if (c == delimiter || cell.indexOf(c) < 0) continue;
            String shown = c == '\t' ? "a tab" : "'" + c + "'";
            String arg = c == '\t' ? "tab" : "'" + c + "'";
            throw DatasetFormatException.atLine(file, HEADER_LINE, null, "the header is a single cell '" + cell
                    + "' that contains " + shown + " but no '" + delimiter + "'; expected cells separated by '"
                    + delimiter + "'. If " + shown + " separates the cells, set the delimiter: --delimiter " + arg
                    + " on the il command line, CsvOptions.builder().delimiter(...) in code");
        }
    }

    private static Map<String, Integer> indexHeader(Path file, List<String> header) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isEmpty())
                throw DatasetFormatException.atLine(file, HEADER_LINE, null, "header cell " + (i + 1)
                        + " is empty; expected a column name");
            Integer prev = index.putIfAbsent(name, i);
            if (prev != null)
                throw DatasetFormatException.atLine(file, HEADER_LINE, name, "appears twice in the header (cells "
                        + (prev + 1) + " and " + (i + 1) + "); expected unique column names");
        }
        return index;
    }

    private List<String> withPrefix(String prefix) {
        List<String> out = new ArrayList<>();
        for (String h : header) if (h.startsWith(prefix) && h.length() > prefix.length()) out.add(h);
        return out;
    }

    private static int[] resolve(Path file, Map<String, Integer> index, boolean[] used, List<String> names, String role) {
        int[] idx = new int[names.size()];
        for (int k = 0; k < idx.length; k++) {
            Integer i = index.get(names.get(k));
            if (i == null)
                throw DatasetFormatException.atLine(file, HEADER_LINE, names.get(k), "missing from the header; it was given as "
                        + role + " column");
            if (used[i])
                throw DatasetFormatException.atLine(file, HEADER_LINE, names.get(k), "cannot be " + role
                        + " column: it already has another role");
            idx[k] = use(used, i);
        }
        return idx;
    }

    private static int optional(Map<String, Integer> index, boolean[] used, String name) {
        Integer i = index.get(name);
        return i == null ? -1 : use(used, i);
    }

    private static int use(boolean[] used, int i) {
        used[i] = true;
        return i;
    }

    private String headerSummary() {
        return header.size() <= 12 ? String.join(",", header)
                : String.join(",", header.subList(0, 12)) + ",... (" + header.size() + " columns)";
    }
}
