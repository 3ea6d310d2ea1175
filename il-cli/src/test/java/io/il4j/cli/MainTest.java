package io.il4j.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    @Test
    void helpListsCommandsAndExitsZero() {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("--help"));
        assertTrue(out.toString().contains("Usage: il"), out.toString());
    }

    @Test
    void unknownCommandIsAUsageError() {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertEquals(2, cl.execute("no-such-command"));
        assertTrue(err.toString().contains("no-such-command"), err.toString());
    }

    @Test
    void noSubcommandIsAUsageError() {
        for (String[] args : new String[][]{{}, {"bench"}, {"train"}}) {
            CommandLine cl = Main.commandLine();
            StringWriter err = new StringWriter();
            cl.setErr(new PrintWriter(err));
            assertEquals(2, cl.execute(args), String.join(" ", args));
            assertTrue(err.toString().contains("Missing required subcommand") && err.toString().contains("Usage: il"), err.toString());
        }
    }

    @Test
    void everyCommandListShowsACompleteFirstSentence() {
        // picocli's command list shows only a subcommand's first description line
        assertFirstLinesComplete(Main.commandLine());
    }

    private static void assertFirstLinesComplete(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            String first = sub.getCommandSpec().usageMessage().description()[0];
            assertTrue(first.endsWith("."), "il " + sub.getCommandSpec().qualifiedName() + ": '" + first + "'");
            assertFirstLinesComplete(sub);
        }
    }

    @Test
    void environmentListWrapsUnderItsDescriptionColumn() {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.getSubcommands().get("generate").getCommandSpec().usageMessage().width(60);
        assertEquals(0, cl.execute("generate", "--help"));
        String help = out.toString();
        String list = help.substring(help.indexOf("Environments:") + "Environments:".length()).strip();
        assertTrue(list.startsWith("cartpole"), help);
        for (String line : list.split("\\R")) {
            if (line.isBlank() || line.startsWith("cartpole")) continue;
            assertTrue(line.startsWith("  "), "a wrapped or listed line starts at column 0: '" + line + "'\n" + help);
            assertTrue(line.length() <= 60, line);
        }
        assertTrue(help.contains("gridworld") && help.contains("steer_noise=0.0]"), help);
    }
}
