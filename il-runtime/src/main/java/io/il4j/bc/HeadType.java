package io.il4j.bc;

/** The policy head of a BC network (the CLI's {@code --policy}). Immutable; thread-safe. */
public enum HeadType {
    /** Deterministic output trained with mean squared error (continuous actions). */
    MSE,
    /** Diagonal Gaussian with state-dependent mean and clamped log-std, trained by NLL (continuous actions). */
    GAUSSIAN,
    /** Mixture of diagonal Gaussians (mixture density network), NLL in log space (continuous, multimodal actions). */
    MDN,
    /** Softmax over discrete actions, cross-entropy (discrete actions). */
    CATEGORICAL;

    /** Parses {@code mse|gaussian|mdn|categorical} (case-insensitive). */
    public static HeadType parse(String s) {
        if (s != null) for (HeadType h : values()) if (h.name().equalsIgnoreCase(s.trim())) return h;
        throw new IllegalArgumentException("unknown policy head '" + s + "'; expected one of mse, gaussian, mdn, categorical");
    }

    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
