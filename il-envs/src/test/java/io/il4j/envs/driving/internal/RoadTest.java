package io.il4j.envs.driving.internal;

import io.il4j.envs.driving.DrivingConfig;
import io.il4j.envs.driving.RoadSegment;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class RoadTest {

    @Test
    void fixedLayoutWithLinearTransitions() {
        DrivingConfig c = DrivingConfig.builder().curveTransitionLength(40)
                .fixedRoad(RoadSegment.straight(300), RoadSegment.arc(200, 400, true), RoadSegment.straight(500)).build();
        Road road = Road.build(c, 0);
        assertEquals(0, road.curvature(150), 1e-12);
        assertEquals(1.0 / 400, road.curvature(400), 1e-12);
        assertEquals(0.5 / 400, road.curvature(300), 2e-5, "half-way up the ramp at the boundary");
        assertEquals(0.25 / 400, road.curvature(290), 2e-5, "linear ramp over 40 m");
        assertEquals(0, road.curvature(900), 1e-12);
        assertEquals(road.curvature(410), road.curvature(1410), 1e-15, "the loop repeats");
        assertEquals(road.curvature(410), road.curvature(-590), 1e-15);
    }

    @Test
    void randomRoadsAreBoundedSeededAndVaried() {
        DrivingConfig c = DrivingConfig.defaults();
        Road a = Road.build(c, 1), b = Road.build(c, 1), other = Road.build(c, 2);
        double maxK = 0, diff = 0;
        int curved = 0;
        for (double s = 0; s < c.roadLength(); s += 0.7) {
            double k = a.curvature(s);
            assertEquals(k, b.curvature(s), 0);
            maxK = Math.max(maxK, Math.abs(k));
            if (Math.abs(k) > 1e-6) curved++;
            diff += Math.abs(k - other.curvature(s));
        }
        assertTrue(maxK <= 1 / c.minCurveRadius() + 1e-12, "max curvature " + maxK);
        assertTrue(maxK > 0.25 / c.minCurveRadius(), "the road has arcs");
        assertTrue(curved > 100, "a good part of the road is curved");
        assertTrue(diff > 0, "another seed gives another road");
    }

    @Test
    void wrapAndSignedDistance() {
        Road road = Road.build(DrivingConfig.builder().fixedRoad(RoadSegment.straight(1000)).build(), 0);
        assertEquals(10, road.wrap(1010), 1e-12);
        assertEquals(990, road.wrap(-10), 1e-12);
        assertEquals(5, road.wrap(3005), 1e-9);
        assertEquals(-10, road.signedDistance(990), 1e-12);
        assertEquals(10, road.signedDistance(-990), 1e-12);
        assertEquals(300, road.signedDistance(300), 1e-12);
    }
}
