package dev.gmm.app;

import dev.gmm.app.internal.ConsoleProgress;
import dev.gmm.app.internal.CsvFiles;
import dev.gmm.app.internal.FileChecks;
import dev.gmm.app.internal.IterationProgress;
import dev.gmm.app.internal.ModelFiles;
import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.ProgressListener;
import dev.gmm.datasets.io.SavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code gmm fit}: fits a mixture to a CSV file and writes the model JSON. */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = "Fit a Gaussian mixture to a CSV file; prints one summary line and writes the model JSON.")
final class FitCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "Numeric CSV, one sample per line (header optional); an .npy "
            + "file (mapped, not read); or - (standard input, with --online).")
    Path data;
    @Mixin
    CsvReading csv = new CsvReading();
    @Option(names = "--components", required = true, description = "Number of mixture components.")
    int components;
    @Option(names = "--covariance", defaultValue = "full", description = "full, tied, diag, spherical or a plugin's covariance model (default ${DEFAULT-VALUE}).")
    String covariance;
    @Option(names = "--init", defaultValue = "kmeans", description = "kmeans, k-means++, random or random_from_data (default ${DEFAULT-VALUE}).")
    String init;
    @Option(names = "--n-init", defaultValue = "1", description = "Starts to try; the best is kept (default ${DEFAULT-VALUE}).")
    int nInit;
    @Option(names = "--max-iter", defaultValue = "100", description = "EM iterations at most (default ${DEFAULT-VALUE}).")
    int maxIter;
    @Option(names = "--tol", defaultValue = "1e-3", description = "Convergence threshold on the lower bound (default ${DEFAULT-VALUE}).")
    double tol;
    @Option(names = "--reg-covar", defaultValue = "1e-6", description = "Added to covariance diagonals (default ${DEFAULT-VALUE}).")
    double regCovar;
    @Option(names = "--seed", defaultValue = "0", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--init-from", description = "Start JSON {weights, means, precisions}, {responsibilities: [[...]]} (N x K) or a model file (warm start).")
    Path initFrom;
    @Option(names = "--sample-weights", description = "CSV with one weight per data row.")
    Path sampleWeights;
    @Option(names = "--threads", defaultValue = "0", description = "Worker threads (0 = all cores).")
    int threads;
    @Option(names = "--float32", description = "Store the data as floats.")
    boolean float32;
    @Option(names = "--out", required = true, description = "Where to write the model JSON.")
    Path out;
    // beyond the heap (issue 19): LargeDataFit
    @Option(names = "--online", description = "One pass in batches by stepwise EM, in bounded memory (CSV, .npy or -).")
    boolean online;
    @Option(names = "--batch-size", defaultValue = "10000", description = "Rows per batch with --online (default ${DEFAULT-VALUE}).")
    int batchSize;
    @Option(names = "--step-exponent", defaultValue = "0.6", description = "Stepwise EM's alpha in (0.5, 1] with --online (default ${DEFAULT-VALUE}).")
    double stepExponent;
    @Option(names = "--init-sample", defaultValue = "1000000", description = "On an .npy file with more rows, the start is computed on a seeded sample of this many rows (default ${DEFAULT-VALUE}).")
    int initSample;
    @Option(names = "--no-map", description = "Read an .npy file onto the heap instead of mapping it (for comparisons; the model is the same).")
    boolean noMap;

    @Override
    public Integer call() throws Exception {
        if (threads < 0) {
            throw new IllegalArgumentException("--threads " + threads + " is negative; give a number of worker threads "
                    + "(1 or more), or 0 for all cores");
        }
        if (LargeDataFit.applies(this)) {
            return new LargeDataFit(this).run();
        }
        FileChecks.requireOutputFile(out, "--out", data, initFrom, sampleWeights);
        CsvReading.Training training = csv.readForFit(data, float32);
        DataMatrix x = training.data();
        GaussianMixture.Builder builder = GaussianMixture.builder().components(components).covarianceType(covariance)
                .initMethod(init).nInit(nInit).maxIter(maxIter).tol(tol).regCovar(regCovar).seed(seed);
        if (threads > 0) {
            builder.threads(threads);
        }
        GaussianMixtureModel warmStart = null;
        double[][] responsibilities = null;
        if (initFrom != null) {
            switch (ModelFiles.readStart(initFrom, covariance)) {
                case ModelFiles.Start.Parameters p -> builder.weightsInit(p.weights()).meansInit(p.means())
                        .precisionsInit(p.precisions());
                case ModelFiles.Start.Model m -> warmStart = m.model();
                case ModelFiles.Start.Responsibilities r -> responsibilities = r.values();
            }
        }
        double[] weights = sampleWeights == null ? null : CsvFiles.readColumn(sampleWeights, "--sample-weights");
        ProgressListener bar = ConsoleProgress.forConsole();
        IterationProgress iterations = new IterationProgress(bar, nInit, maxIter);
        builder.listener(iterations);
        GaussianMixture mixture = builder.build();
        GaussianMixtureModel model;
        try {
            model = responsibilities != null ? mixture.fitFromResponsibilities(x, weights, responsibilities)
                    : warmStart != null ? mixture.fit(x, weights, warmStart)
                    : weights != null ? mixture.fit(x, weights) : mixture.fit(x);
        } finally {
            iterations.done();
        }
        ModelFiles.write(new SavedModel(model, training.featureNames()), out);
        System.out.println(String.format(Locale.ROOT, "fit: %d iterations, converged=%s, lower bound %s, BIC %s -> %s",
                model.report().iterations(), model.report().converged(), model.report().lowerBound(), model.bic(x), out));
        return 0;
    }
}
