package io.il4j.core.metrics;

import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetSpec;
import io.il4j.core.report.Table;
import io.il4j.core.space.Box;
import io.il4j.core.space.Discrete;

import java.util.ArrayList;
import java.util.List;

/**
 * What is in a dataset, computed in a pass over its episodes and two over its arrays (sums, then squared deviations
 * from the mean, in double, so large offsets do not swallow small spreads): counts, episode returns and lengths, and
 * per-dimension statistics of observations, actions and goals. {@link #format()} renders the table {@code il inspect}
 * prints.
 *
 * <p>Standard deviations are population ones (divide by n, as numpy's default). Observation and goal
 * statistics cover every observation row, final observations included. Continuous actions get
 * per-dimension statistics; discrete actions get {@link #actionCounts() counts per index} instead.
 * Return statistics are NaN when the data carry no rewards.
 *
 * <p>Immutable; safe to share between threads.
 *
 * @param spec                the dataset's spec
 * @param episodes            number of episodes
 * @param steps               number of steps (actions)
 * @param observations        number of observation rows
 * @param finalObservations   episodes that hold their final observation
 * @param terminatedEpisodes  episodes flagged terminated
 * @param truncatedEpisodes   episodes flagged truncated
 * @param returns             undiscounted episode returns (NaN fields without rewards)
 * @param episodeLength       episode lengths in steps
 * @param observation         one entry per observation dimension
 * @param action              one entry per action dimension (continuous), empty for discrete
 * @param goal                one entry per goal dimension, empty without goals
 * @param actionCounts        steps per discrete action index, empty for continuous actions
 */
