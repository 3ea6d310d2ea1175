package io.il4j.bc.internal;

import java.util.SplittableRandom;

/** Outputs the action directly; loss: squared error averaged over action dims (PyTorch's MSELoss per row). */
public final class DeterministicHead extends ContinuousHead {

    public DeterministicHead(int actionDim) {
        super(actionDim);
    }

    @Override
    public int outputDim() {
        return dim;
    }

    @Override
    public double lossSum(double[] z, double[] y, int rows, double[] grad, double[] rowLoss) {
        double total = 0;
        for (int r = 0; r < rows; r++) {
            double row = 0;
            for (int j = 0; j < dim; j++) {
                int i = r * dim + j;
                double d = z[i] - y[i];
                row += d * d;
                if (grad != null) grad[i] = 2 * d / dim;
            }
            row /= dim;
            if (rowLoss != null) rowLoss[r] = row;
            total += row;
        }
        return total;
    }

    @Override
    public void sample(float[] z, SplittableRandom rng, float[] out) {
        decode(z, out);
    }
}
