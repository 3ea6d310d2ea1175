package io.il4j.envs.pointmass;

import io.il4j.core.env.EnvSpec;
import io.il4j.core.space.Box;

import java.util.List;

/** The first-order point dynamics and steering shared by the point-mass environments and experts. */
final class PlanarMotion {

    /** The arena is the square [-ARENA, ARENA]^2; positions are clamped to it. */
    static final double ARENA = 1.0;
    /** Velocity command: two numbers in [-1, 1] (clipped), scaled by the environment's step length. */
    static final Box ACTIONS = Box.uniform(2, -1, 1);

    private PlanarMotion() {
    }

    static double clip(double v, double bound) {
        return Math.max(-bound, Math.min(bound, v));
    }

    static double clampToArena(double v) {
        return clip(v, ARENA);
    }

    /** Position (x, y) observations and a velocity action. */
    static EnvSpec spec(String id, int maxSteps) {
        return new EnvSpec(id, List.of("x", "y"), ACTIONS, List.of("vx", "vy"), maxSteps);
    }

    /** One coordinate after a step: the action clipped to [-1, 1], scaled by the step length, clamped to the arena. */
    static double move(double coordinate, double action, double stepLength) {
        return clampToArena(coordinate + stepLength * clip(action, 1));
    }

    /**
     * The action moving from (x, y) straight towards (tx, ty) at full speed (the larger component at 1),
     * or, when {@code stopAtTarget}, exactly onto the target if it is within one step.
     */
    static void headTowards(double x, double y, double tx, double ty, double stepLength, boolean stopAtTarget, double[] out) {
        double dx = tx - x, dy = ty - y;
        double largest = Math.max(Math.abs(dx), Math.abs(dy));
        if (largest == 0) {
            out[0] = 0;
            out[1] = 0;
            return;
        }
        // Scale so the larger component is 1 (full speed within the action box), or less near the target.
        double scale = stopAtTarget ? Math.min(1 / largest, 1 / stepLength) : 1 / largest;
        out[0] = dx * scale;
        out[1] = dy * scale;
    }

    static void checkObservation(String who, double[] obs, int expected, String layout) {
        if (obs == null || obs.length != expected)
            throw new IllegalArgumentException(who + " needs " + expected + " numbers " + layout + ", got "
                    + (obs == null ? "null" : obs.length + " numbers"));
    }
}
