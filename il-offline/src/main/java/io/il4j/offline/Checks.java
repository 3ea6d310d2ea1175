package io.il4j.offline;

import io.il4j.core.nn.Activation;

import java.util.List;

/** Validation shared by the CQL config records: messages name the field and the expected range. */
final class Checks {
    private Checks() {
    }

    static List<Integer> sizes(String name, List<Integer> v) {
        if (v == null || v.isEmpty()) throw new IllegalArgumentException(name + " must list at least one hidden width, e.g. [256, 256]");
        for (int i = 0; i < v.size(); i++)
            if (v.get(i) == null || v.get(i) < 1) throw new IllegalArgumentException(name + "[" + i + "] is " + v.get(i) + "; widths must be >= 1");
        return List.copyOf(v);
    }

    static Activation activation(Activation a) {
        if (a == null) return Activation.RELU;
        if (a == Activation.IDENTITY) throw new IllegalArgumentException("activation identity makes the networks linear; choose relu, tanh, leaky_relu or elu");
        return a;
    }

    static void atLeast(String name, long v, long min) {
        if (v < min) throw new IllegalArgumentException(name + " must be >= " + min + ", got " + v);
    }

    static void positive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) throw new IllegalArgumentException(name + " must be a finite value > 0, got " + v);
    }

    static void unitInterval(String name, double v) {
        if (!(v > 0 && v <= 1)) throw new IllegalArgumentException(name + " must be in (0, 1], got " + v);
    }

    static void discount(double gamma) {
        if (!(gamma >= 0 && gamma < 1)) throw new IllegalArgumentException("gamma must be in [0, 1), got " + gamma);
    }
}
