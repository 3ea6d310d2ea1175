package io.il4j.envs.driving;

import java.util.ArrayList;
import java.util.List;

/**
 * Layout of the {@link DrivingEnv} observation: {@value #DIM} sensor-style numbers in physical units.
 * Sign conventions: lateral quantities are positive to the left; lanes are numbered from 0 (rightmost).
 *
 * <pre>
 *  0  lateral_offset        d minus the centre of the lane the ego's centre is in, m
 *  1  heading_error         ego heading minus road tangent, rad in [-pi, pi)
 *  2  speed                 m/s
 *  3-6 curvature_&lt;x&gt;m      road curvature (1/m, positive = left) at the 4 configured distances ahead
 *  7  lane_index            own lane, 0..lanes-1
 *  8  left_lane_exists      1 or 0
 *  9  right_lane_exists     1 or 0
 * 10-13 front_gap, front_rel_speed, rear_gap, rear_rel_speed        own lane
 * 14-17 left_front_gap, left_front_rel_speed, left_rear_gap, ...    lane to the left
 * 18-21 right_front_gap, right_front_rel_speed, right_rear_gap, ... lane to the right
 * </pre>
 * Gaps are bumper to bumper along the road, m (negative when a vehicle is alongside); with no vehicle
 * within range, or no such lane, the gap reads {@code sensorRange} and the relative speed 0. Front relative
 * speed is leader speed minus ego speed (positive: pulling away); rear relative speed is follower speed
 * minus ego speed (positive: closing in). A vehicle counts as being in every lane its body (plus 0.5 m)
 * overlaps, and a traffic vehicle changing lanes also counts as being in its target lane (its indicator).
 *
 * <p>Constants only; thread-safe.
 */
public final class DrivingObservation {

    public static final int LATERAL_OFFSET = 0;
    public static final int HEADING_ERROR = 1;
    public static final int SPEED = 2;
    /** First of the {@link DrivingConfig#LOOK_AHEADS} curvature values. */
    public static final int CURVATURE = 3;
    public static final int LANE_INDEX = CURVATURE + DrivingConfig.LOOK_AHEADS;
    public static final int LEFT_LANE_EXISTS = LANE_INDEX + 1;
    public static final int RIGHT_LANE_EXISTS = LANE_INDEX + 2;
    /** First of the 3 x 4 neighbour values (own, left, right lane; front gap, front rel speed, rear gap, rear rel speed). */
    public static final int NEIGHBOURS = LANE_INDEX + 3;

    /** Lane sides, as used by {@link #frontGap(int)} and friends. */
    public static final int OWN = 0, LEFT = 1, RIGHT = 2;

    public static final int DIM = NEIGHBOURS + 12;

    private DrivingObservation() {
    }

    /** Index of the front gap of lane {@code side} ({@link #OWN}, {@link #LEFT}, {@link #RIGHT}). */
    public static int frontGap(int side) {
        return NEIGHBOURS + 4 * side;
    }

    public static int frontRelSpeed(int side) {
        return NEIGHBOURS + 4 * side + 1;
    }

    public static int rearGap(int side) {
        return NEIGHBOURS + 4 * side + 2;
    }

    public static int rearRelSpeed(int side) {
        return NEIGHBOURS + 4 * side + 3;
    }

    /** The observation names for {@code config} (the look-ahead distances appear in the curvature names). */
    public static List<String> names(DrivingConfig config) {
        List<String> names = new ArrayList<>(DIM);
        names.add("lateral_offset");
        names.add("heading_error");
        names.add("speed");
        for (double x : config.curvatureLookAhead()) names.add("curvature_" + formatDistance(x) + "m");
        names.add("lane_index");
        names.add("left_lane_exists");
        names.add("right_lane_exists");
        for (String side : new String[]{"", "left_", "right_"}) {
            names.add(side + "front_gap");
            names.add(side + "front_rel_speed");
            names.add(side + "rear_gap");
            names.add(side + "rear_rel_speed");
        }
        return List.copyOf(names);
    }

    private static String formatDistance(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x).replace('.', 'p');
    }
}
