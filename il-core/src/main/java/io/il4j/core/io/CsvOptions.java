package io.il4j.core.io;

import io.il4j.core.space.Box;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How to map the columns of a demonstration CSV onto a dataset. The defaults read the README's
 * demonstration CSV format: {@code episode, t, obs_*, act_* (or one integer act), reward, terminated, truncated, goal_*}.
 * Immutable and validated on construction; thread-safe. Build with {@link #builder()}.
 *
 * @param delimiter            cell separator (default {@code ,})
 * @param episodeColumn        column holding the episode id (default {@code episode}); required in the file
 * @param timeColumn           optional column holding the step index within the episode (default {@code t})
 * @param observationColumns   observation columns in order; empty (default) means every column named {@code obs_*},
 *                             in header order
 * @param actionColumns        continuous action columns in order; empty (default) means every {@code act_*} column
 * @param discreteActionColumn the single integer action column; null (default) means: use a column named {@code act}
 *                             when the file has no {@code act_*} columns and no action columns were given
 * @param discreteActionCount  n of {@code Discrete(n)}; 0 (default) infers it as the largest index + 1 (at least 2)
 * @param rewardColumn         optional reward column (default {@code reward})
 * @param terminatedColumn     optional flag column (default {@code terminated})
 * @param truncatedColumn      optional flag column (default {@code truncated})
 * @param goalColumns          goal columns in order; empty (default) means every {@code goal_*} column (possibly none)
 * @param actionBounds         bounds of continuous actions; null (default) gives {@code Box.unbounded(m)}, since a
 *                             CSV file carries no bounds
 */
public record CsvOptions(char delimiter, String episodeColumn, String timeColumn, List<String> observationColumns,
                         List<String> actionColumns, String discreteActionColumn, int discreteActionCount,
                         String rewardColumn, String terminatedColumn, String truncatedColumn,
                         List<String> goalColumns, Box actionBounds) implements java.io.Serializable {

    /** The default name of a single discrete-action column. */
    public static final String DISCRETE_ACTION = "act";

    private static final CsvOptions DEFAULTS = builder().build();

    public CsvOptions {
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r')
            throw new IllegalArgumentException("delimiter " + printable(delimiter) + " cannot separate CSV cells");
        requireName("episodeColumn", episodeColumn);
        requireName("timeColumn", timeColumn);
        requireName("rewardColumn", rewardColumn);
        requireName("terminatedColumn", terminatedColumn);
        requireName("truncatedColumn", truncatedColumn);
        observationColumns = names("observationColumns", observationColumns);
        actionColumns = names("actionColumns", actionColumns);
        goalColumns = names("goalColumns", goalColumns);
        if (discreteActionColumn != null) requireName("discreteActionColumn", discreteActionColumn);
        if (discreteActionColumn != null && !actionColumns.isEmpty())
            throw new IllegalArgumentException("give either actionColumns " + actionColumns
                    + " (continuous) or discreteActionColumn '" + discreteActionColumn + "', not both");
        if (discreteActionCount != 0 && discreteActionCount < 2)
            throw new IllegalArgumentException("discreteActionCount must be 0 (infer) or >= 2, got " + discreteActionCount);
        if (actionBounds != null && discreteActionColumn != null)
            throw new IllegalArgumentException("actionBounds apply to continuous actions; discreteActionColumn '"
                    + discreteActionColumn + "' is discrete");
        if (actionBounds != null && !actionColumns.isEmpty() && actionBounds.dim() != actionColumns.size())
            throw new IllegalArgumentException("actionBounds has " + actionBounds.dim() + " dims but " + actionColumns.size()
                    + " actionColumns were given " + actionColumns);
        List<String> all = new ArrayList<>(List.of(episodeColumn, timeColumn, rewardColumn, terminatedColumn, truncatedColumn));
        all.addAll(observationColumns);
        all.addAll(actionColumns);
        all.addAll(goalColumns);
        if (discreteActionColumn != null) all.add(discreteActionColumn);
        Set<String> seen = new HashSet<>();
        for (String n : all)
            if (!seen.add(n)) throw new IllegalArgumentException("column '" + n + "' is given more than one role in the CSV options");
    }

    /** The defaults: the README's demonstration CSV format, with prefixed columns. */
    public static CsvOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.delimiter = delimiter;
        b.episodeColumn = episodeColumn;
        b.timeColumn = timeColumn;
        b.observationColumns = observationColumns;
        b.actionColumns = actionColumns;
        b.discreteActionColumn = discreteActionColumn;
        b.discreteActionCount = discreteActionCount;
        b.rewardColumn = rewardColumn;
        b.terminatedColumn = terminatedColumn;
        b.truncatedColumn = truncatedColumn;
        b.goalColumns = goalColumns;
        b.actionBounds = actionBounds;
        return b;
    }

    private static void requireName(String what, String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException(what + " must be a non-blank column name, got '" + name + "'");
    }

    private static List<String> names(String what, List<String> names) {
        if (names == null) return List.of();
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            requireName(what + " entry", n);
            if (!seen.add(n)) throw new IllegalArgumentException(what + " lists '" + n + "' twice: " + names);
        }
        return List.copyOf(names);
    }

    private static String printable(char c) {
        return c == '\n' ? "'\\n'" : c == '\r' ? "'\\r'" : "'" + c + "'";
    }

    /** Mutable builder for {@link CsvOptions}; not thread-safe. */
    public static final class Builder {
        private char delimiter = ',';
        private String episodeColumn = "episode";
        private String timeColumn = "t";
        private List<String> observationColumns = List.of();
        private List<String> actionColumns = List.of();
        private String discreteActionColumn;
        private int discreteActionCount;
        private String rewardColumn = "reward";
        private String terminatedColumn = "terminated";
        private String truncatedColumn = "truncated";
        private List<String> goalColumns = List.of();
        private Box actionBounds;

        private Builder() {
        }

        public Builder delimiter(char v) {
            delimiter = v;
            return this;
        }

        public Builder episodeColumn(String v) {
            episodeColumn = v;
            return this;
        }

        public Builder timeColumn(String v) {
            timeColumn = v;
            return this;
        }

        public Builder observationColumns(List<String> v) {
            observationColumns = v;
            return this;
        }

        public Builder observationColumns(String... v) {
            return observationColumns(List.of(v));
        }

        public Builder actionColumns(List<String> v) {
            actionColumns = v;
            return this;
        }

        public Builder actionColumns(String... v) {
            return actionColumns(List.of(v));
        }

        public Builder discreteActionColumn(String v) {
            discreteActionColumn = v;
            return this;
        }

        public Builder discreteActionCount(int v) {
            discreteActionCount = v;
            return this;
        }

        public Builder rewardColumn(String v) {
            rewardColumn = v;
            return this;
        }

        public Builder terminatedColumn(String v) {
            terminatedColumn = v;
            return this;
        }

        public Builder truncatedColumn(String v) {
            truncatedColumn = v;
            return this;
        }

        public Builder goalColumns(List<String> v) {
            goalColumns = v;
            return this;
        }

        public Builder goalColumns(String... v) {
            return goalColumns(List.of(v));
        }

        public Builder actionBounds(Box v) {
            actionBounds = v;
            return this;
        }

        public CsvOptions build() {
            return new CsvOptions(delimiter, episodeColumn, timeColumn, observationColumns, actionColumns,
                    discreteActionColumn, discreteActionCount, rewardColumn, terminatedColumn, truncatedColumn,
                    goalColumns, actionBounds);
        }
    }
}
