package io.il4j.cli;

import io.il4j.bc.BcProvenance;
import io.il4j.bc.TrainedPolicy;
import io.il4j.core.report.Table;

import java.util.Map;

/** The summary tables commands print at the end of their work. */
final class Summaries {

    private Summaries() {
    }

    /** What a BC training run did: steps, best checkpoint, early stopping and the final metrics. */
    static Table trainingTable(TrainedPolicy trained) {
        BcProvenance p = trained.provenance();
        Table t = new Table("training", "value").title("BC training summary (" + trained.config().head().cliName() + " head)");
        t.addRow("gradient steps", p.stepsTrained());
        t.addRow("best checkpoint (step)", p.bestStep());
        t.addRow("stopped early", p.stoppedEarly() ? "yes" : "no");
        for (Map.Entry<String, Double> e : p.metrics().entrySet()) t.addRow(e.getKey(), e.getValue());
        t.addRow("dataset", p.datasetSummary());
        t.addRow("dataset sha-256", p.datasetHash().substring(0, 16) + "…");
        return t;
    }
}
