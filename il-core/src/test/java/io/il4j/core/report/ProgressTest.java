package io.il4j.core.report;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ProgressTest {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    private long now;

    private List<String> lines() {
        return buffer.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void plainModePrintsEveryTenPercentAndAFinalLine() {
        try (Progress p = Progress.plain("parse", 1000, out, () -> now)) {
            for (int i = 0; i < 1000; i++) {
                now += 1_000_000; // 1 ms per step: time alone never triggers a line
                p.step(1);
            }
            p.setExtraMessage("1000 rows");
        }
        List<String> l = lines();
        assertEquals(10, l.size(), String.join("\n", l));
        assertEquals("parse:  10% (100/1000) 0.1s", l.get(0));
        assertEquals("parse:  90% (900/1000) 0.9s", l.get(8));
        assertEquals("parse: 100% (1000/1000) done in 1.0s 1000 rows", l.get(9));
    }

    @Test
    void plainModePrintsEveryFiveSecondsWhenProgressIsSlowOrTheTotalUnknown() {
        try (Progress p = Progress.plain("train", -1, out, () -> now)) {
            for (int i = 0; i < 12; i++) {
                now += 1_000_000_000L; // one second per step
                p.step(3);
            }
        }
        List<String> l = lines();
        assertEquals(List.of("train: 15 5.0s", "train: 30 10.0s", "train: 36 done in 12.0s"), l);
    }

    @Test
    void aBigJumpPrintsOneLineAndCloseIsIdempotent() {
        Progress p = Progress.plain("copy", 10, out, () -> now);
        p.stepTo(10);
        p.close();
        p.close();
        p.step(5); // ignored after close
        assertEquals(2, lines().size());
        assertEquals(10, p.current());
        assertThrows(IllegalArgumentException.class, () -> p.step(-1));
    }

    @Test
    void modeOverrideIsValidated() {
        String old = System.getProperty(Progress.MODE_PROPERTY);
        try {
            System.setProperty(Progress.MODE_PROPERTY, "none");
            assertEquals(Progress.Mode.NONE, Progress.autoMode());
            System.setProperty(Progress.MODE_PROPERTY, "sparkles");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Progress::autoMode);
            assertTrue(e.getMessage().contains("bar, plain or none"));
        } finally {
            if (old == null) System.clearProperty(Progress.MODE_PROPERTY);
            else System.setProperty(Progress.MODE_PROPERTY, old);
        }
    }
}
