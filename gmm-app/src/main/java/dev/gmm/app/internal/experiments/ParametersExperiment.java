package dev.gmm.app.internal.experiments;

import dev.gmm.core.DataMatrix;
import dev.gmm.core.GaussianMixture;
import dev.gmm.core.GaussianMixtureModel;
import dev.gmm.core.app.spi.Dataset;
import dev.gmm.core.app.spi.Experiment;
import dev.gmm.core.app.spi.ExperimentContext;
import dev.gmm.core.app.spi.ExperimentOption;
import dev.gmm.core.app.spi.ExperimentOptions;
import dev.gmm.core.experiment.ExperimentResult.Chart;
import dev.gmm.core.experiment.ExperimentResult.ChartKind;
import dev.gmm.core.experiment.ExperimentResult.Series;
import dev.gmm.core.experiment.ExperimentResult;
import dev.gmm.datasets.Csv;
import dev.gmm.datasets.Generators;
import dev.gmm.metrics.ClusteringMetrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Experiment {@code parameters}: the study's parameter sweep. n_components 1..8 (option "max-k") ×
 * the four covariance types, each fit judged by BIC, AIC, silhouette and Calinski-Harabasz. Default
 * data: 300 blobs in 2-D around 3 centres; {@code --data} takes a numeric CSV instead.
 */
public final class ParametersExperiment implements Experiment {
    private static final ExperimentOption<Integer> MAX_K = ExperimentOption.positiveInt("max-k", 8,
            "most components the criteria choose from");
    static final List<String> COVARIANCE_TYPES = List.of("full", "tied", "diag", "spherical");
    static final int TRUE_CENTRES = 3;

    @Override
    public String name() {
        return "parameters";
    }

    @Override
    public String description() {
        return "n_components 1..8 x covariance types against AIC/BIC, silhouette and Calinski-Harabasz";
    }

    /** One grid point; silhouette and Calinski-Harabasz are NaN when the fit uses fewer than 2 clusters. */
    record Fit(int k, String covarianceType, double bic, double aic, double silhouette, double calinskiHarabasz,
               boolean converged, int iterations) {
    }

    @Override
    public List<ExperimentOption<?>> options() {
        return List.of(MAX_K);
    }

