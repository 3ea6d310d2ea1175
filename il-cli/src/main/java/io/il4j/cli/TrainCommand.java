package io.il4j.cli;

import picocli.CommandLine.Command;

/** {@code il train …}: one subcommand per learning algorithm. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a policy from demonstrations (bc) or from logged transitions with rewards (cql). See 'il train bc --help', 'il train cql --help'.",
        subcommands = {TrainBcCommand.class, TrainCqlCommand.class})
final class TrainCommand {
    // Not Runnable: without a subcommand picocli reports "Missing required subcommand" with the usage, exit 2.
}
