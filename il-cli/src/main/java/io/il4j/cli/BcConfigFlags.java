package io.il4j.cli;

import io.il4j.bc.BcConfig;
import io.il4j.bc.HeadType;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * The one table relating {@code il train bc} flags to {@link BcConfig} fields. It gives the flags their
 * defaults from BcConfig's (so help and behaviour never disagree with the library) and rewrites the
 * trainer's messages, which speak BcConfig's language ({@code validationFraction=0}), into flags
 * ({@code --validation 0}) for a command-line user.
 */
final class BcConfigFlags implements IDefaultValueProvider {
    private static final BcConfig D = BcConfig.defaults(HeadType.GAUSSIAN);

    /** @param defaultValue null when picocli's own default applies (flags, lists without one) */
    private record Flag(String flag, String field, String defaultValue) {
    }

    private static final List<Flag> FLAGS = List.of(
            new Flag("--hidden", "hiddenSizes", D.hiddenSizes().stream().map(String::valueOf).collect(Collectors.joining(","))),
            new Flag("--lr", "learningRate", String.valueOf(D.learningRate())),
            new Flag("--batch", "batchSize", String.valueOf(D.batchSize())),
            new Flag("--epochs", "epochs", String.valueOf(D.epochs())),
            new Flag("--steps", "maxSteps", String.valueOf(D.maxSteps())),
            new Flag("--validation", "validationFraction", String.valueOf(D.validationFraction())),
            new Flag("--patience", "patience", String.valueOf(D.patience())),
            new Flag("--components", "mixtureComponents", String.valueOf(D.mixtureComponents())),
            new Flag("--nll-beta", "nllBeta", String.valueOf(D.nllBeta())),
            new Flag("--history", "history", String.valueOf(D.history())),
            new Flag("--seed", "seed", String.valueOf(D.seed())),
            new Flag("--relabel", "relabel", D.relabel().name().toLowerCase(Locale.ROOT)),
            new Flag("--goal-conditioned", "goalConditioned", null),
            new Flag("--achieved-goal-dims", "achievedGoalDims", null));

    private static final Map<String, String> DEFAULTS = FLAGS.stream().filter(f -> f.defaultValue() != null)
            .collect(Collectors.toMap(Flag::flag, Flag::defaultValue));

    // A field named like its flag ("epochs", "history") is left alone: rewriting it gains nothing and would
    // also hit the same word used as an ordinary word in a message.
    private static final Map<String, String> FLAG_OF_RENAMED_FIELD = FLAGS.stream()
            .filter(f -> !f.flag().equals("--" + f.field()))
            .collect(Collectors.toMap(Flag::field, Flag::flag));

    @Override
    public String defaultValue(ArgSpec arg) {
        return arg instanceof OptionSpec o ? DEFAULTS.get(o.longestName()) : null;
    }

    /** {@code message} with every BcConfig field name written as its flag: {@code validationFraction=0} as {@code --validation 0}. */
    static String inFlags(String message) {
        if (message == null) return null;
        String m = message;
        for (var e : FLAG_OF_RENAMED_FIELD.entrySet()) {
            String flag = Matcher.quoteReplacement(e.getValue());
            m = m.replaceAll("\\b" + e.getKey() + "=", flag + " ").replaceAll("\\b" + e.getKey() + "\\b", flag);
        }
        // "head" is also an ordinary word in these messages ("the categorical head"): only its assignment form
        // names the field; relabel=X names a field that shares its flag's name
        return m.replaceAll("\\bhead=", "--policy ").replaceAll("\\brelabel=", "--relabel ");
    }
}
