package io.il4j.dagger;

import io.il4j.bc.BcPolicy;
import io.il4j.bc.HeadType;
import io.il4j.core.data.Dataset;
import io.il4j.core.env.Rollouts;
import io.il4j.envs.pendulum.PendulumEnv;
import io.il4j.envs.pendulum.PendulumExpert;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class BcLearnersTest {

    @Test
    void stepsAreThirtyEpochsButNeverFewerThanTheFloor() {
        Dataset small = Rollouts.collect(new PendulumEnv(), new PendulumExpert(), 1, 0, 200).dataset();
        Dataset large = Rollouts.collect(new PendulumEnv(), new PendulumExpert(), 100, 0, 200).dataset(); // 20,000 steps
        assertEquals(BcLearners.MIN_STEPS, BcLearners.steps(small, BcLearners.defaultConfig(HeadType.MSE)));
        assertEquals(30 * 79, BcLearners.steps(large, BcLearners.defaultConfig(HeadType.MSE)));
    }

    @Test
    void daggerWithTheDefaultLearnerTrainsABcPolicyThatFitsTheLabels() {
        DaggerConfig c = DaggerConfig.builder().rounds(2).rolloutsPerRound(2).horizon(200).evalEpisodes(0).seed(1).build();
        DaggerResult r = new Dagger(c).showProgress(false).run(new PendulumEnv(), new PendulumExpert());
        assertInstanceOf(BcPolicy.class, r.policy());
        assertEquals(800, r.labelsUsed());
        // On the aggregated states (the expert's and the learner's) the final policy is far closer to the
        // expert's labels than a policy that always outputs zero torque.
        double zeroTorque = 0, learner = 0;
        Dataset d = r.aggregated();
        for (int s = 0; s < d.numSteps(); s++) {
            double label = d.action(s, 0);
            zeroTorque += Math.abs(label) / d.numSteps();
            learner += Math.abs(r.policy().act(d.observationAsDouble(d.observationRow(s)))[0] - label) / d.numSteps();
        }
        assertTrue(learner < 0.3 * zeroTorque, "mean |error| " + learner + " vs zero-torque " + zeroTorque);
    }
}
