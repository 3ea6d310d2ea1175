package io.il4j.irl.iq;

import io.il4j.core.nn.Adam;
import io.il4j.core.nn.ParameterVector;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The absorbing state of online IQ-Learn (termination made explicit, as in Kostrikov et al., ICLR 2019,
 * "Discriminator-Actor-Critic"). IQ-Learn's derivation is for an infinite-horizon MDP; masking {@code V(s')} to 0
 * after a termination silently fixes the terminal state's value at 0. Online, the objective drives the implied reward
 * of the learner's own (non-expert) transitions below zero, so a value of 0 after termination is the best value
 * there is: the greedy policy learns to end episodes (on CartPole, to drop the pole). Here a termination leads
 * instead to an absorbing state with one action and a learned implied reward {@code rho} on its self-transition,
 * so {@code V_abs = Q_abs = rho / (1 - gamma)}. The replay buffer samples the absorbing self-transition with the
 * weight the discounted occupancy gives it ({@link #weight}: {@code gamma / (1 - gamma)} steps per termination), so
 * the value term telescopes through it exactly as through the masked version, and the objective prices the absorbing
 * state like any other learner-only state (its share of the chi-squared penalty on {@code rho}). The expert's
 * occupancy holds the absorbing state too, with the same weight per expert termination (sampled in the expert half
 * of a batch, where {@code -E_expert[r]} raises {@code rho}); without it an expert that sometimes terminates (Driving)
 * would have its terminal transitions' reward {@code Q - gamma V_abs} raised by lowering {@code V_abs} without bound.
 * Expert data that never terminate give it no positive weight, so {@code rho} goes negative and ending an episode is
 * priced below continuing it. Not thread-safe.
 */
final class AbsorbingState {
    private final double gamma;
    private final ParameterVector rho = new ParameterVector(0f);
    private final Adam adam;
    private boolean[] objectiveDone = new boolean[0];

    AbsorbingState(double gamma, double learningRate) {
        this.gamma = gamma;
        this.adam = new Adam(rho, learningRate);
    }

    /** The replay weight of the absorbing state per termination ({@link OnlineConfig#absorbingWeight()}), or 0 with absorbing states off. */
    static double weight(OnlineConfig online, double gamma) {
        return online.absorbingStates() ? online.absorbingWeight().weight(gamma) : 0;
    }

    /**
     * Whether a draw from a set of {@code stored} transitions with {@code terminations} terminations lands on the absorbing
     * self-transition, which has {@code weight} stored steps' worth per termination: probability {@code m w / (stored + m w)}.
     * Draws no random number when the absorbing state has no weight (no terminations, or absorbing states off), so data
     * that never terminate are sampled exactly as without absorbing states.
     */
    static boolean draw(SplittableRandom rng, int stored, int terminations, double weight) {
        double abs = terminations * weight;
        return abs > 0 && rng.nextDouble() * (stored + abs) < abs;
    }

    /** Writes the absorbing self-transition into row {@code k} of batch arrays (observations and action unused: zeros). */
    static void writeRow(int k, int obsDim, int actDim, float[] obsOut, float[] nextOut, float[] actOut, boolean[] doneOut, boolean[] absorbingOut) {
        Arrays.fill(obsOut, k * obsDim, (k + 1) * obsDim, 0f);
        Arrays.fill(nextOut, k * obsDim, (k + 1) * obsDim, 0f);
        Arrays.fill(actOut, k * actDim, (k + 1) * actDim, 0f);
        doneOut[k] = false;
        absorbingOut[k] = true;
    }

    /** The absorbing self-transition's implied reward {@code rho}. */
    double reward() {
        return rho.get(0);
    }

    void setReward(double r) {
        rho.set(0, (float) r);
    }

    /** {@code V_abs = rho / (1 - gamma)}. */
    double value() {
        return rho.get(0) / (1 - gamma);
    }

    /**
     * Puts the absorbing state's values into the objective's inputs for the batch's first {@code n} rows: an absorbing
     * row gets {@code q = v = vn = V_abs}; a terminal row's next value becomes {@code V_abs}. Returns the done flags
     * the objective must see (none: every next state, absorbing included, has a value).
     */
    boolean[] substitute(IqBatch batch, int n, double[] q, double[] v, double[] vn) {
        if (objectiveDone.length < n) objectiveDone = new boolean[n];
        double va = value();
        for (int i = 0; i < n; i++) {
            objectiveDone[i] = false;
            if (batch.absorbing[i]) q[i] = v[i] = vn[i] = va;
            else if (batch.done[i]) vn[i] = va;
        }
        return objectiveDone;
    }

    /** {@code dL/d rho} from the objective's gradients over the rows {@link #substitute} touched. */
    double gradient(IqBatch batch, int n, IqObjective objective) {
        double g = 0;
        for (int i = 0; i < n; i++) {
            if (batch.absorbing[i]) g += objective.dq[i] + objective.dv[i] + objective.dvn[i];
            else if (batch.done[i]) g += objective.dvn[i];
        }
        return g / (1 - gamma);
    }

    /** One Adam step on {@code rho} with gradient {@code g}. */
    void step(double g) {
        rho.gradients()[0] = (float) g;
        adam.step();
    }
}
