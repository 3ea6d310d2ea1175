package io.il4j.envs.driving;

import io.il4j.core.policy.ExpertOracle;
import io.il4j.core.policy.Policy;
import io.il4j.envs.driving.internal.PerturbedPolicy;

/**
 * Behaviour policies of the {@link DrivingEnv} data tiers:
 * <ul>
 *   <li>{@code expert}: {@link DrivingExpert} (stateless, thread-safe);</li>
 *   <li>{@code medium}: the expert acting through noise: with probability {@value #MEDIUM_EPSILON} per step
 *   a uniform random action, otherwise the expert's action plus Gaussian noise of std
 *   {@value #MEDIUM_STEER_NOISE} x maxSteer on steering and {@value #MEDIUM_ACCEL_NOISE} x maxAccel on
 *   acceleration, clipped to the box; tuned so its mean return lies roughly half-way between random and
 *   expert at the default settings. Measured ({@link DrivingBenchmark#main}: 20 episodes, seeds 0..19):
 *   expert 471.7 +- 22.0, medium 153.8 +- 156.3, random -91.2 +- 5.1, so medium scores 44 on the
 *   100 (R - R_random) / (R_expert - R_random) scale (47 over 200 episodes, seeds 0..199);</li>
 *   <li>{@code random}: uniform in the action box.</li>
 * </ul>
 * The seeded policies draw from one stream that continues across episodes (reproducible for a given seed
 * and sequence of episodes) and are not thread-safe: one instance per thread.
 */
public final class DrivingBehaviours {

    public static final String EXPERT = "expert", MEDIUM = "medium", RANDOM = "random";
    /** Per-step probability that the medium policy acts uniformly at random. */
    public static final double MEDIUM_EPSILON = 0.08;
    /** Std of the medium policy's Gaussian steering noise, as a fraction of maxSteer. */
    public static final double MEDIUM_STEER_NOISE = 0.2;
    /** Std of the medium policy's Gaussian acceleration noise, as a fraction of maxAccel. */
    public static final double MEDIUM_ACCEL_NOISE = 0.2;

    private DrivingBehaviours() {
    }

    public static ExpertOracle expert() {
        return expert(DrivingConfig.defaults());
    }

    public static ExpertOracle expert(DrivingConfig config) {
        return new DrivingExpert(config);
    }

    public static Policy medium(long seed) {
        return medium(DrivingConfig.defaults(), seed);
    }

    public static Policy medium(DrivingConfig config, long seed) {
        VehicleParams p = config.vehicle();
        return new PerturbedPolicy(new DrivingExpert(config), DrivingEnv.actionSpace(config),
                new double[]{MEDIUM_STEER_NOISE * p.maxSteer(), MEDIUM_ACCEL_NOISE * p.maxAccel()}, MEDIUM_EPSILON, seed);
    }

    public static Policy random(long seed) {
        return random(DrivingConfig.defaults(), seed);
    }

    public static Policy random(DrivingConfig config, long seed) {
        return new PerturbedPolicy(null, DrivingEnv.actionSpace(config), new double[2], 1.0, seed);
    }

    /** The tier named {@code tier} ({@value #EXPERT}, {@value #MEDIUM} or {@value #RANDOM}). */
    public static Policy forTier(String tier, DrivingConfig config, long seed) {
        return switch (tier) {
            case EXPERT -> expert(config);
            case MEDIUM -> medium(config, seed);
            case RANDOM -> random(config, seed);
            default -> throw new IllegalArgumentException("unknown driving behaviour tier '" + tier + "'; expected one of "
                    + EXPERT + ", " + MEDIUM + ", " + RANDOM);
        };
    }
}
