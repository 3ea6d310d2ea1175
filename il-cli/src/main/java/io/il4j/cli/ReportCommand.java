package io.il4j.cli;

import io.il4j.core.report.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code il report}: the HTML page of one run directory, or several runs side by side. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the HTML report of a run directory, or compare several runs in one page.",
                "One self-contained file (charts inline, no network access needed): learning curves from metrics.csv (overlaid "
                        + "across runs), the results tables with confidence intervals, plots, dataset, configuration "
                        + "(values that differ between runs highlighted) and provenance.",
                "With one RUN_DIR and no --out it (re)writes RUN_DIR/report.html, which il train, eval, quickstart and bench "
                        + "already write."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "Run directories (e.g. runs/bc-gaussian).")
    List<Path> dirs;

    @Option(names = "--out", paramLabel = "FILE", description = "The page to write (default: RUN_DIR/report.html for one run, "
            + "compare.html for several).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path written;
        if (dirs.size() == 1 && out == null) {
            written = RunReport.write(dirs.get(0));
        } else {
            written = out != null ? out : Path.of("compare.html");
            RunReport.compare(dirs, written);
        }
        System.out.println("report: " + written);
        return 0;
    }
}
