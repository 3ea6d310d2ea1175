package io.il4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code il bench …}: the benchmarks behind the figures in the README. Each writes runs/bench-NAME/results.json. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run a benchmark behind the README's figures.",
                "Prints a table and writes runs/bench-<name>/results.json.",
                "Figures depend on the machine; the README states the machine its numbers came from."},
        subcommands = {BenchIoCommand.class, BenchEnvsCommand.class, BenchBcCommand.class, BenchMultimodalCommand.class, BenchDaggerCommand.class})
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
