package io.il4j.bc;

import io.il4j.core.data.Dataset;
import io.il4j.core.data.DatasetBuilder;
import io.il4j.core.data.DatasetSpec;
import io.il4j.core.space.Box;
import io.il4j.core.space.Discrete;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/** Small synthetic demonstration sets for trainer tests (no environment needed). */
final class Synthetic {
    private Synthetic() {
    }

    static List<String> names(String prefix, int n) {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < n; i++) l.add(prefix + i);
        return l;
    }

    /** Episodes of random-walk observations (obsDim), actions = expert(obs), continuous in [-2, 2]. */
    static Dataset continuous(int episodes, int length, int obsDim, int actDim, long seed, Function<double[], double[]> expert) {
        return continuous(episodes, length, obsDim, Box.uniform(actDim, -2, 2), seed, expert);
    }

    static Dataset continuous(int episodes, int length, int obsDim, Box space, long seed, Function<double[], double[]> expert) {
        int actDim = space.dim();
        DatasetSpec spec = new DatasetSpec(names("o", obsDim), space, names("a", actDim), List.of(), true);
        DatasetBuilder b = new DatasetBuilder(spec);
        Random r = new Random(seed);
        for (int e = 0; e < episodes; e++) {
            b.beginEpisode();
            double[] o = new double[obsDim];
            for (int i = 0; i < obsDim; i++) o[i] = r.nextGaussian();
            for (int t = 0; t < length; t++) {
                b.addStep(o.clone(), expert.apply(o), 0);
                for (int i = 0; i < obsDim; i++) o[i] = 0.8 * o[i] + 0.6 * r.nextGaussian();
            }
            b.endEpisode(o.clone(), false, true);
        }
        return b.build();
    }

    /** A smooth nonlinear expert: a_j = tanh(sum_i w_ji o_i) * 1.5. */
    static Function<double[], double[]> smoothExpert(int obsDim, int actDim, long seed) {
        Random r = new Random(seed);
        double[][] w = new double[actDim][obsDim];
        for (double[] row : w) for (int i = 0; i < obsDim; i++) row[i] = r.nextGaussian();
        return o -> {
            double[] a = new double[actDim];
            for (int j = 0; j < actDim; j++) {
                double s = 0;
                for (int i = 0; i < obsDim; i++) s += w[j][i] * o[i];
                a[j] = 1.5 * Math.tanh(s);
            }
            return a;
        };
    }

    /** Discrete actions: n classes by the sign pattern of the first observation dims. */
    static Dataset discrete(int episodes, int length, int obsDim, long seed) {
        DatasetSpec spec = new DatasetSpec(names("o", obsDim), new Discrete(2), List.of("a"), List.of(), true);
        DatasetBuilder b = new DatasetBuilder(spec);
        Random r = new Random(seed);
        for (int e = 0; e < episodes; e++) {
            b.beginEpisode();
            for (int t = 0; t < length; t++) {
                double[] o = new double[obsDim];
                for (int i = 0; i < obsDim; i++) o[i] = r.nextGaussian();
                b.addStep(o, new double[]{o[0] + 0.5 * o[1] > 0 ? 1 : 0}, 1);
            }
            b.endEpisode(null, false, true);
        }
        return b.build();
    }

    static double[] randomObservation(Random r, int dim) {
        double[] o = new double[dim];
        for (int i = 0; i < dim; i++) o[i] = r.nextGaussian();
        return o;
    }
}
