package io.il4j.cli;

import picocli.CommandLine.ArgGroup;

/** Puts the {@link DataInputOptions} under their own heading in {@code --help}. */
final class DataInputOptionsMixin {
    @ArgGroup(validate = false, heading = "%nReading the data (CSV column mapping, HDF5 layout):%n")
    DataInputOptions options = new DataInputOptions();
}
