package io.il4j.cli;

import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line a user typed, rebuilt as shell words, so that a stopped command can print the exact command that
 * continues it. One place for the quoting, shared by checkpointed trainers ({@link CheckpointOptions}) and commands
 * that resume by being run again ({@link StopNotice}).
 */
final class TypedCommand {
    private TypedCommand() {
    }

    /**
     * {@code il} and the arguments as typed (subcommand names included), without the flags in {@code drop}
     * (flags without a value), and with {@code add} appended when it is not there already (null: nothing).
     */
    static String rebuilt(CommandSpec spec, List<String> drop, String add) {
        List<String> words = new ArrayList<>(List.of("il"));
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        for (String a : args) if (!drop.contains(a)) words.add(quoted(a));
        if (add != null && !args.contains(add)) words.add(add);
        return String.join(" ", words);
    }

    static String quoted(String s) {
        return s.matches("[A-Za-z0-9_./=:,+@%-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
