package io.il4j.core.data;

import io.il4j.core.space.Box;
import io.il4j.core.space.Discrete;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DatasetSpecJsonTest {

    @Test
    void roundTripsBoxWithInfiniteBoundsAndDiscrete() {
        DatasetSpec box = new DatasetSpec(List.of("x", "v"), new Box(new double[]{-1, Double.NEGATIVE_INFINITY}, new double[]{1, Double.POSITIVE_INFINITY}),
                List.of("a0", "a1"), List.of("goal_x"), true);
        DatasetSpec back = DatasetSpecJson.decode(DatasetSpecJson.encode(box));
        assertEquals(box.observationNames(), back.observationNames());
        assertEquals(box.actionNames(), back.actionNames());
        assertEquals(box.goalNames(), back.goalNames());
        assertTrue(back.hasRewards());
        Box b = (Box) back.actionSpace();
        assertEquals(Double.NEGATIVE_INFINITY, b.low(1));
        assertEquals(Double.POSITIVE_INFINITY, b.high(1));
        assertEquals(1.0, b.high(0));
        DatasetSpec disc = new DatasetSpec(List.of("s"), new Discrete(4), List.of("act"), List.of(), false);
        assertEquals(4, ((Discrete) DatasetSpecJson.decode(DatasetSpecJson.encode(disc)).actionSpace()).n());
    }

    @Test
    void readsTheCamelCaseFormOfOlderPolicyFiles() {
        String legacy = """
                {"observationNames": ["x"], "actionSpace": {"type": "box", "low": ["-inf"], "high": [2.0]},
                 "actionNames": ["a"], "goalNames": [], "hasRewards": true}""";
        DatasetSpec s = DatasetSpecJson.decode(legacy.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("x"), s.observationNames());
        assertEquals(Double.NEGATIVE_INFINITY, ((Box) s.actionSpace()).low(0));
        assertEquals(2.0, ((Box) s.actionSpace()).high(0));
        assertTrue(s.hasRewards());
    }

    @Test
    void errorsNameTheField() {
        String badBound = "{\"format\": \"il4j-dataset\", \"version\": 1, \"observation_names\": [\"x\"], "
                + "\"action_space\": {\"type\": \"box\", \"low\": [\"low\"], \"high\": [1]}, \"action_names\": [\"a\"], \"goal_names\": []}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatasetSpecJson.decode(badBound.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("action_space.low[0]"), e.getMessage());
        String noNames = "{\"format\": \"il4j-dataset\", \"version\": 1, \"action_space\": {\"type\": \"discrete\", \"n\": 2}}";
        e = assertThrows(IllegalArgumentException.class, () -> DatasetSpecJson.decode(noNames.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("observation_names"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DatasetSpecJson.decode("{\"format\": \"x\"}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("format 'x'"), e.getMessage());
    }
}
