package io.il4j.core.nn;

import java.util.List;

/**
 * The shape of an MLP trunk: hidden layer sizes, their activation and whether each hidden layer
 * normalizes its pre-activations (layer norm, DL4J's {@code DenseLayer.hasLayerNorm}). Shared by
 * BC policies, IQ-Learn and CQL networks. Immutable; thread-safe.
 *
 * @param hiddenSizes width of each hidden layer, input side first (may be empty: a linear model)
 * @param activation  activation of every hidden layer
 * @param layerNorm   layer normalization on every hidden layer
 */
public record MlpSpec(List<Integer> hiddenSizes, Activation activation, boolean layerNorm) {

    /** Two hidden layers of 256 with ReLU, no layer norm. */
    public static final MlpSpec DEFAULT = new MlpSpec(List.of(256, 256), Activation.RELU, false);

    public MlpSpec {
        if (hiddenSizes == null) throw new IllegalArgumentException("hiddenSizes must not be null (use an empty list for a linear model)");
        hiddenSizes = List.copyOf(hiddenSizes);
        for (int i = 0; i < hiddenSizes.size(); i++)
            if (hiddenSizes.get(i) < 1)
                throw new IllegalArgumentException("hidden layer " + i + " has size " + hiddenSizes.get(i) + "; sizes must be >= 1");
        if (activation == null) throw new IllegalArgumentException("activation must not be null");
        if (activation == Activation.IDENTITY && !hiddenSizes.isEmpty())
            throw new IllegalArgumentException("identity activation on hidden layers makes the MLP linear; choose relu, tanh, leaky_relu or elu");
    }

    /** Parses {@code "256,256"} into sizes (an empty string means no hidden layer). */
    public static List<Integer> parseSizes(String csv) {
        if (csv == null || csv.isBlank()) return List.of();
        String[] parts = csv.split(",");
        Integer[] sizes = new Integer[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                sizes[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("hidden sizes '" + csv + "': item " + i + " ('" + parts[i].trim()
                        + "') is not an integer; expected e.g. 256,256");
            }
        }
        return List.of(sizes);
    }
}
