package io.il4j.cli;

import io.il4j.core.data.Dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a run's {@code dataset.json} says about its training data: the file as given, its size in episodes and
 * steps, the observation and action names, the content hash the policy file's provenance also records, and for a
 * shipped dataset its card from {@code datasets/README.md} (the command that recorded it and the behaviour's
 * episode statistics).
 */
record DatasetDescription(String file, String summary, int episodes, int steps, List<String> observations,
                          String actionSpace, List<String> actions, boolean rewards, String contentHash, String card) {

    static DatasetDescription of(Path file, Dataset d) {
        return new DatasetDescription(file.toString(), d.toString(), d.numEpisodes(), d.numSteps(), d.spec().observationNames(),
                d.spec().actionSpace().toString(), d.spec().actionNames(), d.spec().hasRewards(), d.contentHash(), card(file));
    }

    /** The same for a sharded dataset directory (its manifest's counts and content hash). */
    static DatasetDescription of(Path dir, io.il4j.core.io.ShardedDataset d) {
        return new DatasetDescription(dir.toString(), d.toString(), (int) d.numEpisodes(), (int) Math.min(Integer.MAX_VALUE, d.numSteps()),
                d.spec().observationNames(), d.spec().actionSpace().toString(), d.spec().actionNames(), d.spec().hasRewards(),
                d.contentHash(), card(dir));
    }

    /** The card of a file under {@code datasets/}: its section of {@code datasets/README.md}, or null. */
    static String card(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        for (Path dir = abs.getParent(); dir != null; dir = dir.getParent()) {
            Path readme = dir.resolve("README.md");
            if (dir.getFileName() == null || !dir.getFileName().toString().equals("datasets") || !Files.isRegularFile(readme)) continue;
            String heading = "### `datasets/" + dir.relativize(abs).toString().replace('\\', '/') + "`";
            try {
                String text = Files.readString(readme);
                int at = text.indexOf(heading);
                if (at < 0) return null;
                int end = text.indexOf("\n### ", at + heading.length());
                return text.substring(at + heading.length(), end < 0 ? text.length() : end).strip();
            } catch (IOException e) {
                return null; // the card is a courtesy; the run does not depend on it
            }
        }
        return null;
    }
}
