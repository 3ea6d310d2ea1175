package io.il4j.offline;

import io.il4j.core.train.TrainingListener;
import io.il4j.core.train.EvalRollouts;
import io.il4j.core.data.Dataset;
import io.il4j.core.env.Env;
import io.il4j.core.io.DatasetFiles;
import io.il4j.envs.Envs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Discrete CQL on the shipped CartPole medium data (mean return 246; expert 500) reaches >= 400. */
class CartPoleCqlTest {

    @Test
    void discreteCqlOnMediumDataReaches400() throws Exception {
        Dataset data = DatasetFiles.load(Path.of("../datasets/cartpole/medium.csv")).dataset();
        Env env = Envs.make("cartpole");
        // small network, few steps: seeds 0-3 ended at 500, 445, 500, 447 (about 3 s each here)
        DiscreteCqlConfig c = DiscreteCqlConfig.builder().hiddenSizes(List.of(64, 64)).batchSize(256).steps(3000).evalInterval(1000)
                .learningRate(1e-3).targetUpdateInterval(200).alpha(1).seed(0).build();
        TrainedCql t = DiscreteCql.train(data, c, TrainingListener.NONE, new EvalRollouts(env, 10, 5000, 500, 1));
        assertTrue(t.finalReturn() >= 400, "final return over 10 episodes " + t.finalReturn() + " (the data's mean is 246)");
        assertEquals(3, t.curve().size());
    }
}
