package io.il4j.envs.pendulum;

import io.il4j.core.policy.ExpertOracle;
import io.il4j.envs.internal.Lqr;

/**
 * Swing-up and balance controller for {@link PendulumEnv}, from the observation alone (it labels any
 * state, as DAgger needs).
 *
 * <p>With {@code theta'' = a sin(theta) + b u} ({@code a = 3g/2l}, {@code b = 3/ml^2}) the energy
 * {@code E = theta_dot^2 / 2 + a (cos theta - 1)} is 0 at the upright rest state and changes as
 * {@code dE/dt = b u theta_dot}. Far from upright the controller pumps energy towards 0
 * ({@code u = k (E* - E) theta_dot}, saturated); near upright it switches to the discrete-time LQR of
 * the simulator's semi-implicit Euler step linearized at the top, with the task's own cost weights
 * ({@code Q = diag(1, 0.1)}, {@code R = 0.001}), saturated to the torque bound.
 * Stateless and thread-safe.
 */
public final class PendulumExpert implements ExpertOracle {

    private static final double ENERGY_GAIN = 1.0;
    /** Switch to LQR when within this angle of upright... */
    private static final double CATCH_ANGLE = 0.6;
    /** ...and the energy error is small enough for the saturated LQR to hold the pole. */
    private static final double CATCH_ENERGY = 4.0;

    private final double a;
    private final double b;
    private final double[] gain;

    public PendulumExpert() {
        this(PendulumEnv.DEFAULT_GRAVITY);
    }

    public PendulumExpert(double gravity) {
        this.a = 3 * gravity / (2 * PendulumEnv.LENGTH);
        this.b = 3 / (PendulumEnv.MASS * PendulumEnv.LENGTH * PendulumEnv.LENGTH);
        double dt = PendulumEnv.DT;
        // theta_dot' = theta_dot + (a theta + b u) dt;  theta' = theta + theta_dot' dt
        double[][] am = {{1 + a * dt * dt, dt}, {a * dt, 1}};
        double[] bm = {b * dt * dt, b * dt};
        this.gain = Lqr.gain(am, bm, new double[][]{{1, 0}, {0, 0.1}}, 0.001);
    }

    @Override
    public double[] act(double[] observation) {
        return new double[]{torque(observation)};
    }

    @Override
    public void act(double[] observation, double[] actionOut) {
        actionOut[0] = torque(observation);
    }

    private double torque(double[] obs) {
        if (obs == null || obs.length != 3)
            throw new IllegalArgumentException("pendulum expert needs a 3-number observation (cos, sin, theta_dot), got "
                    + (obs == null ? "null" : obs.length + " numbers"));
        double cos = obs[0], sin = obs[1], thetaDot = obs[2];
        double theta = Math.atan2(sin, cos);
        double energy = 0.5 * thetaDot * thetaDot + a * (cos - 1);
        double u;
        if (Math.abs(theta) < CATCH_ANGLE && Math.abs(energy) < CATCH_ENERGY) {
            u = -(gain[0] * theta + gain[1] * thetaDot);
        } else {
            u = ENERGY_GAIN * (0 - energy) * thetaDot;
        }
        return Math.max(-PendulumEnv.MAX_TORQUE, Math.min(PendulumEnv.MAX_TORQUE, u));
    }
}
