package io.il4j.cli;

import picocli.CommandLine.Command;

/** {@code il train …}: one subcommand per learning algorithm. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a policy or recover a reward: bc, cql, iqlearn, maxent-irl.",
                "bc and iqlearn learn from demonstrations, cql from logged transitions with rewards; iqlearn and maxent-irl",
                "also recover a reward. See 'il train <command> --help'."},
        subcommands = {TrainBcCommand.class, TrainCqlCommand.class, TrainIqLearnCommand.class, TrainMaxEntIrlCommand.class})
final class TrainCommand {
    // Not Runnable: without a subcommand picocli reports "Missing required subcommand" with the usage, exit 2.
}
