package io.il4j.dagger;

import io.il4j.core.policy.Policy;

import java.util.List;

/**
 * Where a DAgger round's rollouts run when not one after another on the calling thread (the default): e.g.
 * il-spark's executors, for a simulator slower than the learner. An implementation runs
 * {@link DaggerRound#rollOut} for the episodes with the round's seeds and returns them in episode order, each
 * with the coin draws a sequential run would have given it ({@link LabelledEpisode#coinOffset()} = the lengths of
 * the episodes before it, when {@link DaggerRound#coinMatters()}), each run with the label limit of the round
 * (the driver cuts the episode where the budget runs out). It may stop once the episodes hold
 * {@link DaggerRound#labelLimit()} labels. The expert labels its executors return are checked on the driver.
 */
public interface RoundRollouts {

    /** The round's episodes, in order; {@code learner} is null when the expert drives the round. */
    List<LabelledEpisode> rollOut(DaggerRound round, Policy learner);
}
