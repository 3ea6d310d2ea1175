package io.il4j.core.space;

import java.util.Arrays;

/** A continuous box {@code [low_i, high_i]} per dimension. Infinite bounds are allowed. */
public record Box(double[] low, double[] high) implements ActionSpace {

    public Box {
        if (low == null || high == null) throw new IllegalArgumentException("Box bounds must not be null");
        if (low.length != high.length)
            throw new IllegalArgumentException("Box low has " + low.length + " dims but high has " + high.length);
        if (low.length == 0) throw new IllegalArgumentException("Box must have at least one dimension");
        for (int i = 0; i < low.length; i++) {
            if (Double.isNaN(low[i]) || Double.isNaN(high[i]) || low[i] > high[i])
                throw new IllegalArgumentException("Box dim " + i + ": need low <= high, got [" + low[i] + ", " + high[i] + "]");
        }
        low = low.clone();
        high = high.clone();
    }

    /** A box with the same bounds in every dimension. */
    public static Box uniform(int dim, double low, double high) {
        double[] lo = new double[dim], hi = new double[dim];
        Arrays.fill(lo, low);
        Arrays.fill(hi, high);
        return new Box(lo, hi);
    }

    /** A box with infinite bounds (used when data carry no bounds). */
    public static Box unbounded(int dim) {
        return uniform(dim, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** Whether every dimension has finite bounds with low < high (what a tanh-squashed policy needs). */
    public boolean bounded() {
        for (int i = 0; i < dim(); i++)
            if (!Double.isFinite(low(i)) || !Double.isFinite(high(i)) || !(high(i) > low(i))) return false;
        return true;
    }

    public int dim() {
        return low.length;
    }

    @Override
    public int storageDim() {
        return low.length;
    }

    @Override
    public double[] low() {
        return low.clone();
    }

    @Override
    public double[] high() {
        return high.clone();
    }

    public double low(int i) {
        return low[i];
    }

    public double high(int i) {
        return high[i];
    }

    /** Clips {@code action} into the box in place and returns it. */
    public double[] clip(double[] action) {
        for (int i = 0; i < low.length; i++) action[i] = Math.max(low[i], Math.min(high[i], action[i]));
        return action;
    }

    public boolean contains(double[] action) {
        if (action.length != low.length) return false;
        for (int i = 0; i < low.length; i++) if (!(action[i] >= low[i] && action[i] <= high[i])) return false;
        return true;
    }

    @Override
    public void validate(double[] action) {
        if (action == null) throw new InvalidActionException("action is null; expected " + low.length + " numbers");
        if (action.length != low.length)
            throw new InvalidActionException("action has " + action.length + " numbers; expected " + low.length + " for " + this);
        for (int i = 0; i < action.length; i++)
            if (!Double.isFinite(action[i]))
                throw new InvalidActionException("action[" + i + "] is " + action[i] + "; actions must be finite");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Box b && Arrays.equals(low, b.low) && Arrays.equals(high, b.high);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(low) + Arrays.hashCode(high);
    }

    @Override
    public String toString() {
        return "Box(low=" + Arrays.toString(low) + ", high=" + Arrays.toString(high) + ")";
    }
}
