package io.il4j.cli;

import picocli.CommandLine.Command;

/** {@code il bench …}: the benchmarks behind the figures in the README. Each writes runs/bench-NAME/results.json. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run a benchmark behind the README's figures.",
                "Prints a table and writes runs/bench-<name>/results.json.",
                "Figures depend on the machine; the README states the machine its numbers came from."},
        subcommands = {BenchIoCommand.class, BenchEnvsCommand.class, BenchBcCommand.class, BenchMultimodalCommand.class, BenchDaggerCommand.class,
                BenchOfflineCommand.class, BenchCqlCommand.class, BenchShardsCommand.class})
final class BenchCommand {
    // Not Runnable: without a subcommand picocli reports "Missing required subcommand" with the usage, exit 2.
}
