package io.il4j.irl.iq;

import io.il4j.core.data.Dataset;
import io.il4j.core.data.Normalizer;
import io.il4j.core.data.Transitions;

import java.util.SplittableRandom;

/**
 * The expert's transitions (s, a, s', done) as normalized float rows, with the episodes' first states, for
 * uniform sampling by IQ-Learn. Built once; not thread-safe.
 */
final class ExpertTransitions {
    final int size, obsDim, actDim;
    final float[] obs, next, actions;
    final boolean[] done;
    final float[] starts;
    final int numStarts;
    /** Transitions that end in a termination (online, each leads to the absorbing state). */
    final int terminations;

    ExpertTransitions(Dataset data, Normalizer norm) {
        Transitions tr = data.transitions();
        size = tr.size();
        obsDim = data.observationDim();
        actDim = data.actionDim();
        obs = new float[size * obsDim];
        next = new float[size * obsDim];
        actions = new float[size * actDim];
        done = new boolean[size];
        float[] raw = new float[obsDim];
        for (int i = 0; i < size; i++) {
            data.copyObservation(tr.observationRow(i), raw, 0);
            norm.normalize(raw, 0, obs, i * obsDim);
            data.copyObservation(tr.nextObservationRow(i), raw, 0);
            norm.normalize(raw, 0, next, i * obsDim);
            data.copyAction(tr.step(i), actions, i * actDim);
            done[i] = tr.done(i);
        }
        int m = 0;
        for (boolean d : done) if (d) m++;
        terminations = m;
        numStarts = data.numEpisodes();
        starts = new float[numStarts * obsDim];
        for (int e = 0; e < numStarts; e++) {
            data.copyObservation(data.episodeFirstObservationRow(e), raw, 0);
            norm.normalize(raw, 0, starts, e * obsDim);
        }
    }

    /** Copies transition {@code i}'s rows to position {@code k} of the batch arrays. */
    void copy(int i, int k, float[] obsOut, float[] nextOut, float[] actOut, boolean[] doneOut) {
        System.arraycopy(obs, i * obsDim, obsOut, k * obsDim, obsDim);
        System.arraycopy(next, i * obsDim, nextOut, k * obsDim, obsDim);
        System.arraycopy(actions, i * actDim, actOut, k * actDim, actDim);
        doneOut[k] = done[i];
    }

    void sampleStart(SplittableRandom rng, float[] out, int k) {
        System.arraycopy(starts, rng.nextInt(numStarts) * obsDim, out, k * obsDim, obsDim);
    }
}
