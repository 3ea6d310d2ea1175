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
        // the goal variant keeps its own horizon unless told otherwise (the plain driving default is 500)
        assertEquals(DrivingGoalConfig.defaults().driving().horizon(), Envs.make("driving-goal", Map.of()).spec().maxEpisodeSteps());
    }

    /** start_offset / start_heading perturb the ego's start within the given bounds; the default starts on the centre line. */
    @Test
    void startPerturbationOptionsReachTheEnvironment() {
        double maxOffset = 0, maxHeading = 0;
        Env perturbed = Envs.make("driving", Map.of("start_offset", "1.75", "start_heading", "0.3"));
        for (long seed = 0; seed < 40; seed++) {
            double[] obs = perturbed.reset(seed);
            assertTrue(Math.abs(obs[DrivingObservation.LATERAL_OFFSET]) <= 1.75 + 1e-9, "offset " + obs[DrivingObservation.LATERAL_OFFSET]);
            assertTrue(Math.abs(obs[DrivingObservation.HEADING_ERROR]) <= 0.3 + 1e-9, "heading " + obs[DrivingObservation.HEADING_ERROR]);
            maxOffset = Math.max(maxOffset, Math.abs(obs[DrivingObservation.LATERAL_OFFSET]));
            maxHeading = Math.max(maxHeading, Math.abs(obs[DrivingObservation.HEADING_ERROR]));
        }
        assertTrue(maxOffset > 1.0 && maxHeading > 0.2, "40 starts spread up to offset " + maxOffset + ", heading " + maxHeading);
        double[] centred = Envs.make("driving", Map.of()).reset(3);
        assertEquals(0.0, centred[DrivingObservation.LATERAL_OFFSET], 0.0);
        assertEquals(0.0, centred[DrivingObservation.HEADING_ERROR], 0.0);
        assertThrows(IllegalArgumentException.class, () -> Envs.make("driving", Map.of("start_heading", "0.9")));
    }

    /** steer_noise: the recorded actions stay the expert's clean ones for the recorded states, which the noise moves off its path. */
    @Test
    void steeringNoiseRecordsCleanExpertLabelsOnPerturbedStates() {
        var noisy = DatasetGenerator.generate("driving", "expert", 2, 1, Map.of("max_steps", "150", "steer_noise", "0.02"));
        var clean = DatasetGenerator.generate("driving", "expert", 2, 1, Map.of("max_steps", "150"));
        var data = noisy.rollouts().dataset();
        DrivingExpert expert = new DrivingExpert();
        double spreadNoisy = 0, spreadClean = 0;
        for (int step = 0; step < data.numSteps(); step++) {
            double[] obs = data.observationAsDouble(data.observationRow(step)), recorded = data.actionAsDouble(step);
            double[] label = expert.act(obs);
            for (int j = 0; j < 2; j++) assertEquals(label[j], recorded[j], 1e-6 * Math.max(1, Math.abs(label[j])), "step " + step);
            spreadNoisy += Math.abs(obs[DrivingObservation.HEADING_ERROR]);
        }
        var cleanData = clean.rollouts().dataset();
        for (int step = 0; step < cleanData.numSteps(); step++)
            spreadClean += Math.abs(cleanData.observation(cleanData.observationRow(step), DrivingObservation.HEADING_ERROR));
        assertTrue(spreadNoisy > 3 * spreadClean, "heading errors " + spreadNoisy + " with noise vs " + spreadClean + " without");
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
