package io.il4j.cli;

import io.il4j.core.train.Provenance;
import io.il4j.bc.TrainedPolicy;
import io.il4j.core.report.Table;

import java.util.Map;

/** The summary tables commands print at the end of their work. */
final class Summaries {

    private Summaries() {
    }

    /** What a BC training run did: steps, best checkpoint, early stopping and the final metrics. */
    /** The two losses come from different checks (the last one, the best one): say which. */
    private static String label(String metric) {
        return switch (metric) {
            case "train_loss" -> "train_loss (last check)";
            case "validation_loss" -> "validation_loss (best checkpoint)";
            default -> metric;
        };
    }

    static Table trainingTable(TrainedPolicy trained) {
        Provenance p = trained.provenance();
        Table t = new Table("training", "value").title("BC training summary (" + trained.config().head().cliName() + " head)");
        t.addRow("gradient steps", p.stepsTrained());
        t.addRow("best checkpoint (step)", p.bestStep());
        t.addRow("stopped early", p.stoppedEarly() ? "yes" : "no");
        for (Map.Entry<String, Double> e : p.metrics().entrySet()) t.addRow(label(e.getKey()), e.getValue());
        t.addRow("dataset", p.datasetSummary());
        t.addRow("dataset sha-256", p.datasetHash().substring(0, 16) + "…");
        return t;
    }
}
