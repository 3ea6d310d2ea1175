package io.il4j.envs.cartpole;

import io.il4j.core.env.Env;
import io.il4j.core.env.EnvSpec;
import io.il4j.core.env.StepResult;
import io.il4j.core.space.Discrete;
import io.il4j.envs.internal.EpisodeClock;
import io.il4j.envs.internal.SplitMix64;

import java.util.List;

/**
 * The cart-pole balancing task with the equations, constants, termination and reward of Gymnasium's
 * {@code CartPole-v1}, so returns are comparable with published numbers.
 *
 * <ul>
 *   <li><b>Observation</b> (4): cart position {@code x}, cart velocity, pole angle {@code theta}
 *   (radians, 0 = upright), pole angular velocity. As in Gymnasium the internal state is float64 and
 *   the observation is that state rounded to float32 (returned widened to double).</li>
 *   <li><b>Action</b>: {@code Discrete(2)}: 0 pushes the cart left with 10 N, 1 pushes it right.</li>
 *   <li><b>Dynamics</b>: the Barto–Sutton–Anderson model with the pole's {@code 4/3} inertia term,
 *   explicit Euler integration with {@code tau = 0.02} s.</li>
 *   <li><b>Reward</b>: 1 for every step, including the step that terminates the episode.</li>
 *   <li><b>Termination</b>: {@code |x| > 2.4} or {@code |theta| > 12°}; <b>truncation</b> after 500
 *   steps (configurable).</li>
 *   <li><b>Start</b>: every state variable uniform in [-0.05, 0.05] from the reset seed (il4j's own
 *   generator, so the start states differ from Gymnasium's for the same seed).</li>
 * </ul>
 * Stepping after the episode ended throws {@link IllegalStateException}; a bad action throws
 * {@link io.il4j.core.space.InvalidActionException}. Not thread-safe: one instance per thread.
 */
public final class CartPoleEnv implements Env {

    public static final String ID = "cartpole";
    public static final int DEFAULT_MAX_STEPS = 500;

    public static final double GRAVITY = 9.8;
    public static final double MASS_CART = 1.0;
    public static final double MASS_POLE = 0.1;
    public static final double TOTAL_MASS = MASS_CART + MASS_POLE;
    /** Half the pole's length, as in Gymnasium. */
    public static final double LENGTH = 0.5;
    public static final double POLE_MASS_LENGTH = MASS_POLE * LENGTH;
    public static final double FORCE_MAG = 10.0;
    public static final double TAU = 0.02;
    public static final double THETA_THRESHOLD = 12 * 2 * Math.PI / 360;
    public static final double X_THRESHOLD = 2.4;
    public static final double INIT_RANGE = 0.05;

    private static final Discrete ACTIONS = new Discrete(2);

    private final EnvSpec spec;
    private final EpisodeClock clock;
    private final SplitMix64 rng = new SplitMix64(0);
    private final double[] s = new double[4]; // x, x_dot, theta, theta_dot (float64)

    public CartPoleEnv() {
        this(DEFAULT_MAX_STEPS);
    }

    public CartPoleEnv(int maxSteps) {
        this.clock = new EpisodeClock(ID, maxSteps);
        this.spec = new EnvSpec(ID, List.of("x", "x_dot", "theta", "theta_dot"), ACTIONS, List.of("push_right"), maxSteps);
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public double[] reset(long seed) {
        rng.setSeed(seed);
        for (int i = 0; i < 4; i++) s[i] = rng.uniform(-INIT_RANGE, INIT_RANGE);
        clock.start();
        return observation();
    }

    @Override
    public StepResult step(double[] action) {
        int a = ACTIONS.index(action);
        clock.checkRunning();
        advance(s, a == 1 ? FORCE_MAG : -FORCE_MAG);
        double x = s[0], theta = s[2];
        boolean terminated = x < -X_THRESHOLD || x > X_THRESHOLD || theta < -THETA_THRESHOLD || theta > THETA_THRESHOLD;
        boolean truncated = clock.advance(terminated);
        return new StepResult(observation(), 1.0, terminated, truncated);
    }

    /**
     * Overwrites the physical state (float64, not rounded), e.g. to replay reference transitions or to
     * start from a chosen state. The episode clock is unchanged: call {@link #reset(long)} first.
     */
    public void setState(double x, double xDot, double theta, double thetaDot) {
        s[0] = x;
        s[1] = xDot;
        s[2] = theta;
        s[3] = thetaDot;
    }

    /** The float64 physical state {@code (x, x_dot, theta, theta_dot)}. */
    public double[] state() {
        return s.clone();
    }

    /** One Euler step of Gymnasium's cart-pole equations, in place on {@code (x, x_dot, theta, theta_dot)}. */
    static void advance(double[] s, double force) {
        double xDot = s[1], theta = s[2], thetaDot = s[3];
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double temp = (force + POLE_MASS_LENGTH * thetaDot * thetaDot * sin) / TOTAL_MASS;
        double thetaAcc = (GRAVITY * sin - cos * temp) / (LENGTH * (4.0 / 3.0 - MASS_POLE * cos * cos / TOTAL_MASS));
        double xAcc = temp - POLE_MASS_LENGTH * thetaAcc * cos / TOTAL_MASS;
        // Explicit Euler: positions advance with the old velocities.
        s[0] += TAU * xDot;
        s[1] = xDot + TAU * xAcc;
        s[2] = theta + TAU * thetaDot;
        s[3] = thetaDot + TAU * thetaAcc;
    }

    private double[] observation() {
        // Gymnasium returns np.array(state, dtype=np.float32).
        return new double[]{(float) s[0], (float) s[1], (float) s[2], (float) s[3]};
    }
}