    @Override
    public ExperimentResult run(ExperimentContext context) throws Exception {
        ExperimentOptions options = context.read(this);
        int maxK = options.get(MAX_K);
        Dataset data = context.data() != null ? Csv.read(context.data())
                : Generators.blobs(300, 2, TRUE_CENTRES, 1.0, context.seed());
        String source = context.data() != null ? context.data().getFileName().toString()
                : "300 blobs in 2-D around 3 centres (seed " + context.seed() + ")";
        List<Fit> fits = new ArrayList<>();
        context.progress().start("parameter sweep", (long) maxK * COVARIANCE_TYPES.size());
        for (String type : COVARIANCE_TYPES) {
            for (int k = 1; k <= Math.min(maxK, data.data().rows()); k++) {
                fits.add(fit(data.data(), k, type, context.seed()));
                context.progress().advance(1);
            }
        }
        context.progress().finish();
        var result = ExperimentResult.builder(name(), "Number of components and covariance type")
                .summary("Every combination of n_components 1.." + maxK + " and covariance type " + COVARIANCE_TYPES
                        + " fitted to " + source + " (one k-means start, seed " + context.seed()
                        + "); BIC and AIC lower is better, silhouette and Calinski-Harabasz higher.");
        List<List<Object>> rows = new ArrayList<>();
        for (Fit f : fits) {
            rows.add(List.of(f.k(), f.covarianceType(), f.bic(), f.aic(), orDash(f.silhouette()),
                    orDash(f.calinskiHarabasz()), f.converged(), f.iterations()));
        }
        result.table(new ExperimentResult.Table("Every fit", List.of("n_components", "covariance_type", "bic", "aic",
                "silhouette", "calinski_harabasz", "converged", "n_iter"), rows));
        result.chart(sweep("BIC against n_components", "BIC", fits, Fit::bic));
        result.chart(sweep("AIC against n_components", "AIC", fits, Fit::aic));
        result.chart(sweep("Silhouette against n_components", "silhouette", fits, Fit::silhouette));
        result.chart(sweep("Calinski-Harabasz against n_components", "Calinski-Harabasz", fits,
                Fit::calinskiHarabasz));
        Fit bic = best(fits, Fit::bic, false);
        Fit aic = best(fits, Fit::aic, false);
        Fit sil = best(fits, Fit::silhouette, true);
        Fit ch = best(fits, Fit::calinskiHarabasz, true);
        for (var e : List.of(Map.entry("bic", bic), Map.entry("aic", aic), Map.entry("silhouette", sil),
                Map.entry("calinski_harabasz", ch))) {
            result.number("best_by_" + e.getKey() + "_n_components", e.getValue().k());
            result.number("best_by_" + e.getKey() + "_covariance_type", e.getValue().covarianceType());
        }
        result.number("fits", fits.size());
        if (context.data() == null) {
            result.finding(String.format(Locale.ROOT, "The study varied n_components and the covariance type and read "
                    + "the right model off BIC/AIC. %s: on data with %d true blobs BIC is lowest at %d components (%s, "
                    + "BIC %.1f) and AIC at %d (%s).", bic.k() == TRUE_CENTRES ? "Reproduced" : "Not reproduced",
                    TRUE_CENTRES, bic.k(), bic.covarianceType(), bic.bic(), aic.k(), aic.covarianceType()));
        } else {
            result.finding(String.format(Locale.ROOT, "BIC is lowest at %d components (%s, BIC %.1f), AIC at %d (%s).",
                    bic.k(), bic.covarianceType(), bic.bic(), aic.k(), aic.covarianceType()));
        }
        result.finding(String.format(Locale.ROOT, "Silhouette peaks at %d components (%s, %.3f) and Calinski-Harabasz "
                + "at %d (%s, %.1f); %s", sil.k(), sil.covarianceType(), sil.silhouette(), ch.k(),
                ch.covarianceType(), ch.calinskiHarabasz(), sil.k() == bic.k() && ch.k() == bic.k()
                ? "all four criteria agree on the number of components."
                : "the internal scores and the likelihood criteria disagree, so the choice of criterion matters."));
        return result.build();
    }

    private static Fit fit(DataMatrix data, int k, String type, long seed) {
        GaussianMixtureModel model = GaussianMixture.builder().components(k).covarianceType(type).seed(seed).build()
                .fit(data);
        int[] labels = model.predict(data);
        boolean clusters = Arrays.stream(labels).distinct().count() >= 2;
        return new Fit(k, type, model.bic(data), model.aic(data),
                clusters ? ClusteringMetrics.silhouetteScore(data, labels) : Double.NaN,
                clusters ? ClusteringMetrics.calinskiHarabaszScore(data, labels) : Double.NaN,
                model.report().converged(), model.report().iterations());
    }

    /** One LINE series per covariance type; undefined points (NaN) are left out. */
    private static Chart sweep(String title, String yLabel, List<Fit> fits, ToDoubleFunction<Fit> metric) {
        List<Series> series = new ArrayList<>();
        for (String type : COVARIANCE_TYPES) {
            List<Fit> ofType = fits.stream().filter(f -> f.covarianceType().equals(type)
                    && !Double.isNaN(metric.applyAsDouble(f))).toList();
            series.add(new Series(type, ofType.stream().mapToDouble(Fit::k).toArray(),
                    ofType.stream().mapToDouble(metric).toArray()));
        }
        return new Chart(title, ChartKind.LINE, "n_components", yLabel, series);
    }

    /** The best defined fit by a metric (first in grid order on ties). */
    static Fit best(List<Fit> fits, ToDoubleFunction<Fit> metric, boolean higherIsBetter) {
        Fit best = null;
        for (Fit f : fits) {
            double v = metric.applyAsDouble(f);
            if (Double.isNaN(v)) {
                continue;
            }
            if (best == null || (higherIsBetter ? v > metric.applyAsDouble(best) : v < metric.applyAsDouble(best))) {
                best = f;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no fit has a defined score: give data with at least 2 distinct rows");
        }
        return best;
    }

    private static Object orDash(double v) {
        return Double.isNaN(v) ? "-" : v;
    }
}
