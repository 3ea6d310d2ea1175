package io.il4j.core.nn;

/**
 * Hidden-layer activations supported by both the DL4J networks and the plain-Java forward pass
 * ({@link MlpForward}); each constant knows its DL4J counterpart and evaluates itself in Java, so an
 * exported network computes the same function without DL4J. Immutable; thread-safe.
 */
public enum Activation {
    RELU(org.nd4j.linalg.activations.Activation.RELU),
    TANH(org.nd4j.linalg.activations.Activation.TANH),
    /** Leaky ReLU with DL4J's default slope 0.01 for negative inputs. */
    LEAKY_RELU(org.nd4j.linalg.activations.Activation.LEAKYRELU),
    /** ELU with alpha 1 (DL4J's default). */
    ELU(org.nd4j.linalg.activations.Activation.ELU),
    /** No non-linearity; used for output layers (heads interpret the raw outputs). */
    IDENTITY(org.nd4j.linalg.activations.Activation.IDENTITY);

    private static final float LEAKY_SLOPE = 0.01f;
    private final org.nd4j.linalg.activations.Activation dl4j;

    Activation(org.nd4j.linalg.activations.Activation dl4j) {
        this.dl4j = dl4j;
    }

    public org.nd4j.linalg.activations.Activation dl4j() {
        return dl4j;
    }

    /** Applies the activation in place to {@code x[0..n)}. */
    public void applyInPlace(float[] x, int n) {
        switch (this) {
            case RELU -> {
                for (int i = 0; i < n; i++) x[i] = Math.max(x[i], 0f);
            }
            case TANH -> {
                for (int i = 0; i < n; i++) x[i] = (float) Math.tanh(x[i]);
            }
            case LEAKY_RELU -> {
                for (int i = 0; i < n; i++) x[i] = x[i] >= 0f ? x[i] : LEAKY_SLOPE * x[i];
            }
            case ELU -> {
                for (int i = 0; i < n; i++) x[i] = x[i] >= 0f ? x[i] : (float) Math.expm1(x[i]);
            }
            case IDENTITY -> {
            }
        }
    }

    /** The activation of one value (tests and reference code). */
    public float apply(float x) {
        float[] one = {x};
        applyInPlace(one, 1);
        return one[0];
    }

    /** Parses a name case-insensitively ({@code relu}, {@code tanh}, {@code leaky_relu}, {@code elu}, {@code identity}). */
    public static Activation parse(String name) {
        if (name == null) throw new IllegalArgumentException("activation name must not be null");
        String n = name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        if (n.equals("LEAKYRELU")) n = "LEAKY_RELU";
        try {
            return valueOf(n);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown activation '" + name + "'; expected one of relu, tanh, leaky_relu, elu, identity");
        }
    }
}
