package dev.gmm.app;

import dev.gmm.app.internal.CsvFiles;
import dev.gmm.app.internal.FileChecks;
import dev.gmm.app.internal.FiniteOutputs;
import dev.gmm.app.internal.ModelFiles;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.MixtureModel;
import dev.gmm.datasets.io.SavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code gmm sample}: draws samples from a model into a CSV file. */
@Command(name = "sample", mixinStandardHelpOptions = true, description = "Draw samples from a model into a CSV file.")
final class SampleCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "Model JSON written by gmm fit.")
    Path model;
    @Option(names = "--n", required = true, description = "How many samples.")
    int n;
    @Option(names = "--seed", defaultValue = "0", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--out", required = true, description = "Output CSV.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (n < 1) {
            throw new IllegalArgumentException("--n " + n + ": give at least 1 sample");
        }
        FileChecks.requireOutputFile(out, "--out", model);
        SavedModel saved = ModelFiles.read(model, "--model");
        MixtureModel m = saved.mixture();
        GaussianMixtureModel.Sample s = m.sample(n, seed);
        for (double[] row : s.data().toArray()) {
            for (double v : row) {
                FiniteOutputs.require(v, "a drawn sample", "model file " + model);
            }
        }
        // Columns named as the training data's, so the samples can be fed back (to score, predict) by name.
        CsvFiles.writeMatrix(out, s.data(), saved.hasFeatureNames() ? saved.featureNamesIn()
                : CsvFiles.columnNames("x", m.features()));
        return 0;
    }
}
