package io.il4j.cli;

import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintStream;
import java.util.List;

/**
 * For long commands that resume by being run again (such as {@code il bench dagger}, which keeps every completed round
 * on disk): when Ctrl-C or SIGTERM ends the JVM before the command finished, says what was kept and prints the command
 * that continues, on standard error. {@link #close()} when the command ends normally, so nothing is printed then.
 * Thread-safe.
 */
final class StopNotice implements AutoCloseable {
    private final Thread hook;

    private StopNotice(Thread hook) {
        this.hook = hook;
    }

    /**
     * @param kept what survives a stop, e.g. "completed rounds are kept under runs/bc-vs-dagger"
     * @param drop flags that must not be repeated when continuing (e.g. {@code --fresh}, which would delete what was kept)
     */
    static StopNotice install(CommandSpec spec, String kept, List<String> drop) {
        String again = TypedCommand.rebuilt(spec, drop, null);
        PrintStream err = System.err;
        Thread hook = new Thread(() -> {
            err.println();
            err.println("stopped before the end; " + kept + ".");
            err.println("continue with: " + again);
            err.flush();
        }, "il4j-stop-notice");
        Runtime.getRuntime().addShutdownHook(hook);
        return new StopNotice(hook);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already stopping: the notice is being printed
        }
    }
}
