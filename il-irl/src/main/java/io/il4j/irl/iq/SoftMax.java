package io.il4j.irl.iq;

/** The soft value {@code V = alpha logsumexp(Q/alpha)} of a row of Q-values and its gradient {@code softmax(Q/alpha)}. Stateless. */
final class SoftMax {
    private SoftMax() {
    }

    /** {@code V} of {@code q[off .. off+n)}; writes {@code softmax(q/alpha)} into {@code probsOut[0 .. n)} when non-null. */
    static double value(float[] q, int off, int n, double alpha, double[] probsOut) {
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < n; a++) max = Math.max(max, q[off + a] / alpha);
        double z = 0;
        for (int a = 0; a < n; a++) z += Math.exp(q[off + a] / alpha - max);
        if (probsOut != null) for (int a = 0; a < n; a++) probsOut[a] = Math.exp(q[off + a] / alpha - max) / z;
        return alpha * (max + Math.log(z));
    }
}
