package dev.gmm.app;

import dev.gmm.app.internal.CsvFiles;
import dev.gmm.app.internal.FileChecks;
import dev.gmm.app.internal.FiniteOutputs;
import dev.gmm.app.internal.ModelFiles;
import dev.gmm.app.internal.ModelPipeline;
import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.MixtureModel;
import dev.gmm.datasets.io.AtomicFiles;
import dev.gmm.datasets.io.SavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code gmm sample}: draws samples from a model into a CSV file, each row with the component it
 * came from in a last column {@code component} (scikit-learn's {@code sample} returns both), in the
 * training data's units when the model stores a scaler.
 */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Draw samples from a model into a CSV file: the model's feature columns (in the training "
                + "data's units, also for a model fitted with --standardize or --min-max) and a last column "
                + "'component', the component each row was drawn from.")
final class SampleCommand implements Callable<Integer> {
    /** The label column's name; score and predict skip it by name, as the model's columns are picked by name. */
    static final String COMPONENT_COLUMN = "component";

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
        DataMatrix data = new ModelPipeline(saved).toDataUnits(s.data());
        // Columns named as the training data's, so the samples can be fed back (to score, predict) by name.
        List<String> header = new ArrayList<>(saved.hasFeatureNames() ? saved.featureNamesIn()
                : CsvFiles.columnNames("x", m.features()));
        header.add(COMPONENT_COLUMN);
        StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
        for (int r = 0; r < data.rows(); r++) {
            double[] row = data.row(r);
            for (double v : row) {
                FiniteOutputs.require(v, "a drawn sample", "model file " + model);
            }
            csv.append(CsvFiles.formatRow(row)).append(',').append(s.components()[r]).append('\n');
        }
        AtomicFiles.writeString(out, csv.toString());
        return 0;
    }
}
