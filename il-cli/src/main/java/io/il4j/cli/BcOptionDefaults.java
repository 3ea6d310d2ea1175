package io.il4j.cli;

import io.il4j.bc.BcConfig;
import io.il4j.bc.HeadType;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Map;
import java.util.stream.Collectors;

/** {@code il train bc} option defaults taken from {@link BcConfig}'s defaults, so help and behaviour never disagree with the library. */
final class BcOptionDefaults implements IDefaultValueProvider {
    private static final BcConfig D = BcConfig.defaults(HeadType.GAUSSIAN);
    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("--hidden", D.hiddenSizes().stream().map(String::valueOf).collect(Collectors.joining(","))),
            Map.entry("--lr", String.valueOf(D.learningRate())),
            Map.entry("--batch", String.valueOf(D.batchSize())),
            Map.entry("--epochs", String.valueOf(D.epochs())),
            Map.entry("--steps", String.valueOf(D.maxSteps())),
            Map.entry("--validation", String.valueOf(D.validationFraction())),
            Map.entry("--patience", String.valueOf(D.patience())),
            Map.entry("--components", String.valueOf(D.mixtureComponents())),
            Map.entry("--nll-beta", String.valueOf(D.nllBeta())),
            Map.entry("--history", String.valueOf(D.history())),
            Map.entry("--seed", String.valueOf(D.seed())),
            Map.entry("--relabel", D.relabel().name().toLowerCase(java.util.Locale.ROOT)));

    @Override
    public String defaultValue(ArgSpec arg) {
        return arg instanceof OptionSpec o ? DEFAULTS.get(o.longestName()) : null;
    }
}
