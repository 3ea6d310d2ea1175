package io.il4j.core.data;

import java.util.ArrayList;
import java.util.List;

import static io.il4j.core.data.DatasetSpec.GOAL_PREFIX;
import static io.il4j.core.data.DatasetSpec.OBS_PREFIX;

/**
 * Which observation dims form the achieved goal, for hindsight relabeling (a goal taken from a state the
 * demonstration reached is those dims of that state), and the goal names of a policy that learns from
 * such goals. Stateless; thread-safe.
 */
public final class AchievedGoals {

    private AchievedGoals() {
    }

    /**
     * The achieved-goal dims: {@code given} when non-empty (checked against the observations and the dataset's
     * goals); else the observation dims the goal columns name ({@code goal_<observation name>}, as a
     * {@link io.il4j.core.env.GoalEnv} records them; an {@code obs_} prefix of the observation name is ignored);
     * else the first goal-dim observation dims. A dataset without goals needs {@code given}.
     */
    public static int[] resolve(DatasetSpec spec, List<Integer> given) {
        int[] dims;
        if (given.isEmpty()) {
            if (!spec.hasGoals())
                throw new IncompatibleDatasetException("relabeling goals from achieved states needs the goal size, and the dataset has no "
                        + "goal columns to take it from; set achievedGoalDims (the observation dims that form the goal, e.g. 0,1)");
            dims = namedGoalDims(spec);
            if (dims == null) {
                dims = new int[spec.goalDim()];
                for (int i = 0; i < dims.length; i++) dims[i] = i;
            }
        } else {
            dims = given.stream().mapToInt(Integer::intValue).toArray();
            if (spec.hasGoals() && dims.length != spec.goalDim())
                throw new IncompatibleDatasetException("achievedGoalDims has " + dims.length + " dims but the dataset's goals have "
                        + spec.goalDim() + " " + spec.goalNames() + "; they must describe the same goal space");
        }
        for (int d : dims)
            if (d < 0 || d >= spec.observationDim())
                throw new IncompatibleDatasetException("achieved-goal dim " + d + " does not exist: observations have "
                        + spec.observationDim() + " dims " + spec.observationNames()
                        + (given.isEmpty() ? " (by default the first goal-dim observation dims form the achieved goal; set achievedGoalDims)" : ""));
        return dims;
    }

    /** {@code spec} with goal names {@code goal_<observation name>} for {@code dims} (when it has no goal names of its own). */
    public static DatasetSpec withGoalNames(DatasetSpec spec, int[] dims) {
        if (spec.hasGoals()) return spec;
        List<String> names = new ArrayList<>();
        for (int d : dims) names.add(GOAL_PREFIX + spec.observationNames().get(d));
        return new DatasetSpec(spec.observationNames(), spec.actionSpace(), spec.actionNames(), names, spec.hasRewards());
    }

    /** The observation dims the goal names point at, or null when some goal name points at no observation. */
    private static int[] namedGoalDims(DatasetSpec spec) {
        List<String> obs = spec.observationNames();
        int[] dims = new int[spec.goalDim()];
        for (int i = 0; i < dims.length; i++) {
            String goal = withoutPrefix(spec.goalNames().get(i), GOAL_PREFIX);
            dims[i] = -1;
            for (int d = 0; d < obs.size() && dims[i] < 0; d++) if (withoutPrefix(obs.get(d), OBS_PREFIX).equals(goal)) dims[i] = d;
            if (dims[i] < 0) return null;
        }
        return dims;
    }

    private static String withoutPrefix(String name, String prefix) {
        return name.startsWith(prefix) && name.length() > prefix.length() ? name.substring(prefix.length()) : name;
    }
}
