package io.il4j.bc.internal;

import io.il4j.core.data.Dataset;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Seeded train/validation split by episode (never by row), and the steps of a set of episodes. */
public final class EpisodeSplitter {

    /** Episode indices of each side, ascending. */
    public record Split(int[] train, int[] validation) {
    }

    private EpisodeSplitter() {
    }

    /**
     * Holds out {@code round(fraction * episodes)} episodes (at least one when {@code fraction > 0}),
     * chosen by a seeded shuffle; at least one episode always stays in training.
     */
    public static Split split(int episodes, double fraction, long seed) {
        if (episodes < 1) throw new IllegalArgumentException("cannot split a dataset without episodes");
        int nVal = fraction <= 0 ? 0 : Math.max(1, (int) Math.round(fraction * episodes));
        if (nVal >= episodes)
            throw new IllegalArgumentException("a validation fraction of " + fraction + " leaves no training episode out of "
                    + episodes + "; use more episodes or validationFraction=0");
        int[] order = new int[episodes];
        for (int i = 0; i < episodes; i++) order[i] = i;
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = episodes - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1), t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] val = Arrays.copyOfRange(order, 0, nVal), train = Arrays.copyOfRange(order, nVal, episodes);
        Arrays.sort(val);
        Arrays.sort(train);
        return new Split(train, val);
    }

    /** All steps of the given episodes, in episode order. */
    public static int[] steps(Dataset data, int[] episodes) {
        int n = 0;
        for (int e : episodes) n += data.episodeLength(e);
        int[] s = new int[n];
        int k = 0;
        for (int e : episodes) {
            int first = data.episodeFirstStep(e);
            for (int t = 0; t < data.episodeLength(e); t++) s[k++] = first + t;
        }
        return s;
    }
}
