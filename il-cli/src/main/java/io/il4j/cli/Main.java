package io.il4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code il} command. Each subcommand lives in its own class; this class only wires them and maps
 * exceptions to exit codes: bad input (IllegalArgumentException) prints its message and exits 2,
 * I/O failures exit 3, anything else prints the stack trace and exits 1.
 */
@Command(name = "il",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "il4j: imitation learning for the JVM.",
                "Behavioral cloning, goal-conditioned BC and DAgger on one dataset layer (IQ-Learn and CQL: planned).",
                "",
                "Start with: il quickstart"},
        subcommands = {
                CommandLine.HelpCommand.class,
                QuickstartCommand.class,
                InspectCommand.class,
                ConvertCommand.class,
                GenerateCommand.class,
                TrainCommand.class,
                EvalCommand.class,
                BenchCommand.class,
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int run(String... args) {
        CommandLine cl = commandLine();
        return cl.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setUsageHelpAutoWidth(true);
        for (String c : new String[]{"generate", "eval"})
            cl.getSubcommands().get(c).getCommandSpec().usageMessage().footer(EnvSelection.footer());
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Prints user errors as one clear line; keeps stack traces for real bugs. */
    static final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parse) {
            if (ex instanceof IllegalArgumentException) {
                cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": error: " + ex.getMessage());
                return 2;
            }
            if (ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException) {
                cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": I/O error: " + ex.getMessage());
                return 3;
            }
            ex.printStackTrace(cl.getErr());
            return 1;
        }
    }
}
