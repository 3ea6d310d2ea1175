package io.il4j.dagger.testing;

import io.il4j.core.data.Dataset;
import io.il4j.core.policy.Policy;
import io.il4j.core.policy.PolicyLearner;

/** Test learner: 1-nearest-neighbour regression (brute force; answers the action of the closest training state). */
public final class NearestNeighbourLearner implements PolicyLearner {

    @Override
    public Policy fit(Dataset data, long seed, Policy warmStart) {
        int n = data.numSteps(), d = data.observationDim(), m = data.actionDim();
        float[] xs = new float[n * d], as = new float[n * m];
        for (int s = 0; s < n; s++) {
            data.copyObservation(data.observationRow(s), xs, s * d);
            data.copyAction(s, as, s * m);
        }
        return obs -> {
            int best = 0;
            double bestDist = Double.POSITIVE_INFINITY;
            for (int s = 0; s < n; s++) {
                double dist = 0;
                for (int j = 0; j < d; j++) {
                    double diff = xs[s * d + j] - obs[j];
                    dist += diff * diff;
                }
                if (dist < bestDist) {
                    bestDist = dist;
                    best = s;
                }
            }
            double[] a = new double[m];
            for (int k = 0; k < m; k++) a[k] = as[best * m + k];
            return a;
        };
    }
}
