package io.il4j.irl.iq;

import io.il4j.core.data.Normalizer;
import io.il4j.core.mdp.TabularMdp;
import io.il4j.core.nn.MlpForward;
import io.il4j.core.nn.MlpWeights;
import io.il4j.core.train.Provenance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * IQ-Learn's recovered reward for discrete actions, {@code r(s, a, s') = Q(s,a) - gamma V(s')}
 * with {@code V = alpha logsumexp(Q/alpha)} and, after a termination, the absorbing state's value (see
 * {@link RewardFunction#absorbingReward}): the single-sample form of {@code Q(s,a) - gamma E[V(s')]}
 * (exact for deterministic dynamics). Plain-Java forward over the exported weights. Not thread-safe
 * (one forward workspace); use one instance per thread.
 */
public final class DiscreteSoftQReward implements RewardFunction {
    static final String TYPE = "iqlearn-discrete";
    /** The entry of {@code V(s')}'s Q-network when it is not the Q-network (files written before it had none). */
    static final String VALUE_Q = "value-q.bin";

    private final MlpWeights weights, valueWeights;
    private final MlpForward q, valueQ;
    private final MlpForward.Workspace ws, valueWs;
    private final Normalizer normalizer;
    private final double gamma, temperature, absorbingReward;
    private final Provenance provenance;
    private final float[] in;

    /** A reward whose {@code V(s')} comes from the Q-network itself (training without a target network). */
    public DiscreteSoftQReward(MlpWeights weights, Normalizer normalizer, double gamma, double temperature, double absorbingReward,
                               Provenance provenance) {
        this(weights, weights, normalizer, gamma, temperature, absorbingReward, provenance);
    }

    /**
     * @param valueWeights the Q-network of {@code V(s')}: the training's target network when it had one (the implied
     *                     reward the objective shaped), else {@code weights} itself
     */
    public DiscreteSoftQReward(MlpWeights weights, MlpWeights valueWeights, Normalizer normalizer, double gamma, double temperature,
                               double absorbingReward, Provenance provenance) {
        if (normalizer.dim() != weights.inputDim())
            throw new IllegalArgumentException("normalizer has " + normalizer.dim() + " dims; the Q-network takes " + weights.inputDim());
        if (valueWeights.inputDim() != weights.inputDim() || valueWeights.outputDim() != weights.outputDim())
            throw new IllegalArgumentException("the value network's shape differs from the Q-network's");
        this.weights = weights;
        this.valueWeights = valueWeights;
        this.q = new MlpForward(weights);
        this.ws = q.newWorkspace();
        this.valueQ = valueWeights == weights ? q : new MlpForward(valueWeights);
        this.valueWs = valueQ.newWorkspace();
        this.normalizer = normalizer;
        this.gamma = gamma;
        this.temperature = temperature;
        this.absorbingReward = absorbingReward;
        this.provenance = provenance;
        this.in = new float[weights.inputDim()];
    }

    @Override
    public int observationDim() {
        return weights.inputDim();
    }

    public int numActions() {
        return weights.outputDim();
    }

    /** The Q-values of one observation (a fresh array). */
    public double[] qValues(double[] observation) {
        float[] out = forward(q, ws, observation);
        double[] d = new double[numActions()];
        for (int a = 0; a < d.length; a++) d[a] = out[a];
        return d;
    }

    /** {@code V(s) = alpha logsumexp(Q(s,.)/alpha)}, with the value network's Q (the Q-network's unless trained with a target). */
    public double value(double[] observation) {
        return SoftMax.value(forward(valueQ, valueWs, observation), 0, numActions(), temperature, null);
    }

    /**
     * The reward as a table over every transition, {@code r[s][a][s'] = Q(s,a) - gamma V(s')} for every {@code s'}
     * (the form EPIC needs); {@code observation} encodes a state index as the network's input. No absorbing state.
     */
    public double[][][] transitionTable(int numStates, IntFunction<double[]> observation) {
        int m = numActions();
        double[][] qs = new double[numStates][];
        double[] v = new double[numStates];
        for (int s = 0; s < numStates; s++) {
            double[] o = observation.apply(s);
            qs[s] = qValues(o);
            v[s] = value(o);
        }
        double[][][] r = new double[numStates][m][numStates];
        for (int s = 0; s < numStates; s++)
            for (int a = 0; a < m; a++)
                for (int t = 0; t < numStates; t++) r[s][a][t] = qs[s][a] - gamma * v[t];
        return r;
    }

    /** With an exact model, the expected reward {@code r[s][a] = sum_s' P(s'|s,a) r[s][a][s']} of a transition table (for planning). */
    public static double[][] expected(TabularMdp mdp, double[][][] transitionTable) {
        int n = mdp.numStates(), m = mdp.numActions();
        double[][][] p = mdp.transitionMatrix();
        double[][] r = new double[n][m];
        for (int s = 0; s < n; s++)
            for (int a = 0; a < m; a++)
                for (int t = 0; t < n; t++) r[s][a] += p[s][a][t] * transitionTable[s][a][t];
        return r;
    }

    @Override
    public double reward(double[] observation, double[] action, double[] nextObservation, boolean terminal) {
        int a = (int) action[0];
        if (a != action[0] || a < 0 || a >= numActions())
            throw new IllegalArgumentException("action " + action[0] + " is not one of the " + numActions() + " discrete actions");
        double qa = forward(q, ws, observation)[a];
        return RewardFunctions.softQReward(qa, gamma, absorbingReward, terminal, () -> value(nextObservation));
    }

    private float[] forward(MlpForward network, MlpForward.Workspace workspace, double[] observation) {
        if (observation.length != in.length)
            throw new IllegalArgumentException("observation has " + observation.length + " numbers; the reward expects " + in.length);
        normalizer.normalize(observation, 0, in, 0);
        return network.forward(in, workspace);
    }

    @Override
    public double absorbingReward() {
        return absorbingReward;
    }

    public double gamma() {
        return gamma;
    }

    public double temperature() {
        return temperature;
    }

    public Provenance provenance() {
        return provenance;
    }

    @Override
    public void save(Path path) throws IOException {
        var writer = RewardFunctions.writer(TYPE, gamma, temperature, absorbingReward, Map.of(), normalizer, provenance).put("q.bin", weights.toBytes());
        if (valueWeights != weights) writer.put(VALUE_Q, valueWeights.toBytes());
        writer.writeTo(path);
    }
}
