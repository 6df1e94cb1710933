package dev.gmm.app;

import dev.gmm.app.internal.FileChecks;
import dev.gmm.app.internal.ModelFiles;
import dev.gmm.datasets.CsvRows;
import dev.gmm.datasets.io.SavedModel;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** The {@code --model} and {@code --data} options that predict and score share. */
final class ModelAndData {
    @Option(names = "--model", required = true, description = "Model JSON written by gmm fit.")
    Path model;
    @Option(names = "--data", required = true, description = "Numeric CSV, one sample per line (header optional), or an .npy file (mapped, not read).")
    Path data;
    @Mixin
    CsvReading csv = new CsvReading();

    SavedModel readModel() throws IOException {
        return ModelFiles.read(model, "--model");
    }

    /** The data's rows, in the model's columns (by name when both have names). */
    CsvRows readData(SavedModel m) throws IOException {
        return csv.readForModel(data, m);
    }

    /** Fails before any work when {@code out} cannot be written or is one of the inputs. */
    void checkOutput(Path out) throws IOException {
        FileChecks.requireOutputFile(out, "--out", model, data);
    }
}