public record DatasetStatistics(DatasetSpec spec, int episodes, int steps, int observations, int finalObservations,
                                int terminatedEpisodes, int truncatedEpisodes, Column returns, Column episodeLength,
                                List<Column> observation, List<Column> action, List<Column> goal,
                                List<Long> actionCounts) {

    /** Statistics of one quantity. */
    public record Column(String name, long count, double mean, double std, double min, double max) {
        static Column of(String name, RunningStats s) {
            return new Column(name, s.count(), s.mean(), s.std(), s.min(), s.max());
        }
    }

    public DatasetStatistics {
        observation = List.copyOf(observation);
        action = List.copyOf(action);
        goal = List.copyOf(goal);
        actionCounts = List.copyOf(actionCounts);
    }

    /** Computes the statistics of {@code data}. */
    public static DatasetStatistics of(Dataset data) {
        return new Accumulator(data.spec()).add(data).result();
    }

    /**
     * Statistics over several datasets of one spec (the shards of a sharded dataset), added one at a time, so the
     * data never sit in memory together. The result equals {@link #of} on their concatenation. Not thread-safe.
     */
    public static final class Accumulator {
        private final DatasetSpec spec;
        private final RunningStats returns = new RunningStats(), lengths = new RunningStats();
        private final RunningStats[] obs, act, goal;
        private final long[] counts;
        private long episodes, steps, observations, finals, term, trunc;

        public Accumulator(DatasetSpec spec) {
            this.spec = spec;
            this.obs = stats(spec.observationDim());
            this.goal = stats(spec.goalDim());
            this.counts = spec.actionSpace() instanceof Discrete d ? new long[d.n()] : null;
            this.act = counts == null ? stats(spec.actionDim()) : new RunningStats[0];
        }

        private static RunningStats[] stats(int n) {
            RunningStats[] s = new RunningStats[n];
            for (int d = 0; d < n; d++) s[d] = new RunningStats();
            return s;
        }

        /** Adds every episode of {@code data} (same spec). */
        public Accumulator add(Dataset data) {
            if (!data.spec().equals(spec))
                throw new IllegalArgumentException("cannot add data with spec " + data.spec() + " to statistics of spec " + spec);
            for (int e = 0; e < data.numEpisodes(); e++) {
                if (spec.hasRewards()) returns.add(data.episodeReturn(e));
                lengths.add(data.episodeLength(e));
                if (data.hasFinalObservation(e)) finals++;
                if (data.terminated(e)) term++;
                if (data.truncated(e)) trunc++;
            }
            add(obs, data.observationData(), data.numObservations());
            if (spec.hasGoals()) add(goal, data.goalData(), data.numObservations());
            if (counts != null) {
                float[] a = data.actionData();
                for (int i = 0; i < data.numSteps(); i++) {
                    int k = (int) a[i];
                    if (k < 0 || k >= counts.length || k != a[i])
                        throw new IllegalArgumentException("step " + (steps + i) + " holds discrete action " + a[i]
                                + "; expected an integer in [0, " + (counts.length - 1) + "]");
                    counts[k]++;
                }
            } else {
                add(act, data.actionData(), data.numSteps());
            }
            episodes += data.numEpisodes();
            steps += data.numSteps();
            observations += data.numObservations();
            return this;
        }

        private static void add(RunningStats[] s, float[] values, int rows) {
            RunningStats.addColumns(s, values, rows);
        }

        public DatasetStatistics result() {
            List<Long> l = new ArrayList<>();
            if (counts != null) for (long v : counts) l.add(v);
            return new DatasetStatistics(spec, Math.toIntExact(episodes), Math.toIntExact(steps), Math.toIntExact(observations),
                    Math.toIntExact(finals), Math.toIntExact(term), Math.toIntExact(trunc), Column.of("return", returns),
                    Column.of("episode length", lengths), columns(obs, spec.observationNames()),
                    counts == null ? columns(act, spec.actionNames()) : List.of(), columns(goal, spec.goalNames()), l);
        }

        private static List<Column> columns(RunningStats[] s, List<String> names) {
            List<Column> out = new ArrayList<>(s.length);
            for (int d = 0; d < s.length; d++) out.add(Column.of(names.get(d), s[d]));
            return out;
        }
    }

    /**
     * The text {@code il inspect} prints: an overview, return and length statistics, per-dimension
     * statistics and, for discrete actions, the action counts.
     */
    public String format() {
        StringBuilder sb = new StringBuilder();
        Table overview = new Table("dataset", "value");
        overview.addRow("episodes", episodes);
        overview.addRow("steps", steps);
        overview.addRow("observation rows", observations);
        overview.addRow("with final observation", finalObservations + " of " + episodes + " episodes");
        overview.addRow("terminated / truncated", terminatedEpisodes + " / " + truncatedEpisodes);
        overview.addRow("observation dim", spec.observationDim());
        overview.addRow("action space", describe(spec));
        overview.addRow("rewards", spec.hasRewards() ? "yes" : "no");
        overview.addRow("goal dim", spec.goalDim());
        sb.append(overview.render()).append('\n');

        Table episodesTable = new Table("per episode", "mean", "std", "min", "max");
        for (Column c : List.of(returns, episodeLength)) episodesTable.addRow(c.name(), c.mean(), c.std(), c.min(), c.max());
        sb.append(episodesTable.render()).append('\n');

        Table dims = new Table("field", "column", "mean", "std", "min", "max");
        for (Column c : observation) addRow(dims, "observation", c);
        for (Column c : action) addRow(dims, "action", c);
        for (Column c : goal) addRow(dims, "goal", c);
        sb.append(dims.render());

        if (!actionCounts.isEmpty()) {
            Table counts = new Table("action", "steps", "share").decimals(2, 3);
            for (int k = 0; k < actionCounts.size(); k++)
                counts.addRow(k, actionCounts.get(k), steps == 0 ? Double.NaN : actionCounts.get(k) / (double) steps);
            sb.append('\n').append(counts.render());
        }
        return sb.toString();
    }

    private static void addRow(Table t, String first, Column c) {
        t.addRow(first, c.name(), c.mean(), c.std(), c.min(), c.max());
    }

    private static String describe(DatasetSpec spec) {
        if (spec.actionSpace() instanceof Discrete d) return "discrete, " + d.n() + " actions";
        Box b = (Box) spec.actionSpace();
        boolean bounded = true;
        for (int i = 0; i < b.dim(); i++) bounded &= Double.isFinite(b.low(i)) && Double.isFinite(b.high(i));
        return "continuous, dim " + b.dim() + (bounded ? ", bounded" : ", unbounded");
    }
}
