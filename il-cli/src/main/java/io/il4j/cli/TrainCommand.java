package io.il4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code il train …}: one subcommand per learning algorithm. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a policy from demonstrations. See 'il train bc --help'.",
        subcommands = {TrainBcCommand.class})
final class TrainCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
