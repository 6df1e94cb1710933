package dev.gmm.app;

import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.Plugins;
import dev.gmm.core.spi.Dataset;
import dev.gmm.core.spi.DatasetProvider;
import picocli.CommandLine.Command;

import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code gmm demo} (for now): fits 3 full-covariance components to the bundled Iris data and
 * prints a short report. The full demo (every experiment, one HTML report) comes with issue 9.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Fit and score a 3-component mixture on the bundled Iris data.")
final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        if (!Plugins.names(DatasetProvider.class).contains("iris")) {
            throw new IllegalStateException("the bundled Iris data set (module gmm-datasets) is not installed; "
                    + "rebuild with 'mvn -DskipTests install' at the repository root");
        }
        DatasetProvider iris = Plugins.find(DatasetProvider.class, "iris");
        Dataset d = iris.load(null);
        GaussianMixtureModel m = GaussianMixture.builder().components(3).covarianceType("full").seed(0).build().fit(d.data());
        System.out.printf(Locale.ROOT, "Iris: %d flowers, %d features; 3 full-covariance components%n",
                d.data().rows(), d.data().cols());
        System.out.printf(Locale.ROOT, "  %d iterations, converged=%s, kernel %s%n", m.report().iterations(),
                m.report().converged(), m.report().kernel());
        System.out.printf(Locale.ROOT, "  mean log-likelihood %.6f, BIC %.3f, AIC %.3f%n", m.score(d.data()),
                m.bic(d.data()), m.aic(d.data()));
        System.out.printf(Locale.ROOT, "  weights %s%n", java.util.Arrays.toString(m.weights()));
        return 0;
    }
}
