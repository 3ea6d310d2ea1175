package io.il4j.envs.driving.internal;

import io.il4j.envs.driving.DrivingConfig;
import io.il4j.envs.driving.Idm;

import java.util.SplittableRandom;

/**
 * All vehicles on the road, the ego included (index {@link #ego()}), as parallel primitive arrays.
 * Traffic follows the IDM longitudinally and changes lanes occasionally when it is safe.
 *
 * <p>Neighbour queries use one list per lane, sorted by s: every step the global order is repaired by
 * insertion sort (vehicles rarely overtake, so this is O(n)) and the lane lists are rebuilt in one pass,
 * so a vehicle's leader in a lane is simply the next entry (cyclically, as the road is a loop). No
 * allocation after construction. Not thread-safe.
 */
public final class Traffic {

    /** Lateral margin added to a body when deciding which lanes it occupies, m. */
    static final double OCCUPANCY_MARGIN = 0.5;
    /** Duration of a traffic lane change, s. */
    static final double LANE_CHANGE_DURATION = 4.0;
    /** Largest deceleration a lane change may impose on anyone (the new follower or the changer), m/s^2. */
    static final double SAFE_DECEL = 3.0;
    /** Smallest bumper-to-bumper gap, front and rear, for a traffic lane change, m. */
    static final double LANE_CHANGE_MIN_GAP = 8.0;
    /** Free road ahead of and behind the ego at spawn, m. */
    static final double EGO_CLEARANCE = 50;
    /** Physical braking limit of traffic, m/s^2. */
    static final double MAX_DECEL = 9.0;

    private final int n;
    private final int total;
    private final int lanes;
    private final double laneWidth, invLaneWidth, halfRoad, vehicleLength, halfWidth, vehicleWidth, laneChangeProbability,
            dt, egoDesiredSpeed;
    private final Idm idm;
    private Road road;

    final double[] s, d, v, desiredSpeed, accel, laneChangeProgress;
    /** Signed distance from the ego to each vehicle at the last collision check (detects passing through). */
    private final double[] lastRelativeS;
    /** Current lane (origin lane during a change) and target lane (equal to lane when not changing). */
    final int[] lane, targetLane;
    /** Vehicle indices sorted by s. */
    private final int[] order;
    /** Lowest and highest lane each vehicle occupies. */
    private final int[] occupiedLo, occupiedHi;
    /** members[l * total + k]: k-th vehicle (by s) in lane l; position[l * total + i]: k of vehicle i in lane l. */
    private final int[] members, position;
    private final int[] memberCount;
    private int laneChanges;
    /** Output of {@link #findNeighbours} (fields rather than a result object: no allocation per query). */
    private int foundFront, foundRear;
    private double foundFrontDs, foundRearDs;

    public Traffic(DrivingConfig config) {
        this.n = config.trafficVehicles();
        this.total = n + 1;
        this.lanes = config.lanes();
        this.laneWidth = config.laneWidth();
        this.invLaneWidth = 1 / laneWidth;
        this.halfRoad = config.halfRoadWidth();
        this.vehicleLength = config.vehicle().length();
        this.vehicleWidth = config.vehicle().width();
        this.halfWidth = vehicleWidth / 2;
        this.dt = config.dt();
        this.laneChangeProbability = config.trafficLaneChangeRate() * config.dt();
        this.egoDesiredSpeed = config.speedLimit();
        this.idm = config.trafficIdm();
        s = new double[total];
        d = new double[total];
        v = new double[total];
        desiredSpeed = new double[total];
        accel = new double[total];
        laneChangeProgress = new double[total];
        lastRelativeS = new double[total];
        lane = new int[total];
        targetLane = new int[total];
        order = new int[total];
        occupiedLo = new int[total];
        occupiedHi = new int[total];
        members = new int[lanes * total];
        position = new int[lanes * total];
        memberCount = new int[lanes];
    }

    /** Index of the ego in the arrays. */
    public int ego() {
        return n;
    }

    public int trafficCount() {
        return n;
    }

    /** Number of traffic lane changes started since {@link #spawn}. */
    public int laneChanges() {
        return laneChanges;
    }

