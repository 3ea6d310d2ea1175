package io.il4j.core.rl;

import io.il4j.core.nn.Mlp;
import io.il4j.core.nn.MlpSpec;

import java.util.SplittableRandom;

/**
 * SAC's actor: an {@link Mlp} from (normalized) observations to {@code [mean, raw log-std]} per action
 * dim, read as a tanh-squashed Gaussian ({@link TanhGaussian}) over actions in {@code (-1, 1)^D}.
 * Training samples actions with the reparameterization trick ({@link #sample}), so that a loss of the
 * sampled actions and their log-probabilities backs up into the network ({@link #backward}); the
 * deterministic action is {@code tanh(mean)}, which is what il-bc's tanh-Gaussian head decodes from a
 * policy file. Used by CQL (il-offline) and IQ-Learn (il-irl).
 *
 * <p>Not thread-safe (the network is not); one instance per training thread.
 */
public final class SquashedGaussianActor implements AutoCloseable {

    private final Mlp network;
    private final TanhGaussian dist;
    private final int actionDim;

    /** The state of one sampling pass: activations, the noise drawn, and gradient scratch. Reused across steps. */
    public final class Sample {
        final Mlp.Pass pass = network.newPass();
        double[] eps = new double[0];
        float[] zGrad = new float[0];
        double[] zRow = new double[2 * actionDim], aRow = new double[actionDim], gRow = new double[2 * actionDim];
        int rows;

        void ensure(int n) {
            if (eps.length < n * actionDim) {
                eps = new double[n * actionDim];
                zGrad = new float[n * 2 * actionDim];
            }
            rows = n;
        }

        /** The network outputs of the last forward on this sample's pass. */
        public float[] outputs() {
            return pass.outputs();
        }
    }

    public SquashedGaussianActor(Mlp network, TanhGaussian distribution) {
        if (network.outputDim() != distribution.outputDim())
            throw new IllegalArgumentException("actor network has " + network.outputDim() + " outputs; a tanh-Gaussian over "
                    + distribution.actionDim() + " action dims needs " + distribution.outputDim());
        this.network = network;
        this.dist = distribution;
        this.actionDim = distribution.actionDim();
    }

    /** A freshly initialized actor {@code obsDim -> trunk -> 2 actionDim}. */
    public static SquashedGaussianActor initialize(int obsDim, MlpSpec trunk, TanhGaussian distribution, long seed) {
        return new SquashedGaussianActor(Mlp.initialize(obsDim, trunk, distribution.outputDim(), seed), distribution);
    }

    public Mlp network() {
        return network;
    }

    public TanhGaussian distribution() {
        return dist;
    }

    public int actionDim() {
        return actionDim;
    }

    public Sample newSample() {
        return new Sample();
    }

    /**
     * Forwards {@code rows} observations on {@code s}'s pass and draws one reparameterized action per row
     * with {@code rng}: actions into {@code actionsOut} (row-major {@code rows x D}), {@code log pi(a | s)}
     * into {@code logProbOut[0 .. rows)} (may be null).
     */
    public void sample(Sample s, float[] obs, int rows, SplittableRandom rng, float[] actionsOut, float[] logProbOut) {
        s.ensure(rows);
        float[] z = network.forward(s.pass, obs, rows);
        for (int i = 0; i < rows * actionDim; i++) s.eps[i] = rng.nextGaussian();
        int w = 2 * actionDim;
        for (int r = 0; r < rows; r++) {
            double lp = dist.sample(z, r * w, s.eps, r * actionDim, actionsOut, r * actionDim);
            if (logProbOut != null) logProbOut[r] = (float) lp;
        }
    }

