package io.il4j.envs.cartpole;

import io.il4j.core.policy.ExpertOracle;
import io.il4j.envs.internal.Lqr;

/**
 * LQR balance controller for {@link CartPoleEnv}, computed from the observation alone (so it labels
 * any state, as DAgger needs). The gain is the discrete-time LQR of the environment's own Euler
 * equations linearized at the upright rest state (by central differences, so it always matches the
 * simulator); the continuous force {@code u = -K obs} is then turned into the push direction
 * {@code action = u > 0 ? 1 : 0}. Reaches the 500-step limit from every start state of the task.
 * Stateless and thread-safe.
 */
public final class CartPoleExpert implements ExpertOracle {

    /** State cost: the pole angle matters most, the cart position keeps it inside the track. */
    private static final double[] Q_DIAG = {1.0, 1.0, 10.0, 1.0};
    private static final double R = 1.0;

    private final double[] gain;

    public CartPoleExpert() {
        this.gain = lqrGain();
    }

    /** The LQR gain {@code K} (u = -K x) over {@code (x, x_dot, theta, theta_dot)}. */
    public double[] gain() {
        return gain.clone();
    }

    @Override
    public double[] act(double[] observation) {
        return new double[]{push(observation)};
    }

    @Override
    public void act(double[] observation, double[] actionOut) {
        actionOut[0] = push(observation);
    }

    private double push(double[] obs) {
        if (obs == null || obs.length != 4)
            throw new IllegalArgumentException("cartpole expert needs a 4-number observation (x, x_dot, theta, theta_dot), got "
                    + (obs == null ? "null" : obs.length + " numbers"));
        double u = 0;
        for (int i = 0; i < 4; i++) u -= gain[i] * obs[i];
        return u > 0 ? 1 : 0;
    }

    private static double[] lqrGain() {
        double h = 1e-6;
        double[][] a = new double[4][4];
        for (int j = 0; j < 4; j++) {
            double[] plus = new double[4], minus = new double[4];
            plus[j] = h;
            minus[j] = -h;
            CartPoleEnv.advance(plus, 0);
            CartPoleEnv.advance(minus, 0);
            for (int i = 0; i < 4; i++) a[i][j] = (plus[i] - minus[i]) / (2 * h);
        }
        double[] plus = new double[4], minus = new double[4];
        CartPoleEnv.advance(plus, h);
        CartPoleEnv.advance(minus, -h);
        double[] b = new double[4];
        for (int i = 0; i < 4; i++) b[i] = (plus[i] - minus[i]) / (2 * h);
        double[][] q = new double[4][4];
        for (int i = 0; i < 4; i++) q[i][i] = Q_DIAG[i];
        return Lqr.gain(a, b, q, R);
    }
}
