package io.il4j.offline;

import io.il4j.bc.BcPolicy;
import io.il4j.core.nn.Adam;
import io.il4j.core.nn.MlpWeights;
import io.il4j.core.train.Checkpoint;
import io.il4j.offline.internal.CqlRecorder;

import java.util.List;
import java.util.Map;

/**
 * What {@link OfflineLoop} needs from a CQL variant ({@link ContinuousCql}, {@link DiscreteCql}): one gradient step
 * on the current minibatch, its statistics, the diagnostics and policy of a check, and its whole training state for
 * checkpoints. A learner draws its randomness from (seed, step) alone, so nothing but networks, optimizer moments
 * and free scalars has to be saved for a resumed run to repeat an uninterrupted one bit for bit.
 */
interface CqlLearner {

    /** The trainer name in results and checkpoints ({@code "cql"}, {@code "discrete-cql"}). */
    String algorithm();

    /** One gradient step (1-based {@code step}) on the minibatch just drawn. */
    void update(int step);

    /** Hands the last {@link #update}'s statistics to the recorder (which checks them for divergence). */
    void record(CqlRecorder recorder, int step);

    /** Mean Q at the data actions of the diagnostic states. */
    double averageDataQ();

    /** The current greedy / mean-action policy. */
    BcPolicy policy();

    /** The trained critics' weights (saved beside the policy). */
    List<MlpWeights> critics();

    /** Adds every network, optimizer and free scalar of the training state (copies). */
    void save(Map<String, MlpWeights> networks, Map<String, Adam.State> optimizers, Map<String, Double> scalars);

    /** Restores what {@link #save} wrote. */
    void restore(Checkpoint checkpoint, Map<String, Double> scalars);
}
