package dev.gmm.app;

import dev.gmm.app.internal.report.PlotWarmup;
import dev.gmm.app.internal.ConsoleProgress;
import dev.gmm.app.internal.CsvFiles;
import dev.gmm.app.internal.FileChecks;
import dev.gmm.app.internal.FitPlot;
import dev.gmm.app.internal.IterationProgress;
import dev.gmm.app.internal.ModelFiles;
import dev.gmm.app.internal.ModelPipeline;
import dev.gmm.app.internal.report.PlotFiles;
import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.ProgressListener;
import dev.gmm.datasets.io.SavedModel;
import dev.gmm.datasets.io.StoredScaler;
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
    @Option(names = "--standardize", description = "Scale each column to zero mean and unit variance before "
            + "fitting (scikit-learn's StandardScaler); the scaler is stored in the model file and applied by "
            + "predict, score and sample.")
    boolean standardize;
    @Option(names = "--min-max", description = "Scale each column onto [0, 1] before fitting (MinMaxScaler); "
            + "stored and applied like --standardize.")
    boolean minMax;
    @Option(names = "--plot", paramLabel = "FILE.png", description = "Also draw the data coloured by component with "
            + "each component's 1 and 2 sigma ellipse (2 columns as they are, more on the first two principal "
            + "components).")
    Path plot;
    @Option(names = "--out", required = true, description = "Where to write the model JSON.")
    Path out;
    @Option(names = "--method", defaultValue = "em", description = "em, or variational for scikit-learn's BayesianGaussianMixture (default ${DEFAULT-VALUE}).")
    String method;
    @Option(names = "--weight-concentration-prior-type", defaultValue = "dirichlet_process", description = "With --method variational: dirichlet_process or dirichlet_distribution (default ${DEFAULT-VALUE}).")
    String weightConcentrationPriorType;
    @Option(names = "--priors", description = "With --method variational: JSON with any of weight_concentration_prior, mean_precision_prior, mean_prior, degrees_of_freedom_prior, covariance_prior.")
    Path priors;
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
        if (!method.equals("em") && !method.equals("variational")) {
            throw new IllegalArgumentException("--method " + method + " is not a fitting method: use em or variational");
        }
        if (method.equals("em") && priors != null) {
            throw new IllegalArgumentException("--priors applies to --method variational only; add it or drop --priors");
        }
        if (standardize && minMax) {
            throw new IllegalArgumentException("--standardize and --min-max both scale the data: pass one of them");
        }
        if (LargeDataFit.applies(this)) {
            if (!method.equals("em") || standardize || minMax || plot != null) {
                throw new IllegalArgumentException("--online and .npy data fit by EM without scaling or --plot: drop "
                        + "--method variational, --standardize, --min-max and --plot, or read a CSV");
            }
            return new LargeDataFit(this).run();
        }
        FileChecks.requireOutputFile(out, "--out", data, initFrom, sampleWeights, priors);
        FileChecks.requireOutputFile(plot, "--plot", data, initFrom, sampleWeights, out);
        CsvReading.Training training = csv.readForFit(data, float32);
        if (method.equals("variational")) {
            if (standardize || minMax || plot != null) {
                throw new IllegalArgumentException("--standardize, --min-max and --plot are not yet available with "
                        + "--method variational: fit with --method em for them");
            }
            return VariationalFit.run(this, training);
        }
        DataMatrix original = training.data();
        if (plot != null && original.cols() < 2) {
            throw new IllegalArgumentException("--plot needs at least 2 feature columns; " + data + " gives "
                    + original.cols() + ": leave --plot out");
        }
        if (plot != null) {
            PlotWarmup.start();
        }
        StoredScaler scaler = standardize ? StoredScaler.standardize(original)
                : minMax ? StoredScaler.minMax(original) : null;
        DataMatrix x = scaler == null ? original : scaler.transform(original);
        if (float32 && scaler != null) {
            x = x.toFloat32();
        }
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
        SavedModel saved = new SavedModel(model, training.featureNames(), scaler);
        ModelFiles.write(saved, out);
        if (plot != null) {
            PlotFiles.writePng(FitPlot.of(saved, original), plot);
        }
        // BIC of the data in their own units (see ModelPipeline), as gmm score reports it.
        System.out.println(String.format(Locale.ROOT, "fit: %d iterations, converged=%s, lower bound %s, BIC %s -> %s%s",
                model.report().iterations(), model.report().converged(), model.report().lowerBound(),
                new ModelPipeline(saved).bic(original), out, plot == null ? "" : ", plot " + plot));
        return 0;
    }
}
