package io.il4j.bc.internal;

import io.il4j.core.nn.Head;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * A {@link Head}'s loss as a DL4J {@link ILossFunction} for an output layer with identity activation.
 * DL4J convention: {@link #computeGradient} returns the gradient of the <em>summed</em> loss (the
 * updater divides by the minibatch size). Remembers the last mean loss it computed so trainers can
 * read the pure data loss of a step (DL4J's score adds regularization). Not thread-safe: one per network.
 */
public final class HeadLossFunction implements ILossFunction {

    private final Head head;
    private transient double lastMeanLoss = Double.NaN;

    public HeadLossFunction(Head head) {
        this.head = head;
    }

    public Head head() {
        return head;
    }

    /** Mean loss of the last batch scored (NaN before the first). */
    public double lastMeanLoss() {
        return lastMeanLoss;
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask, boolean average) {
        int rows = check(labels, preOutput, activationFn, mask);
        double sum = head.lossSum(flat(preOutput), flat(labels), rows, null, null);
        lastMeanLoss = sum / rows;
        return average ? sum / rows : sum;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        int rows = check(labels, preOutput, activationFn, mask);
        double[] rowLoss = new double[rows];
        head.lossSum(flat(preOutput), flat(labels), rows, null, rowLoss);
        return Nd4j.create(rowLoss, new long[]{rows, 1}, preOutput.dataType());
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        int rows = check(labels, preOutput, activationFn, mask);
        double[] grad = new double[rows * head.outputDim()];
        lastMeanLoss = head.lossSum(flat(preOutput), flat(labels), rows, grad, null) / rows;
        return Nd4j.create(grad, new long[]{rows, head.outputDim()}, preOutput.dataType());
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
                                                          INDArray mask, boolean average) {
        int rows = check(labels, preOutput, activationFn, mask);
        double[] grad = new double[rows * head.outputDim()];
        double sum = head.lossSum(flat(preOutput), flat(labels), rows, grad, null);
        lastMeanLoss = sum / rows;
        return new Pair<>(average ? sum / rows : sum, Nd4j.create(grad, new long[]{rows, head.outputDim()}, preOutput.dataType()));
    }

    @Override
    public String name() {
        return "il4j-" + head.getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return name();
    }

    private int check(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        if (!(activationFn instanceof ActivationIdentity))
            throw new IllegalStateException(name() + " expects an identity output activation, got " + activationFn);
        if (mask != null) throw new IllegalStateException(name() + " does not support masks");
        if (preOutput.rank() != 2 || preOutput.size(1) != head.outputDim())
            throw new IllegalStateException("network output " + java.util.Arrays.toString(preOutput.shape()) + " does not match "
                    + name() + " (expected [n, " + head.outputDim() + "])");
        if (labels.rank() != 2 || labels.size(0) != preOutput.size(0) || labels.size(1) != head.labelWidth())
            throw new IllegalStateException("labels " + java.util.Arrays.toString(labels.shape()) + " do not match " + name()
                    + " (expected [" + preOutput.size(0) + ", " + head.labelWidth() + "])");
        return (int) preOutput.size(0);
    }

    private static double[] flat(INDArray a) {
        double[] d = a.ordering() == 'c' && !a.isView() ? a.data().asDouble() : null;
        return d != null && d.length == a.length() ? d : a.dup('c').data().asDouble();
    }
}
