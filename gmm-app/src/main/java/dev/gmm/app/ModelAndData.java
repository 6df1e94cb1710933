package dev.gmm.app;

import dev.gmm.app.internal.ModelFiles;
import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixtureModel;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** The {@code --model} and {@code --data} options that predict and score share. */
final class ModelAndData {
    @Option(names = "--model", required = true, description = "Model JSON written by gmm fit.")
    Path model;
    @Option(names = "--data", required = true, description = "Numeric CSV, one sample per line (header optional).")
    Path data;
    @Mixin
    CsvReading csv = new CsvReading();

    GaussianMixtureModel readModel() throws IOException {
        return ModelFiles.read(model);
    }

    DataMatrix readData() throws IOException {
        return csv.read(data, false);
    }
}
