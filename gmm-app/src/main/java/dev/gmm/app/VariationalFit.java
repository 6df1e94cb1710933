package dev.gmm.app;

import dev.gmm.app.internal.ConsoleProgress;
import dev.gmm.app.internal.CsvFiles;
import dev.gmm.app.internal.IterationProgress;
import dev.gmm.app.internal.ModelFiles;
import dev.gmm.app.internal.PriorsFile;
import dev.gmm.core.BayesianGaussianMixture;
import dev.gmm.core.BayesianGaussianMixtureModel;
import dev.gmm.core.DataMatrix;
import dev.gmm.core.VariationalPriors;
import dev.gmm.datasets.io.SavedModel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code gmm fit --method variational}: scikit-learn's BayesianGaussianMixture with the fit command's
 * shared options, {@code --weight-concentration-prior-type} and {@code --priors}. {@code --init-from}
 * takes {@code {"responsibilities": [[...]]}} or a variational model file (a warm start); a start object
 * of weights, means and precisions is EM's and is refused.
 */
final class VariationalFit {
    private VariationalFit() {
    }

    static int run(FitCommand c, CsvReading.Training training) throws IOException {
        DataMatrix x = training.data();
        VariationalPriors priors = c.priors == null ? VariationalPriors.defaults() : PriorsFile.read(c.priors);
        BayesianGaussianMixture.Builder builder = BayesianGaussianMixture.builder().components(c.components)
                .covarianceType(c.covariance).weightConcentrationPriorType(c.weightConcentrationPriorType)
                .priors(priors).initMethod(c.init).nInit(c.nInit).maxIter(c.maxIter).tol(c.tol).regCovar(c.regCovar)
                .seed(c.seed);
        if (c.threads > 0) {
            builder.threads(c.threads);
        }
        double[][] responsibilities = null;
        BayesianGaussianMixtureModel warmStart = null;
        if (c.initFrom != null) {
            switch (ModelFiles.readStart(c.initFrom, c.covariance)) {
                case ModelFiles.Start.Responsibilities r -> responsibilities = r.values();
                case ModelFiles.Start.Model m -> warmStart = variationalModel(c.initFrom);
                case ModelFiles.Start.Parameters p -> throw new IllegalArgumentException("--init-from " + c.initFrom
                        + " holds EM start parameters (weights, means, precisions); a variational fit starts from "
                        + "{\"responsibilities\": [[...]]} or a variational model file");
            }
        }
        double[] weights = c.sampleWeights == null ? null : CsvFiles.readColumn(c.sampleWeights, "--sample-weights");
        IterationProgress iterations = new IterationProgress(ConsoleProgress.forConsole(), c.nInit, c.maxIter);
        BayesianGaussianMixture mixture = builder.listener(iterations).build();
        BayesianGaussianMixtureModel model;
        try {
            model = responsibilities != null ? mixture.fitFromResponsibilities(x, weights, responsibilities)
                    : mixture.fit(x, weights, warmStart);
        } finally {
            iterations.done();
        }
        ModelFiles.write(new SavedModel(model, training.featureNames()), c.out);
        long effective = java.util.Arrays.stream(model.weights()).filter(w -> w >= 0.01).count();
        System.out.println(String.format(Locale.ROOT,
                "fit (variational): %d iterations, converged=%s, lower bound %s, %d of %d components with weight >= 0.01 -> %s",
                model.report().iterations(), model.report().converged(), model.report().lowerBound(), effective,
                model.components(), c.out));
        return 0;
    }

    private static BayesianGaussianMixtureModel variationalModel(Path file) throws IOException {
        SavedModel saved = ModelFiles.read(file, "--init-from");
        if (!saved.isVariational()) {
            throw new IllegalArgumentException("--init-from " + file + " is an EM model; a variational fit warm-starts "
                    + "only from a variational model file (gmm fit --method variational)");
        }
        return saved.variational();
    }
}
