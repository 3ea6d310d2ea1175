package io.il4j.irl.iq;

import io.il4j.core.nn.Activation;
import io.il4j.core.nn.MlpSpec;

import java.util.List;

/**
 * Hyperparameters of IQ-Learn (Garg et al., NeurIPS 2021), discrete and continuous. The objective minimized
 * over the soft Q-function, with the implied reward {@code r = Q(s,a) - gamma (1 - done) V(s')}:
 * <pre>
 *   L(Q) = -E_expert[r]  +  value term  +  c E_reg[r^2]
 * </pre>
 * where the {@code r - r^2/(4 alpha_chi)} part is the paper's chi-squared choice of the concave {@code phi}
 * ({@code c = 1 / (4 chi2Alpha)}), and the value term is {@link ValueTerm#INITIAL}
 * {@code (1 - gamma) E_{s0}[V(s0)]} or its telescoped form {@link ValueTerm#VALUE}
 * {@code E_{(s,s')}[V(s) - gamma (1 - done) V(s')]} over all sampled transitions (the two agree in expectation
 * when the transitions come from one stationary occupancy, since the sum telescopes; the latter uses every transition
 * instead of only the few expert episodes' first states).
 *
 * <p>Defaults: the chi-squared regularizer with {@code alpha = 0.5} and the {@code VALUE} form follow the paper's
 * recommended variant as we read it; the network size, step counts, learning rates and temperature are our
 * choices for 2-core machines (checked on CartPole: 10 expert episodes, 3,000 steps, return 500), not values
 * taken from the authors' code, which we did not read.
 *
 * @param hiddenSizes  Q-network (and actor) trunk (default 64,64: plenty for CartPole/Pendulum)
 * @param activation   trunk activation (default relu)
 * @param steps        gradient steps (offline) or environment steps (online) (default 5000)
 * @param batchSize    expert transitions per step; online, as many replayed learner transitions again (default 256)
 * @param learningRate Adam step size of the Q-network (default 3e-4)
 * @param actorLearningRate Adam step size of the continuous soft actor (default 3e-4)
 * @param gamma        discount (default 0.99)
 * @param temperature  entropy temperature alpha of the soft value {@code V = alpha logsumexp(Q/alpha)}
 *                     (continuous: {@code E_pi[Q - alpha log pi]}) (default 0.01)
 * @param valueTerm    {@link ValueTerm#VALUE} (default) or {@link ValueTerm#INITIAL}
 * @param chi2Alpha    the chi-squared regularizer's alpha; the reward penalty weight is {@code 1/(4 chi2Alpha)}
 *                     (default 0.5, so weight 0.5); {@code 0} switches the regularizer off (phi = identity)
 * @param seed         initialization and sampling seed (default 0)
 * @param targetTau    0 (default): the objective is differentiated through {@code V(s')} as well (one objective in Q);
 *                     above 0: {@code V(s')} comes from a target copy of the Q-network, Polyak-averaged with this rate
 *                     after each update, and no gradient flows through it
 */
public record IqLearnConfig(List<Integer> hiddenSizes, Activation activation, int steps, int batchSize, double learningRate,
                            double actorLearningRate, double gamma, double temperature, ValueTerm valueTerm, double chi2Alpha,
                            long seed, double targetTau) {

    /** Which form of the value term the objective uses. */
    public enum ValueTerm {
        /** {@code (1 - gamma) E[V(s0)]} over the expert episodes' first states. */
        INITIAL,
        /** {@code E[V(s) - gamma (1 - done) V(s')]} over every sampled transition (expert, and learner's when online). */
        VALUE
    }

    /**
     * The target rate that online continuous IQ-Learn needs (measured on Pendulum, 20 episodes, seed 0: without a target
     * critic -799/-659/-676 after 5,000/10,000/20,000 environment steps, with it -451/-406/-192; expert -173), where
     * offline continuous and online discrete runs did worse with one; the CLI's default for online continuous data.
     */
    public static final double ONLINE_CONTINUOUS_TARGET_TAU = 0.005;

    public static final IqLearnConfig DEFAULT = new IqLearnConfig(List.of(64, 64), Activation.RELU, 5000, 256, 3e-4, 3e-4,
            0.99, 0.01, ValueTerm.VALUE, 0.5, 0, 0);

    public IqLearnConfig {
        hiddenSizes = List.copyOf(hiddenSizes);
        new MlpSpec(hiddenSizes, activation, false); // validates sizes and activation
        if (steps < 1) throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        positive("learningRate", learningRate);
        positive("actorLearningRate", actorLearningRate);
        if (!(gamma >= 0 && gamma < 1)) throw new IllegalArgumentException("gamma must be in [0, 1), got " + gamma);
        positive("temperature", temperature);
        if (valueTerm == null) throw new IllegalArgumentException("valueTerm must be INITIAL or VALUE");
        if (!(chi2Alpha >= 0 && Double.isFinite(chi2Alpha)))
            throw new IllegalArgumentException("chi2Alpha must be >= 0 (0 = no regularizer), got " + chi2Alpha);
        if (!(targetTau >= 0 && targetTau <= 1))
            throw new IllegalArgumentException("targetTau must be in [0, 1] (0 = no target network), got " + targetTau);
    }

    /** Without a target network. */
    public IqLearnConfig(List<Integer> hiddenSizes, Activation activation, int steps, int batchSize, double learningRate,
                         double actorLearningRate, double gamma, double temperature, ValueTerm valueTerm, double chi2Alpha, long seed) {
        this(hiddenSizes, activation, steps, batchSize, learningRate, actorLearningRate, gamma, temperature, valueTerm, chi2Alpha, seed, 0);
    }

    private static void positive(String name, double v) {
        if (!(v > 0 && Double.isFinite(v))) throw new IllegalArgumentException(name + " must be a positive finite number, got " + v);
    }

    /** The weight {@code c = 1/(4 chi2Alpha)} of the squared-reward penalty (0 without regularizer). */
    public double rewardPenalty() {
        return chi2Alpha == 0 ? 0 : 1 / (4 * chi2Alpha);
    }

    public MlpSpec trunk() {
        return new MlpSpec(hiddenSizes, activation, false);
    }

    public IqLearnConfig withSteps(int s) {
        return new IqLearnConfig(hiddenSizes, activation, s, batchSize, learningRate, actorLearningRate, gamma, temperature, valueTerm, chi2Alpha, seed, targetTau);
    }

    public IqLearnConfig withSeed(long s) {
        return new IqLearnConfig(hiddenSizes, activation, steps, batchSize, learningRate, actorLearningRate, gamma, temperature, valueTerm, chi2Alpha, s, targetTau);
    }

    public IqLearnConfig withTargetTau(double tau) {
        return new IqLearnConfig(hiddenSizes, activation, steps, batchSize, learningRate, actorLearningRate, gamma, temperature, valueTerm, chi2Alpha, seed, tau);
    }

    public IqLearnConfig withValueTerm(ValueTerm v) {
        return new IqLearnConfig(hiddenSizes, activation, steps, batchSize, learningRate, actorLearningRate, gamma, temperature, v, chi2Alpha, seed, targetTau);
    }
}
