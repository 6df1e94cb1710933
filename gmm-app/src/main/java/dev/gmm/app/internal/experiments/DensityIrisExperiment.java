package dev.gmm.app.internal.experiments;

import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.app.spi.Dataset;
import dev.gmm.core.app.spi.Experiment;
import dev.gmm.core.app.spi.ExperimentContext;
import dev.gmm.core.experiment.ExperimentResult.Chart;
import dev.gmm.core.experiment.ExperimentResult.ChartKind;
import dev.gmm.core.experiment.ExperimentResult;
import dev.gmm.datasets.Datasets;
import dev.gmm.metrics.ClusteringMetrics;
import dev.gmm.metrics.ConfusionMatrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Experiment {@code density-iris}: the study's density analysis of the bundled Iris. The feature
 * correlation matrix; full-covariance mixtures of 3 and 8 components (10 k-means starts); how many
 * flowers fall in their species' cluster under the best one-to-one mapping (the study: 145/150),
 * for the context's seed and for ten seeds in a row. {@code --data} does not apply (Iris is bundled).
 */
public final class DensityIrisExperiment implements Experiment {
    static final int STARTS = 10;
    static final int SEEDS = 10;
    /** Petal length and width: the two features that separate the species best. */
    static final int X = 2;
    static final int Y = 3;

    @Override
    public String name() {
        return "density-iris";
    }

    @Override
    public boolean readsData() {
        return false;
    }

    @Override
    public String description() {
        return "Iris: correlation matrix, GMM with 3 and 8 full components, species recovered (study: 145/150)";
    }

