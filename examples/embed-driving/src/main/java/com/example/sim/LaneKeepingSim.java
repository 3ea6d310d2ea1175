package com.example.sim;

import io.il4j.core.policy.Policies;
import io.il4j.core.policy.Policy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A simulator team's own loop, written without il4j's simulators: a car on a straight three-lane road
 * (kinematic bicycle, no traffic), driven by a behavioral-cloning policy that il4j trained on recorded
 * driving. It builds the 22 sensor-style numbers the policy was trained on, calls {@code act(obs, out)}
 * each step (no allocation), and reports whether the car kept its lane at speed.
 *
 * <p>Usage: {@code LaneKeepingSim POLICY.zip [episodes]}. Exits with status 1 when a car leaves the road.
 */
public final class LaneKeepingSim {

    // the road and car the policy was trained for (il4j's Driving defaults)
    static final int LANES = 3;
    static final double LANE_WIDTH = 3.75, WHEELBASE = 2.7, MAX_STEER = 0.15, MAX_ACCEL = 3.0, MAX_BRAKE = 6.0;
    static final double DT = 0.1, SENSOR_RANGE = 100, MAX_SPEED = 50;
    static final int STEPS = 500;

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: LaneKeepingSim POLICY.zip [episodes]");
            System.exit(2);
        }
        int episodes = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Policy policy = Policies.load(Path.of(args[0]));    // the policy file from `il train bc`
        double[] obs = new double[22], action = new double[2];
        SplittableRandom rng = new SplittableRandom(7);
        int offRoad = 0;
        double worstOffset = 0, speedSum = 0;
        long[] nanos = new long[episodes * STEPS];
        int calls = 0;
        for (int e = 0; e < episodes; e++) {
            policy.reset();                                   // clears frame history; a no-op for plain BC
            // start somewhere in a random lane, off its centre, pointing slightly away from it
            int lane = rng.nextInt(LANES);
            double d = laneCentre(lane) + rng.nextDouble(-1.0, 1.0), psi = rng.nextDouble(-0.05, 0.05), v = rng.nextDouble(18, 24);
            boolean left = false;
            for (int t = 0; t < STEPS && !left; t++) {
                observe(d, psi, v, obs);
                long t0 = System.nanoTime();
                policy.act(obs, action);                      // [steering rad, acceleration m/s^2]
                nanos[calls++] = System.nanoTime() - t0;
                double steer = Math.max(-MAX_STEER, Math.min(MAX_STEER, action[0]));
                double accel = Math.max(-MAX_BRAKE, Math.min(MAX_ACCEL, action[1]));
                // kinematic bicycle along a straight road (Frenet frame)
                d += v * Math.sin(psi) * DT;
                psi += v * Math.tan(steer) / WHEELBASE * DT;
                v = Math.max(0, Math.min(MAX_SPEED, v + accel * DT));
                if (Math.abs(d) > LANES * LANE_WIDTH / 2) left = true;
                speedSum += v;
            }
            double offset = d - laneCentre(laneOf(d));
            worstOffset = Math.max(worstOffset, Math.abs(offset));
            if (left) offRoad++;
            System.out.printf("episode %2d: lane %d -> %d, final offset from lane centre %+.2f m, speed %.1f m/s%s%n",
                    e, lane, laneOf(d), offset, v, left ? ", LEFT THE ROAD" : "");
        }
        Arrays.sort(nanos, 0, calls);
        System.out.printf("%d episodes of %d steps: %d left the road, largest final offset %.2f m, mean speed %.1f m/s, "
                        + "act() median %.1f us%n", episodes, STEPS, offRoad, worstOffset, speedSum / calls, nanos[calls / 2] / 1e3);
        System.out.println(offRoad == 0 ? "OK: every car kept to the road" : "FAILED: a car left the road");
        if (offRoad > 0) System.exit(1);
    }

    /** The 22 numbers of il4j's Driving observation on an empty straight road. */
    static void observe(double d, double psi, double v, double[] obs) {
        int lane = laneOf(d);
        Arrays.fill(obs, 0);
        obs[0] = d - laneCentre(lane);       // lateral offset in the own lane, m (left positive)
        obs[1] = psi;                        // heading error, rad
        obs[2] = v;                          // speed, m/s
        // obs[3..6]: road curvature 0, 10, 25, 50 m ahead: 0 on a straight road
        obs[7] = lane;                       // lane index, 0 = rightmost
        obs[8] = lane < LANES - 1 ? 1 : 0;   // left lane exists
        obs[9] = lane > 0 ? 1 : 0;           // right lane exists
        for (int side = 0; side < 3; side++) { // no traffic: every gap reads the sensor range, relative speeds 0
            obs[10 + 4 * side] = SENSOR_RANGE;
            obs[12 + 4 * side] = SENSOR_RANGE;
        }
    }

    static double laneCentre(int lane) {
        return (lane - (LANES - 1) / 2.0) * LANE_WIDTH;
    }

    static int laneOf(double d) {
        int lane = (int) Math.floor(d / LANE_WIDTH + LANES / 2.0);
        return Math.max(0, Math.min(LANES - 1, lane));
    }
}
