package io.il4j.core.nn;

/** Plain gradient descent, {@code p -= lr * g} (no momentum, no decay). Not thread-safe. */
public final class Sgd implements Optimizer {

    private final Trainable target;
    private final float lr;
    private long iterations;

    public Sgd(Trainable target, double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate))
            throw new IllegalArgumentException("learningRate must be > 0 and finite, got " + learningRate);
        this.target = target;
        this.lr = (float) learningRate;
    }

    @Override
    public void step() {
        float[] p = target.parameters(), g = target.gradients();
        for (int i = 0; i < p.length; i++) p[i] -= lr * g[i];
        target.parametersChanged();
        iterations++;
    }

    @Override
    public long iterations() {
        return iterations;
    }
}
