package io.il4j.cli;

import io.il4j.core.data.Dataset;
import io.il4j.irl.eval.RewardExport;
import io.il4j.irl.iq.RewardFunction;
import io.il4j.irl.iq.RewardFunctions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code il reward export}: a dataset as CSV with the recovered reward as one more column. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes --data as il4j CSV with one more column, recovered_reward: r(s,a,s') of each step "
                + "(empty on final-observation rows). The file is written atomically."})
final class RewardExportCommand implements Callable<Integer> {

    @Option(names = "--reward", required = true, paramLabel = "FILE", description = "Reward file (from il train iqlearn).")
    Path reward;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Dataset to score (.csv, .npz, .h5).")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV file to write.")
    Path out;

    @Mixin
    DataInputOptions input;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(reward)) throw new IllegalArgumentException("--reward: no such file: " + reward);
        OutputFileOption.requireNotDirectory(out);
        RewardFunction r = RewardFunctions.load(reward);
        Dataset d = input.load(data, System.err).dataset();
        try {
            RewardExport.writeCsv(d, r, out);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(data + ": " + e.getMessage(), e);
        }
        System.out.println("wrote " + out + " (" + d.numSteps() + " steps, column " + RewardExport.COLUMN + ")");
        return 0;
    }
}