    /**
     * Places the ego and the traffic on {@code road} (used until the next spawn): each traffic vehicle in a
     * random lane at a random s, at least {@link DrivingConfig#SPAWN_SPACING} m from any vehicle in its lane
     * and {@value #EGO_CLEARANCE} m from the ego in the lanes the ego occupies, driving at its desired speed
     * (uniform in {@code [speedMin, speedMax]}, m/s).
     */
    public void spawn(Road road, SplittableRandom rng, double egoS, double egoD, double egoSpeed, double speedMin,
                      double speedMax) {
        this.road = road;
        laneChanges = 0;
        setEgo(egoS, egoD, egoSpeed);
        desiredSpeed[n] = egoDesiredSpeed;
        int egoLo = laneOf(egoD - halfWidth - OCCUPANCY_MARGIN), egoHi = laneOf(egoD + halfWidth + OCCUPANCY_MARGIN);
        for (int i = 0; i < n; i++) {
            boolean placed = false;
            for (int attempt = 0; attempt < 10_000 && !placed; attempt++) {
                int l = rng.nextInt(lanes);
                double si = rng.nextDouble() * road.length();
                if (isClear(i, l, si, egoLo, egoHi, egoS)) {
                    lane[i] = l;
                    targetLane[i] = l;
                    s[i] = si;
                    d[i] = centre(l);
                    placed = true;
                }
            }
            if (!placed) throw new IllegalStateException("could not place traffic vehicle " + i + " of " + n
                    + " on the road; reduce DrivingConfig.trafficVehicles");
            desiredSpeed[i] = speedMin + rng.nextDouble() * (speedMax - speedMin);
            v[i] = desiredSpeed[i];
            accel[i] = 0;
            laneChangeProgress[i] = 0;
        }
        for (int i = 0; i < total; i++) order[i] = i;
        rebuild();
        for (int i = 0; i < n; i++) lastRelativeS[i] = road.signedDistance(s[i] - s[n]);
    }

    private boolean isClear(int placed, int l, double si, int egoLo, int egoHi, double egoS) {
        if (l >= egoLo && l <= egoHi && Math.abs(road.signedDistance(si - egoS)) < EGO_CLEARANCE) return false;
        for (int j = 0; j < placed; j++)
            if (lane[j] == l && Math.abs(road.signedDistance(si - s[j])) < DrivingConfig.SPAWN_SPACING) return false;
        return true;
    }

    /** Lateral coordinate of a lane centre. */
    public double centre(int l) {
        return (l - (lanes - 1) / 2.0) * laneWidth;
    }

    /** The lane whose band contains lateral coordinate {@code y} (clamped to the road's lanes). */
    public int laneOf(double y) {
        double x = (y + halfRoad) * invLaneWidth;
        if (x < 0) return 0; // (int) truncates towards zero, so negatives are handled before the cast
        int l = (int) x;
        return l >= lanes ? lanes - 1 : l;
    }

    /** Copies the ego's state into the arrays (call {@link #rebuild()} after moving it). */
    public void setEgo(double egoS, double egoD, double egoSpeed) {
        s[n] = egoS;
        d[n] = egoD;
        v[n] = egoSpeed;
        lane[n] = laneOf(egoD);
        targetLane[n] = lane[n];
    }

    /** Restores order by s and rebuilds lane occupancy and the per-lane lists. */
    public void rebuild() {
        for (int k = 1; k < total; k++) { // insertion sort: O(n) on an almost-sorted array
            int x = order[k];
            double sx = s[x];
            int j = k - 1;
            while (j >= 0 && s[order[j]] > sx) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = x;
        }
        for (int l = 0; l < lanes; l++) memberCount[l] = 0;
        for (int k = 0; k < total; k++) {
            int i = order[k];
            int lo = laneOf(d[i] - halfWidth - OCCUPANCY_MARGIN), hi = laneOf(d[i] + halfWidth + OCCUPANCY_MARGIN);
            if (targetLane[i] != lane[i]) { // indicator: a changing vehicle claims its origin and target lanes
                lo = Math.min(lo, Math.min(lane[i], targetLane[i]));
                hi = Math.max(hi, Math.max(lane[i], targetLane[i]));
            }
            occupiedLo[i] = lo;
            occupiedHi[i] = hi;
            for (int l = lo; l <= hi; l++) {
                int base = l * total;
                position[base + i] = memberCount[l];
                members[base + memberCount[l]++] = i;
            }
        }
    }

