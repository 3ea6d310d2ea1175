package io.il4j.envs.pendulum;

import io.il4j.core.env.Env;
import io.il4j.core.env.EnvSpec;
import io.il4j.core.env.StepResult;
import io.il4j.core.space.Box;
import io.il4j.envs.internal.EpisodeClock;
import io.il4j.envs.internal.SplitMix64;

import java.util.List;

/**
 * The inverted-pendulum swing-up with the equations, constants and reward of Gymnasium's
 * {@code Pendulum-v1}.
 *
 * <ul>
 *   <li><b>Observation</b> (3): {@code (cos theta, sin theta, theta_dot)} with {@code theta = 0} upright,
 *   rounded to float32 as Gymnasium returns them (widened to double).</li>
 *   <li><b>Action</b>: torque, {@code Box([-2], [2])}. Out-of-range torques are <em>clipped</em> to
 *   [-2, 2] (as Gymnasium does) and, like Gymnasium's float32 action space, rounded to float32; NaN/Inf or a wrong length throw
 *   {@link io.il4j.core.space.InvalidActionException}.</li>
 *   <li><b>Dynamics</b> (semi-implicit Euler, {@code dt = 0.05}):
 *   {@code theta_dot' = clip(theta_dot + (3g/(2l) sin theta + 3/(m l^2) u) dt, -8, 8)},
 *   {@code theta' = theta + theta_dot' dt}; {@code g = 10} (option), {@code m = l = 1}. The internal
 *   angle is not wrapped.</li>
 *   <li><b>Reward</b>: {@code -(normalize(theta)^2 + 0.1 theta_dot^2 + 0.001 u^2)} on the pre-step
 *   state and the clipped torque; in [-16.27, 0].</li>
 *   <li><b>Termination</b>: never; <b>truncation</b> after 200 steps (configurable).</li>
 *   <li><b>Start</b>: {@code theta ~ U[-pi, pi]}, {@code theta_dot ~ U[-1, 1]} from the reset seed
 *   (il4j's own generator).</li>
 * </ul>
 * Not thread-safe: one instance per thread.
 */
public final class PendulumEnv implements Env {

    public static final String ID = "pendulum";
    public static final int DEFAULT_MAX_STEPS = 200;
    public static final double DEFAULT_GRAVITY = 10.0;
    public static final double MASS = 1.0;
    public static final double LENGTH = 1.0;
    public static final double DT = 0.05;
    public static final double MAX_SPEED = 8.0;
    public static final double MAX_TORQUE = 2.0;

    private static final Box ACTIONS = new Box(new double[]{-MAX_TORQUE}, new double[]{MAX_TORQUE});

    private final EnvSpec spec;
    private final EpisodeClock clock;
    private final double gravity;
    private final SplitMix64 rng = new SplitMix64(0);
    private double theta, thetaDot;

    public PendulumEnv() {
        this(DEFAULT_GRAVITY, DEFAULT_MAX_STEPS);
    }

    public PendulumEnv(double gravity, int maxSteps) {
        if (!(gravity > 0) || Double.isInfinite(gravity))
            throw new IllegalArgumentException("pendulum: g must be a positive finite number, got " + gravity);
        this.gravity = gravity;
        this.clock = new EpisodeClock(ID, maxSteps);
        this.spec = new EnvSpec(ID, List.of("cos_theta", "sin_theta", "theta_dot"), ACTIONS, List.of("torque"), maxSteps);
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    public double gravity() {
        return gravity;
    }

    @Override
    public double[] reset(long seed) {
        rng.setSeed(seed);
        theta = rng.uniform(-Math.PI, Math.PI);
        thetaDot = rng.uniform(-1, 1);
        clock.start();
        return observation();
    }

    @Override
    public StepResult step(double[] action) {
        ACTIONS.validate(action);
        clock.checkRunning();
        // Gymnasium's action space is float32: the torque is a float32 value, the arithmetic float64.
        double u = (float) Math.max(-MAX_TORQUE, Math.min(MAX_TORQUE, action[0]));
        double th = theta, thdot = thetaDot;
        double cost = square(angleNormalize(th)) + 0.1 * thdot * thdot + 0.001 * (u * u);
        double newThdot = thdot + (3 * gravity / (2 * LENGTH) * Math.sin(th) + 3.0 / (MASS * LENGTH * LENGTH) * u) * DT;
        newThdot = Math.max(-MAX_SPEED, Math.min(MAX_SPEED, newThdot));
        theta = th + newThdot * DT;
        thetaDot = newThdot;
        boolean truncated = clock.advance(false);
        return new StepResult(observation(), -cost, false, truncated);
    }

    /** Overwrites the internal state; the episode clock is unchanged (call {@link #reset(long)} first). */
    public void setState(double theta, double thetaDot) {
        this.theta = theta;
        this.thetaDot = thetaDot;
    }

    /** The float64 internal state {@code (theta, theta_dot)}; theta is not wrapped. */
    public double[] state() {
        return new double[]{theta, thetaDot};
    }

    /** {@code x} wrapped to [-pi, pi) exactly as Gymnasium's {@code angle_normalize} (a floor modulo). */
    public static double angleNormalize(double x) {
        double twoPi = 2 * Math.PI;
        double r = (x + Math.PI) % twoPi;  // Java's % truncates; Python's floors
        if (r < 0) r += twoPi;
        return r - Math.PI;
    }

    private static double square(double v) {
        return v * v;
    }

    private double[] observation() {
        // Gymnasium: np.array([cos(theta), sin(theta), theta_dot], dtype=np.float32)
        return new double[]{(float) Math.cos(theta), (float) Math.sin(theta), (float) thetaDot};
    }
}
