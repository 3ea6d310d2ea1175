package io.il4j.envs.driving.internal;

import io.il4j.envs.driving.DrivingConfig;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** Checks the per-lane sorted lists against brute force while traffic (and a scripted ego) moves. */
class TrafficTest {

    @Test
    void laneListsMatchBruteForceAndTrafficKeepsItsDistance() {
        DrivingConfig config = DrivingConfig.builder().trafficVehicles(20).trafficLaneChangeRate(0.3).build();
        Road road = Road.build(config, 7);
        Traffic traffic = new Traffic(config);
        SplittableRandom rng = new SplittableRandom(7);
        double egoS = 0, egoD = config.laneCentre(1), egoV = 18;
        traffic.spawn(road, rng, egoS, egoD, egoV, 15, 25);
        int n = traffic.trafficCount();
        double minGap = Double.POSITIVE_INFINITY;
        for (int step = 0; step < 3000; step++) {
            traffic.computeAccelerations();
            traffic.considerLaneChanges(rng);
            traffic.advanceTraffic();
            egoS = road.wrap(egoS + egoV * config.dt());
            // the ego weaves between lanes 1 and 2 (slowly) to exercise straddling occupancy
            egoD = config.laneCentre(1) + 0.5 * config.laneWidth() * (1 - Math.cos(step * 0.01));
            traffic.setEgo(egoS, egoD, egoV);
            traffic.rebuild();
            for (int i = 0; i <= n; i++) {
                for (int l = 0; l < config.lanes(); l++) {
                    boolean occupies = l >= traffic.occupiedLo(i) && l <= traffic.occupiedHi(i);
                    if (!occupies) continue;
                    assertEquals(bruteForceLeader(traffic, road, i, l, n), traffic.leaderInLane(i, l),
                            "step " + step + " vehicle " + i + " lane " + l);
                }
                if (i < n) minGap = Math.min(minGap, traffic.leaderGap(i));
            }
        }
        assertTrue(traffic.laneChanges() > 20, "traffic changed lanes " + traffic.laneChanges() + " times");
        assertTrue(minGap > 0, "traffic never runs into a vehicle ahead of it: smallest gap " + minGap);
    }

    /** Nearest vehicle ahead of {@code i} (on the loop) among those occupying lane {@code l}, or -1. */
    private static int bruteForceLeader(Traffic t, Road road, int i, int l, int n) {
        int best = -1;
        double bestDs = Double.POSITIVE_INFINITY;
        for (int j = 0; j <= n; j++) {
            if (j == i || l < t.occupiedLo(j) || l > t.occupiedHi(j)) continue;
            double ds = t.s[j] - t.s[i];
            if (ds < 0) ds += road.length();
            // ties in s: the sorted list breaks them by list order, which only matters when overlapping
            if (ds < bestDs) {
                bestDs = ds;
                best = j;
            }
        }
        return best;
    }

    @Test
    void egoCollisionUsesRoadAlignedBoxes() {
        DrivingConfig config = DrivingConfig.builder().trafficVehicles(1).build();
        Road road = Road.build(config, 1);
        Traffic traffic = new Traffic(config);
        traffic.spawn(road, new SplittableRandom(1), 0, config.laneCentre(1), 20, 20, 20);
        double s = traffic.s[0], d = traffic.d[0];
        traffic.setEgo(road.wrap(s - 4.4), d + 1.7, 20);
        assertTrue(traffic.egoCollides(), "4.4 m behind, 1.7 m aside: boxes of 4.5 x 1.8 overlap");
        traffic.setEgo(road.wrap(s - 4.6), d, 20);
        assertFalse(traffic.egoCollides());
        traffic.setEgo(road.wrap(s + 1), d - 1.85, 20);
        assertFalse(traffic.egoCollides());
    }
}
