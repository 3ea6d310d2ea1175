package io.il4j.cli;

import io.il4j.core.env.Env;
import io.il4j.envs.Envs;
import picocli.CommandLine;
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

    /**
     * The help section listing every environment and its options, laid out as picocli lays out its command
     * list, so wrapped lines stay indented under the description at whatever width the help is printed.
     */
    static String environmentsHelp(CommandLine.Help help) {
        return help.createHeading("%nEnvironments:%n") + help.createTextTable(Envs.descriptions());
    }
}
