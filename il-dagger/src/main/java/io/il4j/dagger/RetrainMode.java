package io.il4j.dagger;

/**
 * How the learner is retrained after each aggregation: {@link #FROM_SCRATCH} fits a fresh policy on the
 * whole aggregated dataset every round (Ross et al. 2011); {@link #WARM_START} passes the previous
 * round's policy to {@link io.il4j.core.policy.PolicyLearner#fit} so it continues from those weights
 * (learners that cannot warm-start ignore it).
 */
public enum RetrainMode {
    FROM_SCRATCH, WARM_START
}
