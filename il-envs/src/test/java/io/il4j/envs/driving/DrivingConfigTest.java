package io.il4j.envs.driving;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class DrivingConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        DrivingConfig c = DrivingConfig.defaults();
        assertEquals(3, c.lanes());
        assertEquals(3.75, c.laneWidth());
        assertEquals(10, c.trafficVehicles());
        assertEquals(500, c.horizon());
        assertEquals(0.1, c.dt());
        assertTrue(c.roadSegments().isEmpty());
        assertNull(c.roadSeed());
        assertEquals(c, c.toBuilder().build());
        assertEquals(-3.75, c.laneCentre(0));
        assertEquals(5.625, c.halfRoadWidth());
    }

    @Test
    void invalidValuesNameTheFieldAndRange() {
        assertMessage(() -> DrivingConfig.builder().lanes(0).build(), "lanes", "[1, 6]", "got 0");
        assertMessage(() -> DrivingConfig.builder().laneWidth(3.0).build(), "laneWidth", "[3.5, 4.0]", "got 3.0");
        assertMessage(() -> DrivingConfig.builder().horizon(0).build(), "horizon", "got 0");
        assertMessage(() -> DrivingConfig.builder().dt(Double.NaN).build(), "dt", "NaN");
        assertMessage(() -> DrivingConfig.builder().trafficVehicles(200).build(), "trafficVehicles", "too dense");
        assertMessage(() -> DrivingConfig.builder().trafficSpeedRange(0.9, 0.5).build(), "trafficSpeedMax");
        assertMessage(() -> DrivingConfig.builder().curvatureLookAhead(0, 20, 10, 40).build(), "curvatureLookAhead[2]");
        assertMessage(() -> DrivingConfig.builder().fixedRoad(RoadSegment.arc(500, 20, true)).build(), "radius", "roadSegments[0]");
        assertMessage(() -> DrivingConfig.builder().fixedRoad(RoadSegment.straight(600)).roadLength(700).build(),
                "add up to 600", "700");
        assertMessage(() -> new RoadSegment(-1, 0), "length");
        assertMessage(() -> new VehicleParams(2.7, 4.5, 1.8, 0, 3, 6, 50), "maxSteer");
        assertMessage(() -> new RewardWeights(1, -1, 0, 0, 0, 0), "laneDeviation");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable build, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        for (String p : parts) assertTrue(e.getMessage().contains(p), "'" + e.getMessage() + "' should mention '" + p + "'");
    }

    @Test
    void fixedRoadSetsTheLength() {
        DrivingConfig c = DrivingConfig.builder()
                .fixedRoad(RoadSegment.straight(300), RoadSegment.arc(200, 400, true), RoadSegment.straight(500)).build();
        assertEquals(1000, c.roadLength());
        assertEquals(3, c.roadSegments().size());
        assertTrue(c.toBuilder().randomRoad().build().roadSegments().isEmpty());
    }

    @Test
    void serializesToJsonAndBack() throws Exception {
        ObjectMapper json = new ObjectMapper();
        DrivingConfig c = DrivingConfig.builder().roadSeed(5).horizon(1000).build();
        String text = json.writeValueAsString(c);
        assertTrue(text.contains("\"horizon\":1000"), text);
        assertEquals(c, json.readValue(text, DrivingConfig.class));
    }
}