    /** Lowest lane vehicle {@code i} occupies. */
    int occupiedLo(int i) {
        return occupiedLo[i];
    }

    /** Highest lane vehicle {@code i} occupies. */
    int occupiedHi(int i) {
        return occupiedHi[i];
    }

    /** Leader of vehicle {@code i} in lane {@code l} (which it must occupy), or -1 when it is alone there. */
    int leaderInLane(int i, int l) {
        int c = memberCount[l];
        if (c <= 1) return -1;
        int k = position[l * total + i] + 1;
        return members[l * total + (k == c ? 0 : k)];
    }

    /** Distance along the road from {@code i} forward to {@code j} on the loop, in [0, length). */
    double forwardDistance(int i, int j) {
        double ds = s[j] - s[i];
        return ds < 0 ? ds + road.length() : ds;
    }

    /** Bumper-to-bumper gap from {@code i} to its nearest leader over all lanes it occupies (+inf if none). */
    double leaderGap(int i) {
        double best = Double.POSITIVE_INFINITY;
        for (int l = occupiedLo[i]; l <= occupiedHi[i]; l++) {
            int j = leaderInLane(i, l);
            if (j >= 0) best = Math.min(best, forwardDistance(i, j) - vehicleLength);
        }
        return best;
    }

    /** IDM accelerations of all traffic vehicles, from the current state (the ego included as a leader). */
    public void computeAccelerations() {
        for (int i = 0; i < n; i++) {
            double a = Double.POSITIVE_INFINITY;
            for (int l = occupiedLo[i]; l <= occupiedHi[i]; l++) {
                int j = leaderInLane(i, l);
                if (j >= 0) a = Math.min(a, idm.acceleration(v[i], desiredSpeed[i],
                        forwardDistance(i, j) - vehicleLength, v[i] - v[j]));
            }
            if (a == Double.POSITIVE_INFINITY) a = idm.freeAcceleration(v[i], desiredSpeed[i]);
            accel[i] = Math.max(a, -MAX_DECEL);
        }
    }

