package io.il4j.envs.pointmass;

/**
 * Geometry of {@link PointMassObstacleEnv}: a wall centred at the origin between the start region
 * (below) and the goal (above), and the route around it on either side. Stateless; thread-safe.
 */
public final class ObstacleCourse {

    public static final double WALL_HALF_WIDTH = 0.3;
    public static final double WALL_HALF_HEIGHT = 0.05;
    public static final double GOAL_X = 0.0;
    public static final double GOAL_Y = 0.8;
    /**
     * Start: x uniform in [-START_HALF_WIDTH, START_HALF_WIDTH], y uniform in [START_Y_LOW, START_Y_HIGH].
     * The x range is a tenth of a step, so both modes start from practically one state: a policy that
     * averages them (sideways action ~0 on the centreline, growing with |x|) has almost no offset to
     * drift off the centreline with and goes straight up for several steps before it turns, too late to
     * get round the wall (see {@link #CORNER_MARGIN}). From a start spread of ±0.02 it drifts off in a
     * step or two and often gets round.
     */
    public static final double START_HALF_WIDTH = 0.005;
    public static final double START_Y_LOW = -0.85;
    public static final double START_Y_HIGH = -0.75;

    /**
     * Route corners lie this far outside the wall. The wide berth makes the detour turn sideways at
     * about 0.6 of full speed from the start, so a policy that hesitates first reaches the wall before it
     * has moved far enough sideways, while one that follows a mode a little inaccurately still clears the wall's side.
     */
    static final double CORNER_MARGIN = 0.1;
    /** A straight line counts as clear when it keeps this distance from the wall. */
    static final double CLEARANCE = 0.03;

    public static final int LEFT = -1;
    public static final int RIGHT = 1;

    private ObstacleCourse() {
    }

    /** Whether the segment (x0, y0) -> (x1, y1) touches the wall (closed box), by the slab method. */
    public static boolean hitsWall(double x0, double y0, double x1, double y1) {
        return segmentHitsBox(x0, y0, x1, y1, WALL_HALF_WIDTH, WALL_HALF_HEIGHT);
    }

    public static boolean insideWall(double x, double y) {
        return Math.abs(x) <= WALL_HALF_WIDTH && Math.abs(y) <= WALL_HALF_HEIGHT;
    }

    /**
     * The expert's action at (x, y) going round the wall on {@code side} ({@link #LEFT} or {@link #RIGHT}):
     * straight to the goal when the line is clear, else to the corner above the wall on that side
     * when that line is clear, else to the corner below it. Waypoints are taken at full speed; the
     * goal is approached so as to land on it.
     */
    static void steer(double x, double y, int side, double stepLength, double[] out) {
        // From inside the clearance band itself, clearance is measured against the bare wall.
        double margin = insideBox(x, y, WALL_HALF_WIDTH + CLEARANCE, WALL_HALF_HEIGHT + CLEARANCE) ? 0 : CLEARANCE;
        double cornerX = side * (WALL_HALF_WIDTH + CORNER_MARGIN);
        double cornerY = WALL_HALF_HEIGHT + CORNER_MARGIN;
        if (clear(x, y, GOAL_X, GOAL_Y, margin)) {
            PlanarMotion.headTowards(x, y, GOAL_X, GOAL_Y, stepLength, true, out);
        } else if (clear(x, y, cornerX, cornerY, margin)) {
            PlanarMotion.headTowards(x, y, cornerX, cornerY, stepLength, false, out);
        } else {
            PlanarMotion.headTowards(x, y, cornerX, -cornerY, stepLength, false, out);
        }
    }

    private static boolean clear(double x0, double y0, double x1, double y1, double margin) {
        return !segmentHitsBox(x0, y0, x1, y1, WALL_HALF_WIDTH + margin, WALL_HALF_HEIGHT + margin);
    }

    private static boolean insideBox(double x, double y, double halfWidth, double halfHeight) {
        return Math.abs(x) <= halfWidth && Math.abs(y) <= halfHeight;
    }

    static boolean segmentHitsBox(double x0, double y0, double x1, double y1, double halfWidth, double halfHeight) {
        // Intersect the segment's parameter range [0, 1] with each axis' slab; no allocation (step path).
        double tEnter = 0, tExit = 1;
        double dx = x1 - x0, dy = y1 - y0;
        if (dx == 0) {
            if (Math.abs(x0) > halfWidth) return false;
        } else {
            double a = (-halfWidth - x0) / dx, b = (halfWidth - x0) / dx;
            tEnter = Math.max(tEnter, Math.min(a, b));
            tExit = Math.min(tExit, Math.max(a, b));
        }
        if (dy == 0) {
            if (Math.abs(y0) > halfHeight) return false;
        } else {
            double a = (-halfHeight - y0) / dy, b = (halfHeight - y0) / dy;
            tEnter = Math.max(tEnter, Math.min(a, b));
            tExit = Math.min(tExit, Math.max(a, b));
        }
        return tEnter <= tExit;
    }
}
