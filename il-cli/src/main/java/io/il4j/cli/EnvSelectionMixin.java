package io.il4j.cli;

import picocli.CommandLine.ArgGroup;

/** Puts the {@link EnvSelection} options under their own heading in {@code --help}. */
final class EnvSelectionMixin {
    @ArgGroup(exclusive = false, multiplicity = "1", heading = "%nEnvironment:%n")
    EnvSelection selection = new EnvSelection();
}
