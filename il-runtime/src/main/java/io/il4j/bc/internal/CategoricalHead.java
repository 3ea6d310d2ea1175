package io.il4j.bc.internal;

import io.il4j.core.nn.Head;
import java.util.SplittableRandom;

/** Logits over n discrete actions; loss: cross-entropy with (one-hot) labels via log-softmax. Action: the argmax. */
public final class CategoricalHead extends Head {
    private final int n;

    public CategoricalHead(int classes) {
        if (classes < 2) throw new IllegalArgumentException("categorical head needs >= 2 classes, got " + classes);
        this.n = classes;
    }

    @Override
    public int outputDim() {
        return n;
    }

    @Override
    public int labelWidth() {
        return n;
    }

    @Override
    public int actionWidth() {
        return 1;
    }

    @Override
    public double lossSum(double[] z, double[] y, int rows, double[] grad, double[] rowLoss) {
        double total = 0;
        for (int r = 0; r < rows; r++) {
            int o = r * n;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) max = Math.max(max, z[o + j]);
            double s = 0;
            for (int j = 0; j < n; j++) s += Math.exp(z[o + j] - max);
            double lse = max + Math.log(s);
            double row = 0, mass = 0;
            for (int j = 0; j < n; j++) {
                row -= y[o + j] * (z[o + j] - lse);
                mass += y[o + j];
            }
            if (grad != null) for (int j = 0; j < n; j++) grad[o + j] = mass * Math.exp(z[o + j] - lse) - y[o + j];
            if (rowLoss != null) rowLoss[r] = row;
            total += row;
        }
        return total;
    }

    @Override
    public void decode(float[] z, float[] out) {
        out[0] = argmax(z, 0, n);
    }

    @Override
    public void sample(float[] z, SplittableRandom rng, float[] out) {
        out[0] = sampleSoftmax(z, 0, n, rng);
    }
}
