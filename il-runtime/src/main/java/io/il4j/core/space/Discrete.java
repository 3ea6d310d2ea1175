package io.il4j.core.space;

/** {@code n} discrete actions {0, …, n-1}; stored as one number holding the index. */
public record Discrete(int n) implements ActionSpace {

    public Discrete {
        if (n < 2) throw new IllegalArgumentException("Discrete needs n >= 2 actions, got " + n);
    }

    @Override
    public int storageDim() {
        return 1;
    }

    /** The index held by a stored action, after {@link #validate}. */
    public int index(double[] action) {
        validate(action);
        return (int) action[0];
    }

    @Override
    public void validate(double[] action) {
        if (action == null || action.length != 1)
            throw new InvalidActionException("discrete action must be one number (the index), got "
                    + (action == null ? "null" : action.length + " numbers"));
        double a = action[0];
        if (!(a >= 0 && a < n) || a != Math.rint(a))
            throw new InvalidActionException("discrete action " + a + " is not an integer in [0, " + (n - 1) + "]");
    }
}
