package io.il4j.cli;

import io.il4j.core.env.Env;
import io.il4j.envs.Envs;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --env ID -o key=value…}: which registered environment, with which options. Shared by commands that roll out. */
final class EnvSelection {

    @Option(names = "--env", required = true, paramLabel = "ID",
            description = "Environment id (see the list below).")
    String envId;

    @Option(names = {"-o", "--env-option"}, paramLabel = "KEY=VALUE",
            description = "Environment option, repeatable, e.g. -o max_steps=1000 -o traffic=5 (see the list below).")
    Map<String, String> envOptions = new LinkedHashMap<>();

    Env make() {
        return Envs.make(envId, envOptions);
    }

    /** A help footer listing every environment and its options. */
    static String footer() {
        return "%nEnvironments:%n" + Envs.describe().replace("%", "%%").replace(System.lineSeparator(), "%n") + "%n";
    }
}