    @Override
    public ExperimentResult run(ExperimentContext context) {
        Dataset iris = Datasets.iris();
        int n = iris.data().rows();
        var result = ExperimentResult.builder(name(), "Density of the Iris flowers")
                .summary("The bundled Iris (" + n + " flowers, 4 features, 3 species); Gaussian mixtures with full "
                        + "covariances and " + STARTS + " k-means starts, seed " + context.seed() + ".");
        result.heatmap(Correlation.heatmap("Correlation of the Iris features", iris.data(), iris.featureNames()));
        context.progress().start("Iris mixtures", 2 + SEEDS);
        GaussianMixtureModel three = fit(iris, 3, context.seed());
        context.progress().advance(1);
        GaussianMixtureModel eight = fit(iris, 8, context.seed());
        context.progress().advance(1);
        int[] labels = three.predict(iris.data());
        ConfusionMatrix map = ConfusionMatrix.of(iris.labels(), labels);
        long matched = Math.round(map.accuracy() * n);
        List<Long> perSeed = new ArrayList<>();
        for (int s = 0; s < SEEDS; s++) {
            GaussianMixtureModel m = fit(iris, 3, context.seed() + s);
            perSeed.add(Math.round(ClusteringMetrics.bestMapAccuracy(iris.labels(), m.predict(iris.data())).accuracy()
                    * n));
            context.progress().advance(1);
        }
        context.progress().finish();
        int[] eightLabels = eight.predict(iris.data());
        long purity = majorityMatched(iris.labels(), eightLabels, 3);

        result.heatmap(map.matchedOnDiagonal().heatmap("Species against clusters (3 components)",
                ConfusionMatrix.names(iris.labelNames())));
        List<List<Object>> rows = new ArrayList<>();
        for (GaussianMixtureModel m : List.of(three, eight)) {
            rows.add(List.of(m.components(), n * m.score(iris.data()), m.score(iris.data()), m.bic(iris.data()),
                    m.aic(iris.data()), m.numParameters(), m.report().converged(), m.report().iterations()));
        }
        result.table(new ExperimentResult.Table("Mixtures of 3 and 8 full components", List.of("n_components",
                "log_likelihood", "mean_log_likelihood", "bic", "aic", "n_parameters", "converged", "n_iter"), rows));
        List<List<Object>> seedRows = new ArrayList<>();
        for (int s = 0; s < SEEDS; s++) {
            seedRows.add(List.of(context.seed() + s, perSeed.get(s), n));
        }
        result.table(new ExperimentResult.Table("Flowers in their species' cluster (3 components), seed by seed",
                List.of("seed", "matched", "of"), seedRows));
        result.chart(new Chart("3 components on petal length and width (1 and 2 σ)", ChartKind.SCATTER,
                iris.featureNames().get(X), iris.featureNames().get(Y),
                Charts.scatterByLabel(iris.data(), iris.labels(), X, Y, "species ").stream()
                        .map(s -> new ExperimentResult.Series(iris.labelNames().get(Integer.parseInt(
                                s.name().substring("species ".length()))), s.x(), s.y())).toList(),
                Charts.ellipses(three, X, Y)));
        result.chart(new Chart("8 components on petal length and width (1 and 2 σ)", ChartKind.SCATTER,
                iris.featureNames().get(X), iris.featureNames().get(Y),
                Charts.scatterByLabel(iris.data(), eightLabels, X, Y, "component "), Charts.ellipses(eight, X, Y)));

        result.number("matched", matched).number("n_samples", n).number("best_map_accuracy", map.accuracy());
        result.number("matched_per_seed", perSeed);
        result.number("bic_3", three.bic(iris.data())).number("bic_8", eight.bic(iris.data()));
        result.number("aic_3", three.aic(iris.data())).number("aic_8", eight.aic(iris.data()));
        result.number("mean_log_likelihood_3", three.score(iris.data()));
        result.number("mean_log_likelihood_8", eight.score(iris.data()));
        result.number("majority_matched_8", purity);
        double[][] r = Correlation.matrix(iris.data());
        result.number("petal_length_width_correlation", r[X][Y]);

        long seedsAt145 = perSeed.stream().filter(m -> m >= 145).count();
        result.finding(String.format(Locale.ROOT, "The study put 145 of the 150 flowers in their species' cluster "
                + "(3 full components). %s: %d/%d with seed %d, and at least 145 for %d of %d seeds in a row "
                + "(range %d..%d).", matched >= 145 ? "Reproduced" : "Not reproduced", matched, n, context.seed(),
                seedsAt145, SEEDS, perSeed.stream().mapToLong(Long::longValue).min().orElseThrow(),
                perSeed.stream().mapToLong(Long::longValue).max().orElseThrow()));
        boolean bicPrefersThree = eight.bic(iris.data()) > three.bic(iris.data());
        boolean aicPrefersThree = eight.aic(iris.data()) > three.aic(iris.data());
        result.finding(String.format(Locale.ROOT, "8 components fit the density more closely (mean log-likelihood "
                        + "%.3f vs %.3f for 3); BIC prefers %d components (%.1f vs %.1f for 8) and AIC %d (%.1f vs %.1f). "
                        + "Mapping each of the 8 components to its majority species puts %d/%d flowers in their species, "
                        + "%s the %d of 3 components: %s",
                eight.score(iris.data()), three.score(iris.data()), bicPrefersThree ? 3 : 8, three.bic(iris.data()),
                eight.bic(iris.data()), aicPrefersThree ? 3 : 8, three.aic(iris.data()), eight.aic(iris.data()), purity,
                n, purity < matched ? "fewer than" : "at least", matched, purity < matched
                        ? "some of the extra components straddle versicolor and virginica, where the species overlap."
                        : "the extra components split species without mixing them."));
        result.finding(String.format(Locale.ROOT, "Petal length and width correlate at %.3f: the species differ "
                + "mostly along that one direction, which the components' tilted ellipses follow.", r[X][Y]));
        return result.build();
    }

    private static GaussianMixtureModel fit(Dataset iris, int k, long seed) {
        return GaussianMixture.builder().components(k).covarianceType("full").nInit(STARTS).seed(seed).build()
                .fit(iris.data());
    }

    /** Rows whose cluster's majority class is their own class (many clusters may map to one class). */
    static long majorityMatched(int[] truth, int[] clusters, int classes) {
        int k = 0;
        for (int c : clusters) {
            k = Math.max(k, c + 1);
        }
        long[][] counts = new long[k][classes];
        for (int i = 0; i < truth.length; i++) {
            counts[clusters[i]][truth[i]]++;
        }
        long matched = 0;
        for (long[] row : counts) {
            long max = 0;
            for (long v : row) {
                max = Math.max(max, v);
            }
            matched += max;
        }
        return matched;
    }
}
