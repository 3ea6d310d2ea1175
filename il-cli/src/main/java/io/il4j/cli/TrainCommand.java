package io.il4j.cli;

import picocli.CommandLine.Command;

/** {@code il train …}: one subcommand per learning algorithm. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a policy from demonstrations (bc, iqlearn), from logged transitions with rewards (cql),",
                "or recover a reward (iqlearn, maxent-irl). See 'il train <command> --help'."},
        subcommands = {TrainBcCommand.class, TrainCqlCommand.class, TrainIqLearnCommand.class, TrainMaxEntIrlCommand.class})
final class TrainCommand {
    // Not Runnable: without a subcommand picocli reports "Missing required subcommand" with the usage, exit 2.
}