    /**
     * Forwards {@code rows} observations once on {@code s}'s pass and draws {@code perRow} actions from each row's
     * distribution: the same draws, in the same order, as {@link #sample} on each observation repeated
     * {@code perRow} times, for a tenth of the network's work at {@code perRow = 10} (CQL's sampled actions).
     * Actions go to {@code actionsOut} (row-major {@code rows * perRow x D}, row {@code r * perRow + n}),
     * log-densities to {@code logProbOut[0 .. rows * perRow)} (may be null). The draws take no gradient:
     * {@link #backward} after it is refused.
     */
    public void sampleMany(Sample s, float[] obs, int rows, int perRow, SplittableRandom rng, float[] actionsOut, float[] logProbOut) {
        if (perRow < 1) throw new IllegalArgumentException("perRow must be >= 1, got " + perRow);
        int n = rows * perRow;
        s.ensure(n);
        s.rows = NO_BACKWARD;
        float[] z = network.forward(s.pass, obs, rows);
        for (int i = 0; i < n * actionDim; i++) s.eps[i] = rng.nextGaussian();
        int w = 2 * actionDim;
        for (int r = 0; r < rows; r++)
            for (int k = 0; k < perRow; k++) {
                int row = r * perRow + k;
                double lp = dist.sample(z, r * w, s.eps, row * actionDim, actionsOut, row * actionDim);
                if (logProbOut != null) logProbOut[row] = (float) lp;
            }
    }

    /** {@link Sample#rows} after {@link #sampleMany}, whose draws take no gradient. */
    private static final int NO_BACKWARD = -1;

    /**
     * Backs up a loss of the last {@link #sample} on {@code s} into the network's weight gradients:
     * {@code actionGrad} is dLoss/da (row-major {@code rows x D}, or null), {@code logProbGrad} dLoss/dlogPi
     * per row (or null). Overwrites the gradients, or adds to them when {@code accumulate}.
     */
    public void backward(Sample s, float[] actionGrad, float[] logProbGrad, boolean accumulate) {
        if (s.rows == NO_BACKWARD) throw new IllegalStateException("backward after sampleMany: its draws take no gradient; use sample");
        float[] z = s.pass.outputs();
        int w = 2 * actionDim;
        for (int r = 0; r < s.rows; r++)
            dist.sampleBackward(z, r * w, s.eps, r * actionDim, actionGrad, r * actionDim,
                    logProbGrad == null ? 0 : logProbGrad[r], s.zGrad, r * w);
        network.backward(s.pass, s.zGrad, accumulate, true, null);
    }

    /**
     * {@code sum_r log pi(a_r | s_r)} of given actions (in {@code (-1, 1)^D}), forwarded on {@code s}'s pass;
     * when {@code gradScale != 0} the gradient of {@code gradScale * sum} is backed up into the weight
     * gradients (overwritten, or added when {@code accumulate}). CQL's optional BC warm-up of the actor uses it.
     */
    public double logLikelihood(Sample s, float[] obs, float[] actions, int rows, double gradScale, boolean accumulate) {
        s.ensure(rows);
        float[] z = network.forward(s.pass, obs, rows);
        int w = 2 * actionDim;
        double total = 0;
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < w; k++) s.zRow[k] = z[r * w + k];
            for (int j = 0; j < actionDim; j++) s.aRow[j] = actions[r * actionDim + j];
            total += dist.logLikelihood(s.zRow, 0, s.aRow, 0, gradScale != 0 ? s.gRow : null, 0);
            if (gradScale != 0) for (int k = 0; k < w; k++) s.zGrad[r * w + k] = (float) (gradScale * s.gRow[k]);
        }
        if (gradScale != 0) network.backward(s.pass, s.zGrad, accumulate, true, null);
        return total;
    }

    /** The deterministic actions {@code tanh(mean)} of {@code rows} observations (row-major {@code rows x D}). */
    public void deterministic(float[] obs, int rows, float[] actionsOut) {
        float[] z = network.forward(obs, rows);
        for (int r = 0; r < rows; r++) dist.deterministic(z, r * 2 * actionDim, actionsOut, r * actionDim);
    }

    @Override
    public void close() {
        network.close();
    }
}
