package io.il4j.core.nn;

/**
 * Exported weights of one dense layer: {@code y = act(LN(x W) + b)} where LN (layer norm, only when
 * {@code gain} is non-null) is {@code gain * (z - mean(z)) / std(z)} over the layer's outputs, with the
 * population std and no epsilon, exactly as DL4J's {@code DenseLayer.hasLayerNorm}.
 * Immutable by contract (arrays are not copied on access for speed; do not modify them); thread-safe.
 *
 * @param weights row-major {@code [in][out]}: {@code weights[i * out + j]} connects input i to output j
 * @param bias    {@code out} values
 * @param gain    layer-norm gain ({@code out} values), or null without layer norm
 */
public record DenseWeights(int in, int out, float[] weights, float[] bias, float[] gain, Activation activation) {
    public DenseWeights {
        if (in < 1 || out < 1) throw new IllegalArgumentException("dense layer needs in, out >= 1, got " + in + " x " + out);
        if (weights == null || weights.length != in * out)
            throw new IllegalArgumentException("dense layer " + in + "x" + out + ": weights hold "
                    + (weights == null ? "null" : weights.length) + " values, expected " + in * out);
        if (bias == null || bias.length != out)
            throw new IllegalArgumentException("dense layer " + in + "x" + out + ": bias holds "
                    + (bias == null ? "null" : bias.length) + " values, expected " + out);
        if (gain != null && gain.length != out)
            throw new IllegalArgumentException("dense layer " + in + "x" + out + ": gain holds " + gain.length + " values, expected " + out);
        if (activation == null) throw new IllegalArgumentException("activation must not be null");
    }

    public boolean layerNorm() {
        return gain != null;
    }

    /** A deep copy (for checkpoints). */
    public DenseWeights copy() {
        return new DenseWeights(in, out, weights.clone(), bias.clone(), gain == null ? null : gain.clone(), activation);
    }
}
