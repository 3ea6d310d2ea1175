package io.il4j.core.nn;

import java.util.Arrays;

/**
 * Adam with decoupled weight decay, computed as DL4J's {@code AdamUpdater} op and {@code WeightDecay}
 * (so a network trained here follows the same path as one trained by {@code MultiLayerNetwork.fit}, which
 * the parity tests check): bias-corrected step size {@code alpha = lr sqrt(1 - b2^t) / (1 - b1^t)},
 * {@code p -= alpha m / (sqrt(v) + eps) + lr * decay * p} on decaying segments. Plain Java loops (C2
 * vectorizes them; ND4J's native Adam op cost 10x more at these sizes). Not thread-safe.
 */
public final class Adam implements Optimizer {

    /** DL4J's (and the Adam paper's) defaults. */
    public static final double BETA1 = 0.9, BETA2 = 0.999, EPSILON = 1e-8;

    private final Trainable target;
    private final float lr, weightDecay, beta1, beta2, epsilon;
    private final float[] m, v;
    private long iterations;

    public Adam(Trainable target, double learningRate) {
        this(target, learningRate, 0);
    }

    public Adam(Trainable target, double learningRate, double weightDecay) {
        this(target, learningRate, weightDecay, BETA1, BETA2, EPSILON);
    }

    public Adam(Trainable target, double learningRate, double weightDecay, double beta1, double beta2, double epsilon) {
        if (target == null) throw new IllegalArgumentException("target must not be null");
        if (!(learningRate > 0) || Double.isInfinite(learningRate))
            throw new IllegalArgumentException("learningRate must be > 0 and finite, got " + learningRate);
        if (!(weightDecay >= 0)) throw new IllegalArgumentException("weightDecay must be >= 0, got " + weightDecay);
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1))
            throw new IllegalArgumentException("beta1 and beta2 must be in [0, 1), got " + beta1 + ", " + beta2);
        if (!(epsilon > 0)) throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
        this.target = target;
        this.lr = (float) learningRate;
        this.weightDecay = (float) weightDecay;
        this.beta1 = (float) beta1;
        this.beta2 = (float) beta2;
        this.epsilon = (float) epsilon;
        int n = target.parameters().length;
        m = new float[n];
        v = new float[n];
    }

    @Override
    public void step() {
        double t = iterations + 1;
        float alpha = (float) (lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
        float decay = lr * weightDecay;
        for (int s = 0; s < target.numSegments(); s++)
            update(target.segmentStart(s), target.segmentEnd(s), alpha, target.segmentDecays(s) ? decay : 0f);
        target.parametersChanged();
        iterations++;
    }

    private void update(int from, int to, float alpha, float decay) {
        final float b1 = beta1, b2 = beta2, eps = epsilon, c1 = 1 - beta1, c2 = 1 - beta2;
        final float[] p = target.parameters(), g = target.gradients(), mm = m, vv = v;
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float mi = b1 * mm[i] + gi * c1;
            float vi = b2 * vv[i] + gi * gi * c2;
            mm[i] = mi;
            vv[i] = vi;
            p[i] -= mi * alpha / ((float) Math.sqrt(vi) + eps) + decay * p[i];
        }
    }

    @Override
    public long iterations() {
        return iterations;
    }

    /** A copy of the optimizer's state (for checkpoints). */
    public State state() {
        return new State(m.clone(), v.clone(), iterations);
    }

    /** Restores a {@link #state()} taken from an optimizer over parameters of the same size. */
    public void restore(State state) {
        if (state.firstMoments().length != m.length || state.secondMoments().length != v.length)
            throw new IllegalArgumentException("optimizer state holds " + state.firstMoments().length + " moments; the parameters are " + m.length);
        System.arraycopy(state.firstMoments(), 0, m, 0, m.length);
        System.arraycopy(state.secondMoments(), 0, v, 0, v.length);
        iterations = state.iterations();
    }

    /** Adam's moments and step count. */
    public record State(float[] firstMoments, float[] secondMoments, long iterations) {
        @Override
        public boolean equals(Object o) {
            return o instanceof State s && iterations == s.iterations && Arrays.equals(firstMoments, s.firstMoments)
                    && Arrays.equals(secondMoments, s.secondMoments);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(iterations) * 31 + Arrays.hashCode(firstMoments);
        }
    }
}
