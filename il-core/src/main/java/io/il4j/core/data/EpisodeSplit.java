package io.il4j.core.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A seeded train/validation split of a dataset by whole episodes: rows of one episode never land on
 * both sides, so validation measures generalization to unseen episodes rather than to neighbouring
 * (near-duplicate) steps of episodes seen in training.
 *
 * <p>Immutable (both datasets are immutable); safe to share between threads.
 *
 * @param train      the training episodes, in their original order
 * @param validation the validation episodes, in their original order
 */
public record EpisodeSplit(Dataset train, Dataset validation) {

    public EpisodeSplit {
        if (train == null || validation == null) throw new IllegalArgumentException("train and validation must not be null");
    }

    /**
     * Splits {@code data} so that {@code round(validationFraction * numEpisodes)} episodes, clamped to
     * {@code [1, numEpisodes - 1]}, go to validation, chosen by a seeded shuffle. Both sides keep the
     * original episode order. The same data and seed always give the same split.
     *
     * @throws IllegalArgumentException when the dataset has fewer than 2 episodes or the fraction is not
     *                                  strictly between 0 and 1
     */
    public static EpisodeSplit of(Dataset data, double validationFraction, long seed) {
        if (data == null) throw new IllegalArgumentException("dataset must not be null");
        if (!(validationFraction > 0 && validationFraction < 1))
            throw new IllegalArgumentException("validationFraction must be in (0, 1), got " + validationFraction);
        int n = data.numEpisodes();
        if (n < 2)
            throw new IllegalArgumentException("an episode-level split needs at least 2 episodes (one per side); the dataset has " + n);
        int nVal = (int) Math.round(validationFraction * n);
        nVal = Math.max(1, Math.min(n - 1, nVal));
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) { // Fisher-Yates
            int j = rng.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        int[] val = Arrays.copyOf(order, nVal);
        int[] train = Arrays.copyOfRange(order, nVal, n);
        Arrays.sort(val);
        Arrays.sort(train);
        return new EpisodeSplit(data.selectEpisodes(train), data.selectEpisodes(val));
    }
}
