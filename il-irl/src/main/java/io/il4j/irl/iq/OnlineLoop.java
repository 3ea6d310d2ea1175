package io.il4j.irl.iq;

import io.il4j.core.data.Normalizer;
import io.il4j.core.env.Env;
import io.il4j.core.env.StepResult;

import java.util.SplittableRandom;

/**
 * The online half of IQ-Learn, shared by both variants: act with the learner's soft policy in {@code env} for
 * {@code steps} environment steps, store each normalized transition in a replay buffer (terminations become
 * absorbing transitions there), reset with seeds {@code seed, seed+1, ...}, and after {@code startSteps} follow
 * every step with one update on a batch of expert and replayed transitions. Not thread-safe.
 */
final class OnlineLoop {

    /** The learner's action in a normalized observation: as stored for training, and as given to the environment. */
    interface Acting {
        void act(float[] observation, SplittableRandom rng, float[] storedAction, double[] envAction);
    }

    /** One update on {@code batch} after environment step {@code step}, with that step's random numbers. */
    interface Update {
        void update(int step, SplittableRandom rng);
    }

    private OnlineLoop() {
    }

    /**
     * Runs the loop; {@code loop} updates the learner and reports each update (curve points, evaluations) with the
     * environment step as its step. Each step's randomness (acting, batch) comes from (seed, step), as offline.
     */
    static void run(Env env, OnlineConfig online, IqLearnConfig config, Normalizer obsNorm, int storedActionDim, int envActionDim,
                    Acting acting, IqTrainingLoop loop) {
        loop.startOnline();
        int obsDim = obsNorm.dim();
        ReplayBuffer replay = new ReplayBuffer(online.replayCapacity(), obsDim, storedActionDim, AbsorbingState.weight(online, config.gamma()));
        float[] o = new float[obsDim], n = new float[obsDim], a = new float[storedActionDim];
        double[] envAction = new double[envActionDim];
        long episode = 0;
        obsNorm.normalize(env.reset(online.seed()), 0, o, 0);
        for (int step = 1; step <= config.steps(); step++) {
            loop.stopIfRequested(step - 1);
            acting.act(o, IqTrainingLoop.stepRandom(online.seed() * 31 + 7, step), a, envAction);
            StepResult r = env.step(envAction);
            obsNorm.normalize(r.observation(), 0, n, 0);
            replay.add(o, a, n, r.terminated());
            if (r.done()) obsNorm.normalize(env.reset(online.seed() + (++episode)), 0, o, 0);
            else System.arraycopy(n, 0, o, 0, obsDim);
            if (step < online.startSteps()) continue;
            loop.mixedUpdate(step, replay);
        }
        loop.finish();
    }
}
