package io.il4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

import java.util.Map;

/**
 * The {@code il} command. Each subcommand lives in its own class; this class only wires them and maps
 * exceptions to exit codes: a missing subcommand or bad input (IllegalArgumentException) prints its message
 * and exits 2, I/O failures exit 3, anything else prints the stack trace and exits 1.
 */
@Command(name = "il",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "il4j: imitation learning for the JVM.",
                "Behavioral cloning, goal-conditioned BC, DAgger, CQL (offline RL), IQ-Learn and MaxEnt IRL on one dataset layer.",
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
                RewardCommand.class,
                ReportCommand.class,
                BenchCommand.class,
        })
public final class Main {
    // Not Runnable: a bare `il` is a usage error (picocli: "Missing required subcommand", usage on stderr, exit 2).

    /** Exit code when the Java heap is too small for the input. */
    static final int OUT_OF_MEMORY = 4;

    public static void main(String[] args) {
        int code;
        try {
            code = run(args);
        } catch (OutOfMemoryError e) {
            // an input larger than the heap is a user's situation with remedies, not a bug: one line, no stack trace
            System.err.println("il: out of memory: the data do not fit in the Java heap (at most "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB); give the JVM more (IL_JAVA_OPTS=-Xmx<size>; "
                    + "the il script's default is -Xmx8g), or convert the data into shards (il convert IN DIR --shard-steps N, "
                    + "which streams a CSV) and give DIR as --data");
            code = OUT_OF_MEMORY;
        }
        System.exit(code);
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int run(String... args) {
        CommandLine cl = commandLine(args.length > 0 ? args[0] : null);
        return cl.execute(args);
    }

    static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command line; when {@code only} names one of il4j's subcommands, a root holding just that one. Picocli builds
     * the model of every subcommand a root holds, and building all of them loads what each one's options need
     * (training configs and their JSON mappers): about 0.3 s before a command such as {@code il inspect} starts.
     */
    static CommandLine commandLine(String only) {
        Class<?> single = only == null ? null : ownSubcommand(only);
        CommandLine cl;
        if (single == null) {
            cl = new CommandLine(new Main());
        } else {
            cl = new CommandLine(CommandSpec.wrapWithoutInspection(new Main()).name(Main.class.getAnnotation(Command.class).name()));
            cl.addSubcommand(only, single);
        }
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setUsageHelpAutoWidth(true);
        for (String c : new String[]{"generate", "eval"}) {
            CommandLine sub = cl.getSubcommands().get(c);
            if (sub == null) continue;
            Map<String, CommandLine.IHelpSectionRenderer> sections = sub.getHelpSectionMap();
            sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, EnvSelection::environmentsHelp);
            sub.setHelpSectionMap(sections);
        }
        return cl;
    }

    /** The subcommand class of il4j's own named {@code name} (not picocli's help, which lists its siblings), or null. */
    private static Class<?> ownSubcommand(String name) {
        for (Class<?> c : Main.class.getAnnotation(Command.class).subcommands()) {
            Command command = c.getAnnotation(Command.class);
            if (c.getPackage() == Main.class.getPackage() && command.name().equals(name)) return c;
        }
        return null;
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
