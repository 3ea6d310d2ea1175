package io.il4j.cli;

import picocli.CommandLine.Command;

/** {@code il train …}: one subcommand per learning algorithm. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a policy from demonstrations. See 'il train bc --help'.",
        subcommands = {TrainBcCommand.class})
final class TrainCommand {
    // Not Runnable: without a subcommand picocli reports "Missing required subcommand" with the usage, exit 2.
}
