package io.il4j.envs.driving;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

class DrivingBenchmarkTest {

    @Test
    void printsATableAndReturnsTheRates() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DrivingBenchmark.Result r = DrivingBenchmark.run(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                DrivingConfig.defaults(), 20_000);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("expert") && text.contains("fixed action") && text.contains("10 traffic vehicles"), text);
        assertEquals(10, r.trafficVehicles());
        assertEquals(20_000, r.steps());
        assertTrue(r.expertStepsPerSecond() > 0 && r.fixedStepsPerSecond() > 0 && r.expertStepsPerCpuSecond() > 0);
        assertThrows(IllegalArgumentException.class, () -> DrivingBenchmark.run(System.out, DrivingConfig.defaults(), 0));
    }

    @Test
    void behaviourTableRanksTheTiers() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        var tiers = DrivingBenchmark.behaviours(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                DrivingConfig.builder().horizon(200).build(), 5, 0);
        assertEquals(java.util.List.of("expert", "medium", "random"), java.util.List.copyOf(tiers.keySet()));
        var expert = tiers.get("expert");
        assertEquals(5, expert.episodes());
        assertEquals(0, expert.metric("collision").mean() + expert.metric("off_road").mean());
        assertTrue(expert.totalReturn().mean() > tiers.get("random").totalReturn().mean() + 100, tiers.toString());
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("random"));
    }
}
