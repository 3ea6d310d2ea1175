package io.il4j.cli;

import picocli.CommandLine.Command;

/** {@code il reward …}: evaluate and export recovered reward files (from il train iqlearn). */
@Command(name = "reward", mixinStandardHelpOptions = true,
        description = "Evaluate or export a recovered reward file. See 'il reward eval --help' and 'il reward export --help'.",
        subcommands = {RewardEvalCommand.class, RewardExportCommand.class})
final class RewardCommand {
    // Not Runnable: without a subcommand picocli reports "Missing required subcommand", exit 2.
}
