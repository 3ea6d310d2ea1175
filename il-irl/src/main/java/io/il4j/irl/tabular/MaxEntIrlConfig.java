package io.il4j.irl.tabular;

/**
 * Hyperparameters of {@link MaxEntIrl}.
 *
 * @param iterations   gradient-ascent steps on the log-likelihood (default 300)
 * @param learningRate Adam step size on the reward weights (default 0.1)
 * @param l2           weight of the {@code -(l2/2) |w|^2} penalty (default 0.01: a deterministic expert
 *                     otherwise pushes the weights of states it never visits towards minus infinity)
 * @param horizon      steps of the soft finite-horizon model; 0 = the MDP's horizon (default 0)
 * @param gamma        discount of the hard value iteration that turns the recovered reward into a greedy
 *                     policy for comparison with the expert (default 0.95, GridWorld's expert's)
 */
public record MaxEntIrlConfig(int iterations, double learningRate, double l2, int horizon, double gamma) {

    public static final MaxEntIrlConfig DEFAULT = new MaxEntIrlConfig(300, 0.1, 0.01, 0, 0.95);

    public MaxEntIrlConfig {
        if (iterations < 1) throw new IllegalArgumentException("iterations must be at least 1, got " + iterations);
        if (!(learningRate > 0 && Double.isFinite(learningRate)))
            throw new IllegalArgumentException("learningRate must be a positive finite number, got " + learningRate);
        if (!(l2 >= 0 && Double.isFinite(l2))) throw new IllegalArgumentException("l2 must be >= 0, got " + l2);
        if (horizon < 0) throw new IllegalArgumentException("horizon must be >= 0 (0 = the MDP's), got " + horizon);
        if (!(gamma >= 0 && gamma < 1)) throw new IllegalArgumentException("gamma must be in [0, 1), got " + gamma);
    }
}
