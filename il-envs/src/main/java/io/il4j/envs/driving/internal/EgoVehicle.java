package io.il4j.envs.driving.internal;

/**
 * State of the ego vehicle in Frenet coordinates and its kinematic bicycle model (reference point: rear
 * axle). With s along the centreline, d lateral (left positive), heading error e relative to the road
 * tangent, speed v, steering angle delta, acceleration a, wheelbase L and road curvature kappa(s):
 * <pre>
 *   ds/dt = v cos(e) / (1 - d kappa)      dd/dt = v sin(e)
 *   de/dt = v tan(delta) / L - kappa ds/dt      dv/dt = a   (v kept in [0, top speed])
 * </pre>
 * integrated by explicit Euler: every derivative is evaluated at the state at the start of the step.
 * Nothing pulls the vehicle back to a lane centre: only steering does. Not thread-safe.
 */
public final class EgoVehicle {

    /** Position along the centreline, wrapped onto the road loop, m. */
    public double s;
    /** Lateral position, m, left positive. */
    public double d;
    /** Heading minus road tangent, rad, in [-pi, pi). */
    public double headingError;
    /** m/s, >= 0. */
    public double speed;
    /** Unwrapped distance travelled along the centreline since reset, m. */
    public double progress;

    public void set(double s, double d, double headingError, double speed) {
        this.s = s;
        this.d = d;
        this.headingError = headingError;
        this.speed = speed;
        this.progress = 0;
    }

    /** One Euler step with steering {@code steer} (rad), acceleration {@code accel}, curvature at s {@code kappa}. */
    public void step(double steer, double accel, double kappa, double wheelbase, double maxSpeed, double dt, Road road) {
        double v = speed, e = headingError;
        double sDot = v * Math.cos(e) / (1 - d * kappa);
        double dDot = v * Math.sin(e);
        double eDot = v * Math.tan(steer) / wheelbase - kappa * sDot;
        s = road.wrap(s + sDot * dt);
        progress += sDot * dt;
        d += dDot * dt;
        headingError = wrapAngle(e + eDot * dt);
        speed = Math.min(maxSpeed, Math.max(0, v + accel * dt));
    }

    /** {@code a} wrapped into [-pi, pi). */
    public static double wrapAngle(double a) {
        if (a >= -Math.PI && a < Math.PI) return a;
        return a - 2 * Math.PI * Math.floor((a + Math.PI) / (2 * Math.PI));
    }
}
