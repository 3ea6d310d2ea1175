package io.il4j.core.report;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class JsonTest {
    @Test
    void pathsAreWrittenAsGivenNotAsAbsoluteUris() {
        String json = Json.toString(Map.of("data", Path.of("datasets", "driving", "expert.csv"), "abs", Path.of("/tmp/x")));
        assertTrue(json.contains("\"data\" : \"datasets/driving/expert.csv\""), json);
        assertTrue(json.contains("\"abs\" : \"/tmp/x\""), json);
        assertFalse(json.contains("file:"), json);
    }
}
