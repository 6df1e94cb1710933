package dev.gmm.spark.internal.cli;

import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.datasets.io.ModelJson;
import dev.gmm.datasets.io.StartParameters;
import dev.gmm.spark.SparkGaussianMixture;
import dev.gmm.spark.SparkGaussianMixtureModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code gmm-spark fit}: {@code gmm fit}'s options on Spark; writes the same model JSON. */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = "Fit a Gaussian mixture on Spark; prints one summary line and writes gmm's model JSON.")
final class FitCommand implements Callable<Integer> {
    @Mixin
    SparkOptions spark = new SparkOptions();
    @Option(names = "--components", required = true, description = "Number of mixture components.")
    int components;
    @Option(names = "--covariance", defaultValue = "full", description = "full, tied, diag, spherical or a plugin's covariance model (default ${DEFAULT-VALUE}).")
    String covariance;
    @Option(names = "--init", defaultValue = "kmeans", description = "kmeans, k-means++, random or random_from_data (default ${DEFAULT-VALUE}).")
    String init;
    @Option(names = "--init-sample", defaultValue = "100000", description = "At most this many rows (a seeded uniform sample) reach the initializer (default ${DEFAULT-VALUE}).")
    int initSample;
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
    @Option(names = "--init-from", description = "Start JSON {weights, means, precisions}, or a model file whose parameters start EM.")
    Path initFrom;
    @Option(names = "--weight-column", description = "A column of sample weights (not a feature).")
    String weightColumn;
    @Option(names = "--out", required = true, description = "Where to write the model JSON.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Outputs.requireFolder(out, "--out");
        if (Files.exists(out) && Files.exists(Path.of(spark.data)) && Files.isSameFile(out, Path.of(spark.data))) {
            throw new IllegalArgumentException("--out " + out + " is the input file: write the model elsewhere");
        }
        StartParameters start = initFrom == null ? null : ModelJson.readStart(initFrom);
        SparkGaussianMixture estimator = new SparkGaussianMixture().setK(components).setCovarianceType(covariance)
                .setInitMode(init).setInitSampleSize(initSample).setNInit(nInit).setMaxIter(maxIter).setTol(tol)
                .setRegCovar(regCovar).setSeed(seed).setLogDensityCol("");
        if (start != null) {
            estimator.setStart(start.weights(), start.means(), start.precisions());
        }
        if (System.console() != null) {
            // progress on an interactive terminal only, redrawn in place; cleared before the summary line
            estimator.setIterationListener((init, iteration, bound, change) -> {
                System.err.printf(Locale.ROOT, "\rgmm-spark: start %d, iteration %d, lower bound %.6f   ", init + 1,
                        iteration, bound);
                return true;
            });
        }
        SparkSession session = spark.session();
        Dataset<Row> data = InputData.read(session, spark.data, spark.partitions);
        String[] columns = InputData.columns(data, spark.columns);
        if (weightColumn != null) {
            columns = java.util.Arrays.stream(columns).filter(c -> !c.equals(weightColumn)).toArray(String[]::new);
            estimator.setWeightCol(weightColumn);
        }
        estimator.setInputCols(columns);
        SparkGaussianMixtureModel model = estimator.fit(data);
        if (System.console() != null) {
            System.err.print("\r\033[K");
        }
        ModelJson.write(model.saved(), out); // through a temporary file in the folder, then moved into place
        GaussianMixtureModel m = model.gmm();
        double bic = Scores.of(model, data).bic(m);
        System.out.println(String.format(Locale.ROOT, "fit: %d iterations, converged=%s, lower bound %s, BIC %s -> %s",
                m.report().iterations(), m.report().converged(), m.report().lowerBound(), bic, out));
        return 0;
    }
}
