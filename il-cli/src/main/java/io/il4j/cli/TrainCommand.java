package io.il4j.cli;

import picocli.CommandLine.Command;

/** {@code il train …}: one subcommand per learning algorithm. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a policy (or recover a reward) from demonstrations. See 'il train bc --help', 'il train iqlearn --help', 'il train maxent-irl --help'.",
        subcommands = {TrainBcCommand.class, TrainIqLearnCommand.class, TrainMaxEntIrlCommand.class})
final class TrainCommand {
    // Not Runnable: without a subcommand picocli reports "Missing required subcommand" with the usage, exit 2.
}