    /**
     * Each traffic vehicle not already changing lanes attempts, with probability rate*dt, a change to a
     * random adjacent lane; it goes ahead only if {@link #safeToChange} holds. Draws the same number of
     * random numbers every step, whatever happens, so episodes stay reproducible.
     */
    public void considerLaneChanges(SplittableRandom rng) {
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            int dir = (u < 0.5 * laneChangeProbability) ? 1 : -1;
            if (u >= laneChangeProbability || lanes < 2 || targetLane[i] != lane[i]) continue;
            int t = lane[i] + dir;
            if (t < 0 || t >= lanes) t = lane[i] - dir;
            if (safeToChange(i, t)) {
                targetLane[i] = t;
                laneChangeProgress[i] = 0;
                laneChanges++;
            }
        }
    }

    /**
     * Lane {@code t} has at least {@value #LANE_CHANGE_MIN_GAP} m free ahead of and behind vehicle {@code i},
     * neither {@code i} nor its new follower would need to brake harder than {@value #SAFE_DECEL} m/s^2, and
     * {@code i} would not be worse off than in its own lane (MOBIL-style incentive with zero threshold).
     */
    boolean safeToChange(int i, int t) {
        findNeighbours(i, t);
        int front = foundFront, rear = foundRear;
        double frontDs = foundFrontDs, rearDs = foundRearDs;
        double newAccel = idm.freeAcceleration(v[i], desiredSpeed[i]);
        if (front >= 0) {
            double gap = frontDs - vehicleLength;
            if (gap < LANE_CHANGE_MIN_GAP) return false;
            newAccel = idm.acceleration(v[i], desiredSpeed[i], gap, v[i] - v[front]);
            if (newAccel < -SAFE_DECEL) return false;
        }
        if (rear >= 0) {
            double gap = rearDs - vehicleLength;
            if (gap < LANE_CHANGE_MIN_GAP) return false;
            if (idm.acceleration(v[rear], desiredSpeed[rear], gap, v[rear] - v[i]) < -SAFE_DECEL) return false;
        }
        return newAccel >= accel[i];
    }

    /**
     * Moves traffic one step: lateral progress of lane changes (smoothstep over {@value #LANE_CHANGE_DURATION}
     * s), then a ballistic longitudinal update with speeds kept non-negative. Speed is along each vehicle's
     * own lane, so s advances by v / (1 - d kappa) per second.
     */
    public void advanceTraffic() {
        double progressStep = dt / LANE_CHANGE_DURATION;
        for (int i = 0; i < n; i++) {
            if (targetLane[i] != lane[i]) {
                double p = laneChangeProgress[i] + progressStep;
                if (p >= 1) {
                    lane[i] = targetLane[i];
                    laneChangeProgress[i] = 0;
                    d[i] = centre(lane[i]);
                } else {
                    laneChangeProgress[i] = p;
                    double w = p * p * (3 - 2 * p);
                    d[i] = centre(lane[i]) + w * (centre(targetLane[i]) - centre(lane[i]));
                }
            }
            double a = accel[i], vi = v[i];
            double travel;
            double vNext = vi + a * dt;
            if (vNext < 0) { // stops within the step
                travel = -vi * vi / (2 * a);
                vNext = 0;
            } else {
                travel = (vi + 0.5 * a * dt) * dt;
            }
            double metric = 1 - d[i] * road.curvature(s[i]);
            s[i] = road.wrap(s[i] + travel / metric);
            v[i] = vNext;
        }
    }

    /**
     * Whether the ego's box overlaps any traffic vehicle's box (boxes aligned with the road), or passed
     * through one since the last check (the sign of their along-road distance flipped while they overlap
     * laterally): without that, a fast enough closing speed could skip over a vehicle within one step.
     */
    public boolean egoCollides() {
        double se = s[n], de = d[n];
        boolean hit = false;
        for (int i = 0; i < n; i++) {
            double ds = road.signedDistance(s[i] - se), before = lastRelativeS[i];
            lastRelativeS[i] = ds;
            if (Math.abs(d[i] - de) >= vehicleWidth) continue;
            boolean passed = (ds >= 0) != (before >= 0) && Math.abs(ds - before) < 0.25 * road.length();
            if (Math.abs(ds) < vehicleLength || passed) hit = true;
        }
        return hit;
    }

    /**
     * Writes the ego's view of lane {@code l} into {@code out[base..base+3]}: front gap, front relative
     * speed, rear gap, rear relative speed (see {@code DrivingObservation}). A missing lane, or a lane with
     * no vehicle within {@code range}, reads {@code range} and 0.
     */
    public void observeLane(int l, double range, double[] out, int base) {
        double frontGap = range, frontRel = 0, rearGap = range, rearRel = 0;
        if (l >= 0 && l < lanes) {
            findNeighbours(n, l);
            if (foundFront >= 0 && foundFrontDs - vehicleLength < range) {
                frontGap = foundFrontDs - vehicleLength;
                frontRel = v[foundFront] - v[n];
            }
            if (foundRear >= 0 && foundRearDs - vehicleLength < range) {
                rearGap = foundRearDs - vehicleLength;
                rearRel = v[foundRear] - v[n];
            }
        }
        out[base] = frontGap;
        out[base + 1] = frontRel;
        out[base + 2] = rearGap;
        out[base + 3] = rearRel;
    }

    /**
     * Nearest vehicles ahead of and behind vehicle {@code i} among those occupying lane {@code l} (which
     * {@code i} need not occupy), into the {@code found*} fields: index (-1 if none) and along-road distance.
     */
    private void findNeighbours(int i, int l) {
        foundFront = -1;
        foundRear = -1;
        foundFrontDs = Double.POSITIVE_INFINITY;
        foundRearDs = Double.POSITIVE_INFINITY;
        int base = l * total, c = memberCount[l];
        for (int k = 0; k < c; k++) {
            int j = members[base + k];
            if (j == i) continue;
            double ds = road.signedDistance(s[j] - s[i]);
            if (ds >= 0) {
                if (ds < foundFrontDs) {
                    foundFrontDs = ds;
                    foundFront = j;
                }
            } else if (-ds < foundRearDs) {
                foundRearDs = -ds;
                foundRear = j;
            }
        }
    }
}
