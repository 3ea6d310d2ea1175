package io.il4j.envs.driving;

import io.il4j.core.env.Env;
import io.il4j.envs.DatasetGenerator;
import io.il4j.envs.Envs;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DrivingProvidersTest {

    @Test
    void registryBuildsDrivingWithOptions() {
        Env env = Envs.make("driving", Map.of("max_steps", "120", "traffic", "4", "lanes", "2"));
        assertEquals(120, env.spec().maxEpisodeSteps());
        assertTrue(Envs.ids().contains("driving-goal"));
        assertTrue(Envs.make("driving-goal", Map.of()) instanceof DrivingGoalEnv);
    }

    @Test
    void badRoadSeedIsRejectedWithTheOptionName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Envs.make("driving", Map.of("road_seed", "curvy")));
        assertTrue(e.getMessage().contains("road_seed"), e.getMessage());
    }

    @Test
    void generatedExpertDemonstrationsAreCleanAndTiersAreOrdered() {
        var expert = DatasetGenerator.generate("driving", "expert", 4, 1, Map.of("max_steps", "200"));
        var random = DatasetGenerator.generate("driving", "random", 4, 1, Map.of("max_steps", "200"));
        assertEquals(0.0, expert.summary().metric("collision").mean());
        assertEquals(0.0, expert.summary().metric("off_road").mean());
        assertTrue(expert.summary().totalReturn().mean() > random.summary().totalReturn().mean() + 100,
                expert.summary().totalReturn().mean() + " vs " + random.summary().totalReturn().mean());
    }
}
